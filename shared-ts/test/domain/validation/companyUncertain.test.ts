// "Company differs" is flagged only when NavSync is confident the companies differ; otherwise the contact is
// reported as uncertain and its flag left alone. Identity first: company URNs, then websites, then names.
import { decideValidation, type ValidationAccount, type CurrentCompany } from '../../../src/domain/validation/index';
import { evidence, input, NOW } from './fixtures';

const account = (name: string, website: string | null = null, companyUrn: string | null = null): ValidationAccount => ({
  id: '001X',
  name,
  website,
  companyUrn,
});
const current = (name: string, domain: string | null = null, urn: string | null = null): CurrentCompany => ({
  name,
  urn,
  domain,
});

function decide(a: ValidationAccount, c: CurrentCompany, stored: 'noFeedback' | 'notAtCompany' = 'noFeedback') {
  return decideValidation(input({ account: a, current: stored, evidence: evidence({ currentCompany: c }) }), NOW);
}

describe('a current company that only shares words with the account: uncertain, the flag is left alone', () => {
  test.each([
    ['de', 'Siemens AG', null, 'Siemens Healthineers AG', null],
    ['nl', 'Philips', null, 'Philips Lighting Nederland B.V.', null],
    ['fr', 'Crédit Agricole S.A.', null, 'Crédit Agricole Corporate and Investment Bank', null],
    ['it', 'Unipol Gruppo S.p.A.', null, 'Unipol Assicurazioni Vita S.p.A.', null],
    ['en', 'Intesa Sanpaolo', null, 'Intesa Sanpaolo Private Banking', null],
    ['fr', 'Groupe SEB', 'groupeseb.com', 'SEB', 'seb.se'],
  ])('%s: %s (%s) vs %s (%s)', (_lang, accountName, website, currentName, domain) => {
    const a = account(accountName, website);
    const c = current(currentName, domain);
    const d = decide(a, c);
    expect(d.reason).toBe('companyUncertain');
    expect(d.outcome).toBe('unchanged');
    expect(d.write).toBeNull();
    expect(decide(a, c, 'notAtCompany').write).toBeNull();
  });
});

describe('confident: the same company clears, a different company flags', () => {
  test.each([
    ['registered vs short name (nl)', account('Koninklijke Philips N.V.'), current('Philips'), 'accountUpdated'],
    ['registered vs short name (it)', account('Assicurazioni Generali S.p.A.'), current('Generali'), 'accountUpdated'],
    [
      'same URN, other names',
      account('Acme GmbH', null, 'urn:li:organization:7'),
      current('Globex AG', null, 'urn:li:company:7'),
      'accountUpdated',
    ],
    [
      'different URNs, equal names',
      account('Generali', null, 'urn:li:organization:1'),
      current('Generali', null, 'urn:li:organization:2'),
      'companyDiffers',
    ],
    [
      'unrelated websites, names sharing a word',
      account('Siemens AG', 'siemens.com'),
      current('Siemens Healthineers AG', 'siemens-healthineers.com'),
      'companyDiffers',
    ],
    ['unrelated names', account('Philips'), current('Ferrari S.p.A.'), 'companyDiffers'],
  ] as const)('%s', (_what, a, c, reason) => {
    expect(decide(a, c, reason === 'accountUpdated' ? 'notAtCompany' : 'noFeedback').reason).toBe(reason);
  });
});
