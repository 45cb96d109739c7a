import { CATALOGUES, LOCALES, labelName, resolveLocale, t, format } from '../../../src/domain/i18n/index';
import { isAllowedSameAsEnglish } from '../../../src/domain/i18n/sameAsEnglish';
import { describeError, ERROR_CODES } from '../../../src/domain/errors';

const enKeys = Object.keys(CATALOGUES.en).sort();
/** The distinct parameter names a text uses: `{name}` and `{name, plural, …}` alike (not a plural's `one {form}`). */
const placeholders = (text: string) =>
  [
    ...new Set([...text.matchAll(/(?<!(?:\b(?:zero|one|two|few|many|other)|=\d+)\s*)\{(\w+)[,}]/g)].map((m) => m[1])),
  ].sort();

describe('i18n catalogues', () => {
  test.each(LOCALES.filter((l) => l !== 'en'))('%s has exactly the English key set', (locale) => {
    expect(Object.keys(CATALOGUES[locale]).sort()).toEqual(enKeys);
  });

  test.each(LOCALES.filter((l) => l !== 'en'))('%s texts are translations, not English copies', (locale) => {
    const copies = enKeys.filter(
      (k) => CATALOGUES[locale][k] === CATALOGUES.en[k] && !isAllowedSameAsEnglish(CATALOGUES.en[k]),
    );
    expect(copies).toEqual([]);
  });

  test.each(LOCALES)('%s texts are non-empty and keep every {placeholder} of English', (locale) => {
    const problems: string[] = [];
    for (const k of enKeys) {
      const text = CATALOGUES[locale][k];
      if (!text.trim()) problems.push(`${k}: empty`);
      const want = placeholders(CATALOGUES.en[k]);
      const got = placeholders(text);
      if (want.join() !== got.join()) problems.push(`${k}: placeholders ${got.join()} ≠ ${want.join()}`);
    }
    expect(problems).toEqual([]);
  });

  test('every key makes a valid, unique Salesforce custom label name', () => {
    const names = enKeys.map(labelName);
    for (const n of names) {
      expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
      expect(n).not.toMatch(/__|_$/);
      expect(n.length).toBeLessThanOrEqual(80);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  test.each([
    ['de-CH', 'de'],
    ['nl_NL', 'nl'],
    ['fr', 'fr'],
    ['IT-it', 'it'],
    ['es-ES', 'en'],
    ['', 'en'],
  ])('resolveLocale(%s) → %s', (tag, want) => {
    expect(resolveLocale(tag)).toBe(want);
  });

  test('format fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} of {b}', { a: 3 })).toBe('3 of {b}');
  });

  test('t falls back to English, then to the key', () => {
    expect(t('errors.apiError', 'de')).not.toBe(t('errors.apiError', 'en'));
    expect(t('no.such.key', 'fr')).toBe('no.such.key');
  });
});

describe('errors catalogue', () => {
  test.each([
    ['CONNECT_FAILED', 'Could not connect to CRM. Please try again later.'],
    ['API_ERROR', 'The CRM API reported an error. Please try again later.'],
    [
      'INSUFFICIENT_ACCESS',
      'Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.',
    ],
    ['OBJECTS_UNREADABLE', 'Could not read the required CRM objects from your org.'],
  ] as const)('%s carries the help article message verbatim', (kind, message) => {
    const e = describeError(kind, 'en');
    expect(e.message).toBe(message);
    expect(e.code).toMatch(/^NS-[A-Z]+-\d{3}$/);
    expect(e.remedy.length).toBeGreaterThan(20);
  });

  test('codes are unique', () => {
    const codes = Object.values(ERROR_CODES).map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test.each(LOCALES)('the objects remedy names the missing objects in %s', (locale) => {
    const e = describeError('OBJECTS_UNREADABLE', locale, undefined, { objects: 'Opportunity, UserRole' });
    expect(e.remedy).toContain('Opportunity, UserRole');
  });
});
