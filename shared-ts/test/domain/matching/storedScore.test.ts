import fc from 'fast-check';
import {
  decodeStoredScore,
  encodeAccountScore,
  encodePersonScore,
  explainStoredScore,
  scoreAccount,
  scorePerson,
} from '../../../src/domain/matching/index';
import { companyPageArb, crmAccountArb, crmPersonArb, memberArb } from './arbitraries';

describe('a score stored on the record', () => {
  const person = scorePerson(
    { firstName: 'Kees', lastName: 'Bakker', email: 'kees.bakker@wagenborg.nl', companyName: 'Wagenborg' },
    {
      firstName: 'Cornelis',
      lastName: 'Bakker',
      positions: [{ companyName: 'Koninklijke Wagenborg B.V.', companyWebsite: 'wagenborg.nl', current: true }],
    },
  );

  test('is a short text naming each criterion that scored, its points and level', () => {
    expect(encodePersonScore(person)).toBe('p1|h|60|fn10k|ln20x|cc30c');
  });

  test('reads back as the same total, confidence and contributions, and the explanation adds up to the total', () => {
    const stored = decodeStoredScore(encodePersonScore(person));
    expect(stored?.kind).toBe('person');
    expect(stored?.score.total).toBe(person.total);
    expect(stored?.score.confidence).toBe(person.confidence);
    expect(stored?.score.contributions.map((c) => [c.criterion, c.points, c.level])).toEqual(
      person.contributions.map((c) => [c.criterion, c.points, c.points === 0 ? 'none' : c.level]),
    );
    expect(explainStoredScore(encodePersonScore(person), 'nl')?.lines).toEqual([
      'Huidig bedrijf: 30 punten (zelfde naam en bedrijfsdomein)',
      'Achternaam: 20 punten (zelfde waarde)',
      'Voornaam: 10 punten (roepnaam of vorm in een andere taal)',
    ]);
  });

  test.each([
    ['', 'empty'],
    ['p2|h|60|fn10k|ln20x|cc30c', 'another format version'],
    ['p1|h|61|fn10k|ln20x|cc30c', 'a total that is not the sum'],
    ['p1|h|60|fn10k|ln20x|zz30c', 'an unknown criterion'],
    ['p1|h|60|fn10k|ln20x|cc30q', 'an unknown level'],
    ['p1|h|60|fn10k|fn20x|cc30c', 'a criterion twice'],
    ['x1|h|0', 'an unknown kind'],
    ['p1|q|0', 'an unknown confidence'],
  ])('%s is not a stored score (%s)', (text) => {
    expect(decodeStoredScore(text)).toBeNull();
    expect(explainStoredScore(text)).toBeNull();
  });

  test('any person or account score round-trips, fits a 255-character field and its lines sum to the total (property)', () => {
    fc.assert(
      fc.property(crmPersonArb, memberArb, crmAccountArb, companyPageArb, (p, m, a, c) => {
        for (const [score, text] of [
          [scorePerson(p, m), encodePersonScore(scorePerson(p, m))],
          [scoreAccount(a, c), encodeAccountScore(scoreAccount(a, c))],
        ] as const) {
          expect(text.length).toBeLessThanOrEqual(255);
          const stored = decodeStoredScore(text);
          expect(stored?.score.total).toBe(score.total);
          expect(stored?.score.confidence).toBe(score.confidence);
          const sum = (stored?.score.contributions ?? []).reduce((n, x) => n + x.points, 0);
          expect(sum).toBe(score.total);
          const lines = explainStoredScore(text)?.lines ?? [];
          const shown = lines.reduce((n, line) => n + Number(/: (\d+) points/.exec(line)?.[1] ?? NaN), 0);
          expect(shown).toBe(score.total);
        }
      }),
      { numRuns: 300 },
    );
  });
});
