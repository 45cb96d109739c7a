/**
 * The Embedded Profile's Not-at-company banner (PCF control on Dataverse forms, LWC on Salesforce): a company
 * name that ends in a full stop ("Philips N.V.") must not be followed by sentence punctuation in any language.
 */
import { LOCALES, t } from '@navsync/shared-ts';

describe.each([
  ['Embedded Profile banner', 'profile.notAtCompanyBanner'],
  ['contact form notification', 'dataverse.formNotAtCompany'],
])('Not-at-company text: %s', (_what, key) => {
  test.each(LOCALES.map((l) => [l]))('%s: no double period after "Philips N.V."', (locale) => {
    const text = t(key, locale, { name: 'Eva Jansen', company: 'Philips N.V.' });
    expect(text).toContain('Philips N.V.');
    // The company is followed by a word, never by punctuation.
    expect(text).toMatch(/Philips N\.V\. \p{L}/u);
  });
});
