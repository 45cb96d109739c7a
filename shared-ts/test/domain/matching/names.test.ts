import fc from 'fast-check';
import {
  compareFirstNames,
  compareLastNames,
  firstNameSounds,
  nameSound,
  prepareFirstName,
  prepareLastName,
  canonicalGivenName,
} from '../../../src/domain/matching/index';

const last = (a: string, b: string) => compareLastNames(prepareLastName(a), prepareLastName(b));
const first = (a: string, b: string) => compareFirstNames(prepareFirstName(a), prepareFirstName(b));

describe('last names: particles, compounds, transliterations, spelling variants', () => {
  test.each([
    ['van der Berg', 'Van der Berg', 'exact'],
    ['van der Berg', 'van den Berg', 'exact'],
    ['van der Berg', 'Berg', 'exact'],
    ['Vandenberg', 'van den Berg', 'exact'],
    ["D'Amico", 'Damico', 'exact'],
    ["D'Amico", 'D Amico', 'exact'],
    ['di Maio', 'DiMaio', 'exact'],
    ['von Hofmann', 'Hofmann', 'exact'],
    ['Müller', 'MUELLER', 'exact'],
    ['Lefèvre', 'Lefevre', 'exact'],
    ['Müller-Lüdenscheidt', 'Müller', 'partial'],
    ['Müller-Lüdenscheidt', 'Lüdenscheidt', 'partial'],
    ['Lefèvre', 'Lefebvre', 'sound'],
    ['Jansen', 'Janssen', 'sound'],
    ['Schmidt', 'Smith', 'sound'],
    ['Rossi', 'Russo', 'sound'],
    ['Rossi', 'Bianchi', 'none'],
    ['de Vries', 'de Boer', 'none'],
    ['', 'Rossi', 'none'],
  ] as const)('%s vs %s → %s', (a, b, level) => {
    expect(last(a, b)).toBe(level);
    expect(last(b, a)).toBe(level);
  });

  test('particles alone still identify a name ("Van" as a surname)', () => {
    expect(prepareLastName('Van').core).toEqual(['van']);
  });

  test('sound codes keep the first letter and merge German/Dutch spellings', () => {
    expect(nameSound('muller')).toBe(nameSound('mueller'));
    expect(nameSound('schmidt')).toBe(nameSound('smith'));
    expect(nameSound('carl')).not.toBe(nameSound('karl'));
    expect(nameSound('')).toBe('');
  });
});

describe('first names: accents, nicknames across languages, initials, compounds', () => {
  test.each([
    ['Jürgen', 'Jurgen', 'exact'],
    ['Hélène', 'HELENE', 'exact'],
    ['Niccolò', 'Nicolò', 'nickname'],
    ['Bill', 'William', 'nickname'],
    ['Kees', 'Cornelis', 'nickname'],
    ['Beppe', 'Giuseppe', 'nickname'],
    ['Hans', 'Johannes', 'nickname'],
    ['Fritz', 'Friedrich', 'nickname'],
    ['Jean-Pierre', 'Jean', 'partial'],
    ['J. Peter', 'Peter', 'partial'],
    ['Sofie', 'Sophie', 'sound'],
    ['J.', 'Jürgen', 'initial'],
    ['J', 'Anna', 'none'],
    ['Anna', 'Sophie', 'none'],
  ] as const)('%s vs %s → %s', (a, b, level) => {
    expect(first(a, b)).toBe(level);
    expect(first(b, a)).toBe(level);
  });

  test('nickname groups map to one canonical name', () => {
    expect(canonicalGivenName('wim')).toBe('william');
    expect(canonicalGivenName('bob')).toBe('robert');
    expect(canonicalGivenName('zebedee')).toBe('zebedee');
    expect(canonicalGivenName('constructor')).toBe('constructor');
  });

  const names = fc.oneof(
    fc.constantFrom('Jürgen', 'Jörg', 'J.', 'Bill', 'William', 'Jean-Pierre', 'Hélène', 'Niccolò', 'Kees', 'Ph', 'Sch'),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
  );

  test('first-name comparison is symmetric and any match shares a blocking sound, or is an initial of the other (property)', () => {
    fc.assert(
      fc.property(names, names, (a, b) => {
        const ka = prepareFirstName(a);
        const kb = prepareFirstName(b);
        const level = compareFirstNames(ka, kb);
        expect(compareFirstNames(kb, ka)).toBe(level);
        if (level === 'initial') {
          expect(ka.initialOnly || kb.initialOnly).toBe(true);
          expect(ka.compact[0]).toBe(kb.compact[0]);
        } else if (level !== 'none') {
          const shared = firstNameSounds(ka).filter((i) => firstNameSounds(kb).includes(i));
          expect(shared.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  test('last-name comparison is symmetric and any match shares a sound code (property)', () => {
    const lasts = fc.oneof(
      fc.constantFrom('van der Berg', 'Berg', 'Vandenberg', 'Müller-Lüdenscheidt', 'Mueller', "D'Amico"),
      fc.string({ unit: 'grapheme', maxLength: 12 }),
    );
    fc.assert(
      fc.property(lasts, lasts, (a, b) => {
        const ka = prepareLastName(a);
        const kb = prepareLastName(b);
        const level = compareLastNames(ka, kb);
        expect(compareLastNames(kb, ka)).toBe(level);
        if (level !== 'none') expect(ka.sounds.some((s) => kb.sounds.includes(s))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
