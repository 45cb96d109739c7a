/**
 * The Embedded Profile's Not-at-company banner (PCF control on Dataverse forms, LWC on Salesforce): a company
 * name that ends in a full stop ("Philips N.V.") must not be followed by sentence punctuation in any language.
 */
import { LOCALES, t } from '@navsync/shared-ts';

describe('Not-at-company banner', () => {
  test.each(LOCALES.map((l) => [l]))('%s: no double period after "Philips N.V."', (locale) => {
    const text = t('profile.notAtCompanyBanner', locale, { name: 'Eva Jansen', company: 'Philips N.V.' });
    expect(text).toContain('Philips N.V.');
    expect(text).toContain('Eva Jansen');
    // The company is followed by a word, never by punctuation.
    expect(text).toMatch(/Philips N\.V\. \p{L}/u);
  });
});
