import { CATALOGUES, LOCALES, t } from '../../../src/domain/i18n/index';
import {
  ACCOUNT_CRITERIA,
  CONFIDENCE_LEVELS,
  PERSON_CRITERIA,
  confidenceLabelKey,
  criterionLabelKey,
  explainScore,
  scoreAccount,
  scorePerson,
} from '../../../src/domain/matching/index';

describe('matching labels for the CRM badge', () => {
  const criteria = [...new Set([...PERSON_CRITERIA, ...ACCOUNT_CRITERIA])];
  const keys = criteria.map(criterionLabelKey).concat(CONFIDENCE_LEVELS.map(confidenceLabelKey));

  test.each(LOCALES)('every criterion and confidence level has its own %s label', (locale) => {
    for (const key of keys) expect(CATALOGUES[locale][key]).toBeTruthy();
    const labels = keys.map((k) => CATALOGUES[locale][k]);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test.each([
    ['nl', 'Achternaam', 'Hoge zekerheid'],
    ['fr', 'Nom de famille', 'Confiance élevée'],
    ['it', 'Cognome', 'Affidabilità alta'],
    ['de', 'Nachname', 'Hohe Sicherheit'],
    ['en', 'Last name', 'High confidence'],
  ] as const)('%s: last name is "%s", high is "%s"', (locale, lastName, high) => {
    expect(t('matching.criterionLastName', locale)).toBe(lastName);
    expect(t('matching.confidenceHigh', locale)).toBe(high);
  });
});

describe('explainScore', () => {
  const score = scorePerson(
    { firstName: 'Helene', lastName: 'Lefevre', email: 'helene.lefevre@loreal.fr', companyName: "L'Oréal S.A." },
    {
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      email: 'helene.lefevre@loreal.fr',
      positions: [{ companyName: "L'Oréal", current: true }],
    },
  );

  test('lists only the criteria that scored, strongest first, with the compared values', () => {
    const { summary, lines, ambiguous } = explainScore(score, 'en');
    expect(summary).toBe(`Match score ${score.total}: High confidence`);
    expect(lines).toEqual([
      'Email address: 35 points (helene.lefevre@loreal.fr)',
      'Current company: 30 points (loreal (loreal.fr) ~ loreal (loreal.fr))',
      'Last name: 20 points (lefevre ~ lefevre)',
      'First name: 12 points (helene ~ helene)',
    ]);
    expect(ambiguous).toBeNull();
  });

  test('speaks the user’s language and warns when the match is ambiguous', () => {
    const fr = explainScore(score, 'fr', true);
    expect(fr.summary).toBe(`Score de correspondance ${score.total} : Confiance élevée`);
    expect(fr.lines[0]).toBe('Adresse e-mail : 35 points (helene.lefevre@loreal.fr)');
    expect(fr.ambiguous).toContain('LinkedIn');
    expect(explainScore(score, 'de').lines[1]).toMatch(/^Aktuelles Unternehmen: 30 Punkte/);
  });
});

test('account explanations use the account criteria labels (it)', () => {
  const score = scoreAccount(
    { name: 'Ferrari S.p.A.', website: 'ferrari.it', city: 'Maranello' },
    { name: 'Ferrari', website: 'https://www.ferrari.it/', headquarters: { city: 'Maranello' } },
  );
  const { summary, lines } = explainScore(score, 'it');
  expect(summary).toBe(`Punteggio di corrispondenza ${score.total}: Affidabilità alta`);
  expect(lines).toEqual([
    "Nome dell'azienda: 30 punti (ferrari ~ ferrari)",
    'Nome di dominio: 30 punti (ferrari.it)',
    'Indirizzo del sito web: 5 punti (ferrari.it)',
    'Città: 5 punti (maranello ~ maranello)',
  ]);
});
