import { CATALOGUES, LOCALES, format, pluralForms, t } from '../../../src/domain/i18n/index';
import { badgeSyncedText } from '../../../src/domain/badge/index';

describe('plural forms (one rule, Intl.PluralRules)', () => {
  test.each([
    ['en', 1, 'Synced 1 day ago'],
    ['en', 2, 'Synced 2 days ago'],
    ['nl', 1, '1 dag geleden gesynchroniseerd'],
    ['nl', 5, '5 dagen geleden gesynchroniseerd'],
    ['fr', 1, 'Synchronisé il y a 1 jour'],
    ['fr', 3, 'Synchronisé il y a 3 jours'],
    ['it', 1, 'Sincronizzato 1 giorno fa'],
    ['it', 7, 'Sincronizzato 7 giorni fa'],
    ['de', 1, 'Vor 1 Tag synchronisiert'],
    ['de', 30, 'Vor 30 Tagen synchronisiert'],
  ] as const)('%s, %d day(s): the badge footer reads "%s"', (locale, days, want) => {
    const s = badgeSyncedText({ daysSinceSync: days });
    expect(t(s.key, locale, s.params)).toBe(want);
  });

  test("the language's rule decides, not n === 1: French puts 0 and 1.5 in the singular, English does not", () => {
    const text = '{n, plural, one {# jour} other {# jours}}';
    expect(format(text, { n: 0 }, 'fr')).toBe('0 jour');
    expect(format(text, { n: 0 }, 'en')).toBe('0 jours');
    expect(format(text, { n: 1.5 }, 'fr')).toBe('1.5 jour');
  });

  test('=N wins over the category; a missing category falls back to other; placeholders inside a form are filled', () => {
    const text = '{n, plural, =0 {none for {who}} one {# for {who}} other {# for {who}}}';
    expect(format(text, { n: 0, who: 'Ann' })).toBe('none for Ann');
    expect(format(text, { n: 1, who: 'Ann' })).toBe('1 for Ann');
    expect(format('{n, plural, other {# x}}', { n: 1 }, 'de')).toBe('1 x');
  });

  test('without the number the plural stays visible, like any unknown placeholder', () => {
    expect(format('Synced {days, plural, one {# day} other {# days}} ago', {})).toContain('{days, plural');
  });

  test.each(LOCALES)('every plural text in %s offers other and each form its language uses for 0–1000', (locale) => {
    const rules = new Intl.PluralRules(locale);
    const needed = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
    const problems: string[] = [];
    for (const [key, text] of Object.entries(CATALOGUES[locale])) {
      for (const [arg, forms] of Object.entries(pluralForms(text))) {
        const missing = ['other', ...needed].filter((c) => !forms.includes(c));
        if (missing.length) problems.push(`${key} {${arg}}: no ${missing.join(', ')}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
