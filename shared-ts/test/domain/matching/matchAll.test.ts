import fc from 'fast-check';
import {
  AMBIGUITY_MARGIN,
  matchAll,
  matchAllAccounts,
  prepareAccount,
  prepareCompanyPage,
  prepareMember,
  preparePerson,
  scoreAccountKeys,
  scorePersonKeys,
  type CrmPerson,
  type LinkedInMember,
  type MatchScore,
} from '../../../src/domain/matching/index';
import { companyPageArb, crmAccountArb, crmPersonArb, memberArb } from './arbitraries';

/** The reference: score every pair, keep the best and runner-up (ties → lower index), only 'low' and above. */
function bruteForce<K>(records: K[], candidates: K[], score: (a: K, b: K) => MatchScore) {
  return records.map((r) => {
    let best = -1;
    let bestTotal = -1;
    let second = -1;
    for (let c = 0; c < candidates.length; c++) {
      const s = score(r, candidates[c]);
      if (s.confidence === 'none') continue;
      if (s.total > bestTotal) {
        second = best;
        best = c;
        bestTotal = s.total;
      } else if (second < 0 || s.total > score(r, candidates[second]).total) {
        second = c;
      }
    }
    return { best, bestTotal, second };
  });
}

const members: LinkedInMember[] = [
  {
    id: 'm0',
    firstName: 'Hélène',
    lastName: 'Lefèvre',
    positions: [{ companyName: "L'Oréal", companyWebsite: 'loreal.fr', current: true }],
  },
  { id: 'm1', firstName: 'Jan', lastName: 'Jansen', positions: [{ companyName: 'Philips', current: true }] },
  { id: 'm2', firstName: 'Jan', lastName: 'Jansen', positions: [{ companyName: 'Philips', current: true }] },
  {
    id: 'm3',
    firstName: 'Jürgen',
    lastName: 'Müller',
    phone: '+49 89 1234567',
    positions: [{ companyName: 'Siemens', current: true }],
  },
  {
    id: 'm4',
    firstName: 'Niccolò',
    lastName: "D'Amico",
    positions: [{ companyName: 'Ferrari', current: true, title: 'CFO' }],
  },
  { id: 'm5', firstName: 'Giulia', lastName: 'Rossi', positions: [{ companyName: 'Ferrari', current: true }] },
];
const contacts: CrmPerson[] = [
  {
    id: 'c0',
    firstName: 'Helene',
    lastName: 'Lefevre',
    email: 'helene.lefevre@loreal.fr',
    companyName: "L'Oréal S.A.",
    title: 'Directrice des achats',
  },
  { id: 'c1', firstName: 'Jan', lastName: 'Jansen', companyName: 'Philips N.V.' },
  { id: 'c2', firstName: 'Jurgen', lastName: 'Mueller', phone: '089 1234567', companyName: 'Siemens AG' },
  {
    id: 'c3',
    firstName: 'Nicolò',
    lastName: 'Damico',
    companyName: 'Ferrari S.p.A.',
    title: 'Chief Financial Officer',
  },
  { id: 'c4', firstName: 'Anna', lastName: 'Bakker', email: 'anna.bakker@gmail.com', companyName: 'Tulpenveld B.V.' },
];

describe('matchAll on a small realistic set', () => {
  const run = matchAll(contacts, members);
  const byId = (i: number) => run.results[i];

  test('each contact gets its LinkedIn member, with the explained score', () => {
    expect(byId(0).candidateIndex).toBe(0);
    expect(byId(2).candidateIndex).toBe(3);
    expect(byId(3).candidateIndex).toBe(4);
    expect(byId(3).score?.confidence).toBe('high');
    expect(byId(3).autoMatch).toBe(true);
  });

  test('two equally good candidates are reported as ambiguous and not auto-matched', () => {
    const r = byId(1);
    expect([1, 2]).toContain(r.candidateIndex);
    expect(r.runnerUpIndex).not.toBeNull();
    expect(r.ambiguous).toBe(true);
    expect(r.autoMatch).toBe(false);
    expect((r.score?.total ?? 0) - (r.runnerUpTotal ?? 0)).toBeLessThanOrEqual(AMBIGUITY_MARGIN);
  });

  test('the ambiguity margin is a setting: a 7-point lead is clear by default, not within a 10-point margin', () => {
    const lighting = members.map((m) =>
      m.id === 'm2' ? { ...m, positions: [{ companyName: 'Philips Lighting', current: true }] } : m,
    );
    const clear = matchAll([contacts[1]], lighting).results[0];
    expect(clear.candidateIndex).toBe(1);
    expect((clear.score?.total ?? 0) - (clear.runnerUpTotal ?? 0)).toBe(7);
    expect(clear.ambiguous).toBe(false);
    expect(matchAll([contacts[1]], lighting, { ambiguityMargin: 10 }).results[0].ambiguous).toBe(true);
  });

  test('a person not on LinkedIn gets no candidate', () => {
    expect(byId(4)).toMatchObject({ candidateIndex: null, score: null, autoMatch: false, ambiguous: false });
  });

  test('fewer pairs are scored than a brute-force comparison would', () => {
    expect(run.stats.bruteForcePairs).toBe(30);
    expect(run.stats.comparisons).toBeLessThan(run.stats.bruteForcePairs);
    expect(run.stats.skippedBlocks).toBe(0);
  });
});

describe('blocking finds what brute force finds (property-based)', () => {
  test('people: the same best candidate, total and runner-up total as scoring every pair', () => {
    fc.assert(
      fc.property(
        fc.array(crmPersonArb, { maxLength: 10 }),
        fc.array(memberArb, { maxLength: 12 }),
        (records, candidates) => {
          const run = matchAll(records, candidates);
          const a = records.map((r) => preparePerson(r));
          const b = candidates.map((c) => prepareMember(c));
          const reference = bruteForce<ReturnType<typeof preparePerson>>(a, b, scorePersonKeys);
          run.results.forEach((res, i) => {
            expect(res.candidateIndex ?? -1).toBe(reference[i].best);
            expect(res.score?.total ?? -1).toBe(reference[i].bestTotal);
            const refSecond = reference[i].second < 0 ? null : scorePersonKeys(a[i], b[reference[i].second]).total;
            expect(res.runnerUpTotal).toBe(refSecond);
          });
          expect(run.stats.comparisons).toBeLessThanOrEqual(run.stats.bruteForcePairs);
        },
      ),
      { numRuns: 150 },
    );
  });

  test('accounts: the same best candidate and total as scoring every pair', () => {
    fc.assert(
      fc.property(
        fc.array(crmAccountArb, { maxLength: 10 }),
        fc.array(companyPageArb, { maxLength: 12 }),
        (records, candidates) => {
          const run = matchAllAccounts(records, candidates);
          const a = records.map(prepareAccount);
          const b = candidates.map(prepareCompanyPage);
          const reference = bruteForce(a, b, scoreAccountKeys);
          run.results.forEach((res, i) => {
            expect(res.candidateIndex ?? -1).toBe(reference[i].best);
            expect(res.score?.total ?? -1).toBe(reference[i].bestTotal);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('blocking at scale', () => {
  // 1,500 members in 300 families: matching 1,500 contacts must not compare every pair.
  const given = ['Anna', 'Bram', 'Chloé', 'Dario', 'Eline', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jörg'];
  const stems = [
    'Bak',
    'Dek',
    'Fon',
    'Gal',
    'Hul',
    'Kam',
    'Lor',
    'Mer',
    'Nor',
    'Pas',
    'Rit',
    'Sol',
    'Tam',
    'Vel',
    'Wil',
  ];
  const ends = ['ker', 'man', 'stra', 'berg', 'dijk', 'ink', 'sen', 'horst', 'veld', 'mond'];
  const family = stems.flatMap((s) => ends.map((e) => s + e));
  const people = family.flatMap((last, i) =>
    given.map((first, j) => ({ first, last, company: `Company ${(i * 10 + j) % 97} GmbH` })),
  );
  const ms: LinkedInMember[] = people.map((p) => ({
    firstName: p.first,
    lastName: p.last,
    positions: [{ companyName: p.company, current: true }],
  }));
  const cs: CrmPerson[] = people.map((p) => ({ firstName: p.first, lastName: p.last, companyName: p.company }));
  const run = matchAll(cs, ms);

  test('compares under 1 % of all pairs and still finds every person', () => {
    expect(run.stats.comparisons).toBeLessThan(run.stats.bruteForcePairs / 100);
    expect(run.results.every((r, i) => r.candidateIndex === i)).toBe(true);
  });

  test('an over-full block (a switchboard number shared by many) is skipped, not compared pair by pair', () => {
    const shared = ms.slice(0, 30).map((m) => ({ ...m, phone: '+31 20 555 0000' }));
    const capped = matchAll([{ firstName: 'Zed', lastName: 'Nobody', phone: '020 555 0000' }], shared, {
      maxBlockSize: 20,
    });
    expect(capped.stats.skippedBlocks).toBe(1);
    expect(capped.stats.comparisons).toBe(0);
    const uncapped = matchAll([{ firstName: 'Zed', lastName: 'Nobody', phone: '020 555 0000' }], shared);
    expect(uncapped.stats.comparisons).toBe(30);
    expect(uncapped.results[0].ambiguous).toBe(true);
  });
});
