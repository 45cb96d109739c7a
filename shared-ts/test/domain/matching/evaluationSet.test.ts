// The public, labelled matching evaluation (see test/fixtures/matching-eval/SOURCES.md): its generated files are
// what the generator makes from the cited sources, and it is as large as it says.
import {
  generateCompanyPairs,
  generatePeoplePairs,
  loadCompanyPairs,
  loadPeoplePairs,
  storedCompanyPairs,
  storedPeoplePairs,
} from '../../fixtures/matching-eval/evaluationSet';

describe('the matching evaluation set', () => {
  test('the committed pairs are the generator output (regenerate with evaluationSet.ts after changing it)', () => {
    const companies = generateCompanyPairs();
    expect(storedCompanyPairs()).toEqual(companies);
    expect(storedPeoplePairs()).toEqual(generatePeoplePairs(companies));
  });

  test('holds at least 1,000 labelled company pairs and 300 people pairs, each labelled same or different', () => {
    const companies = loadCompanyPairs();
    const people = loadPeoplePairs();
    expect(companies.length).toBeGreaterThanOrEqual(1000);
    expect(people.length).toBeGreaterThanOrEqual(300);
    for (const p of [...companies, ...people]) expect(['same', 'different']).toContain(p.label);
    expect(new Set(companies.filter((p) => p.source === 'hand').map((p) => p.lang))).toEqual(
      new Set(['en', 'nl', 'fr', 'de', 'it', 'es']),
    );
  });
});
