import fc from 'fast-check';
import {
  ACCOUNT_CRITERIA,
  normaliseCity,
  normalisePostalCode,
  parseStaffCountRange,
  prepareAccount,
  prepareCompanyPage,
  quickAccountTotal,
  scoreAccount,
  scoreAccountKeys,
  streetTokens,
  compareStreets,
  type CrmAccount,
  type LinkedInCompany,
} from '../../../src/domain/matching/index';
import { companyPageArb, crmAccountArb } from './arbitraries';

interface Case {
  name: string;
  account: CrmAccount;
  company: LinkedInCompany;
  confidence: 'high' | 'medium' | 'low' | 'none';
  scoring: string[];
}

const CASES: Case[] = [
  {
    name: 'nl: Philips N.V. vs Koninklijke Philips, same website',
    account: { name: 'Philips N.V.', website: 'https://www.philips.com/nl', city: 'Amsterdam', employees: 70000 },
    company: {
      name: 'Koninklijke Philips',
      website: 'philips.com',
      headquarters: { city: 'Amsterdam' },
      staffCountRange: '10,001+',
    },
    confidence: 'high',
    scoring: ['companyName', 'domain', 'website', 'city', 'employeeCount'],
  },
  {
    name: 'de: Robert Bosch GmbH, address with abbreviations and an exonym',
    account: {
      name: 'Robert Bosch GmbH',
      phone: '+49 711 400 40990',
      street: 'Robert-Bosch-Platz 1',
      postalCode: 'D-70839',
      city: 'Gerlingen',
      state: 'Baden-Württemberg',
    },
    company: {
      name: 'Bosch',
      phone: '0711 40040990',
      headquarters: {
        street: 'Robert-Bosch-Platz 1',
        postalCode: '70839',
        city: 'Gerlingen',
        state: 'Baden-Wurttemberg',
      },
    },
    confidence: 'high',
    scoring: ['companyName', 'phone', 'street', 'postalCode', 'city', 'state'],
  },
  {
    name: "fr: L'Oréal S.A., Paris vs Parigi, industry wording",
    account: { name: "L'Oréal S.A.", city: 'Paris', industry: 'Cosmetics', postalCode: '92110' },
    company: { name: 'LOreal', headquarters: { city: 'Parigi', postalCode: '92110' }, industry: 'Cosmetics' },
    confidence: 'medium',
    scoring: ['companyName', 'city', 'postalCode', 'industry'],
  },
  {
    name: 'nl: Den Haag = ’s-Gravenhage, postal code with and without space',
    account: { name: 'Tulpenveld B.V.', city: 'Den Haag', postalCode: '2511 AB' },
    company: { name: 'Tulpenveld Logistiek', headquarters: { city: "'s-Gravenhage", postalCode: '2511AB' } },
    confidence: 'low',
    scoring: ['companyName', 'city', 'postalCode'],
  },
  {
    name: 'it: only the domain matches (a renamed company)',
    account: { name: 'Officine Lombarde S.r.l.', website: 'officinelombarde.it' },
    company: { name: 'Meccanica Nord Group', website: 'https://www.officinelombarde.it/' },
    confidence: 'medium',
    scoring: ['domain', 'website'],
  },
  {
    name: 'two companies in the same building are not the same company',
    account: { name: 'Acme, Inc.', street: 'Keizersgracht 12', postalCode: '1015 CJ', city: 'Amsterdam' },
    company: { name: 'Globex', headquarters: { street: 'Keizersgracht 12', postalCode: '1015CJ', city: 'Amsterdam' } },
    confidence: 'none',
    scoring: ['street', 'postalCode', 'city'],
  },
  {
    name: 'a free-mail "website" is no company domain',
    account: { name: 'Jansen Advies', website: 'www.gmail.com' },
    company: { name: 'Bakker Bouw', website: 'gmail.com' },
    confidence: 'none',
    scoring: [],
  },
];

describe('account scoring on realistic fixtures', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const score = scoreAccount(c.account, c.company);
    expect(score.confidence).toBe(c.confidence);
    expect(
      score.contributions
        .filter((x) => x.points > 0)
        .map((x) => x.criterion)
        .sort(),
    ).toEqual([...c.scoring].sort());
  });

  test.each([
    ['1001-5000', [1001, 5000]],
    ['10,001+', [10001, Number.POSITIVE_INFINITY]],
    ['51 - 200 employees', [51, 200]],
    ['2–10', [2, 10]],
    ['many', null],
  ] as const)('staff count range %s → %j', (range, want) => {
    expect(parseStaffCountRange(range)).toEqual(want);
  });

  test('a staff count range object and a CRM employee count within 25 % of it match', () => {
    const score = scoreAccount(
      { name: 'Siemens AG', employees: 6000 },
      { name: 'Siemens', staffCountRange: { start: 1001, end: 5000 } },
    );
    expect(score.contributions.find((c) => c.criterion === 'employeeCount')?.points).toBe(3);
    const far = scoreAccount({ name: 'Siemens AG', employees: 50 }, { name: 'Siemens', staffCountRange: '1001-5000' });
    expect(far.contributions.find((c) => c.criterion === 'employeeCount')?.points).toBe(0);
  });

  test.each([
    ['1012 ab', '1012AB'],
    ['D-80333', '80333'],
    ['I-20121', '20121'],
    ['SW1A 1AA', 'SW1A1AA'],
  ])('postal code %s → %s', (raw, want) => {
    expect(normalisePostalCode(raw)).toBe(want);
  });

  test.each([
    ['München', 'Munich'],
    ['Köln', 'Cologne'],
    ['Milano', 'Milan'],
    ['Bruxelles', 'Brussel'],
    ['Den Haag', 'The Hague'],
    ['Wien', 'Vienna'],
  ])('%s and %s are one city', (a, b) => {
    expect(normaliseCity(a)).toBe(normaliseCity(b));
  });

  test('streets: abbreviations expanded, another house number is the same street', () => {
    expect(compareStreets(streetTokens('Hauptstr. 5'), streetTokens('Hauptstraße 5'))).toBe('exact');
    expect(compareStreets(streetTokens('Keizersgr. 12'), streetTokens('Keizersgracht 12'))).toBe('exact');
    expect(compareStreets(streetTokens('Hauptstraße 5'), streetTokens('Hauptstraße 7'))).toBe('sameStreet');
    expect(compareStreets(streetTokens('Via Roma 1'), streetTokens('Via Milano 1'))).toBe('none');
  });
});

describe('account scoring invariants (property-based)', () => {
  test('contributions always sum exactly to the total, one per criterion', () => {
    fc.assert(
      fc.property(crmAccountArb, companyPageArb, (account, company) => {
        const score = scoreAccount(account, company);
        expect(score.contributions.reduce((s, c) => s + c.points, 0)).toBe(score.total);
        expect(score.contributions.map((c) => c.criterion)).toEqual([...ACCOUNT_CRITERIA]);
      }),
      { numRuns: 400 },
    );
  });

  test('the score is symmetric and the fast path agrees with it', () => {
    fc.assert(
      fc.property(crmAccountArb, companyPageArb, (account, company) => {
        const a = prepareAccount(account);
        const b = prepareCompanyPage(company);
        const ab = scoreAccountKeys(a, b);
        const ba = scoreAccountKeys(b, a);
        expect(ba.total).toBe(ab.total);
        expect(ba.confidence).toBe(ab.confidence);
        expect(quickAccountTotal(a, b)).toBe(ab.confidence === 'none' ? -1 : ab.total);
      }),
      { numRuns: 400 },
    );
  });
});
