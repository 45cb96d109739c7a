// Properties of the company comparison over realistic names in five languages and arbitrary words.
import fc from 'fast-check';
import {
  companyBlockingTokens,
  companyVerdict,
  compareCompanies,
  normaliseCompanyName,
  prepareCompany,
} from '../../../src/domain/matching/index';

const NAMES = [
  'Philips',
  'Koninklijke KPN',
  'Rabobank',
  'Ahold Delhaize',
  'Heineken Holding',
  'Heineken',
  'Siemens',
  'Siemens Healthineers',
  'Robert Bosch',
  'Müller & Söhne',
  'Mueller und Soehne',
  'Deutsche Bank',
  'Deutsche Bahn',
  'Bayerische Motoren Werke',
  'BMW',
  "L'Oréal",
  'Crédit Agricole',
  'Saint-Gobain',
  'Groupe SEB',
  'SEB',
  'Rossi e Figli',
  'Generali',
  'Unipol',
  'UnipolSai',
  'Barilla',
  'E.ON',
  'Bio-Energie',
  'Bioenergie',
  'Procter & Gamble',
  'IBM',
  'International Business Machines',
  'Y Combinator',
  'X',
  'Stichting Wadden Erfgoed',
  'De Vrolijke Bakker',
  'Lo',
  'Die',
  'Het',
  'Formula One',
  'Formula 1',
  'TakeTwo',
  'Louis XIV',
  'Amazon.com',
  'De Nederlandsche Bank',
  'DNB',
];
const LEGAL_FORMS = [
  'N.V.',
  'B.V.',
  'NV',
  'BV',
  'S.A.',
  'SA',
  'SAS',
  'SARL',
  'S.p.A.',
  'SpA',
  'S.r.l.',
  'GmbH',
  'AG',
  'GmbH & Co. KG',
  'SE',
  'KGaA',
  'Inc.',
  'Ltd',
  'Limited',
  'plc',
  'LLC',
  'Corporation',
  'Aktiengesellschaft',
  'Société anonyme',
  'U.A.',
  'Sagl',
  'e.K.',
  'Ges.m.b.H.',
  'GmbH u. Co. KG',
  'Soc. Coop.',
];
const FRONT_WORDS = [
  'Koninklijke',
  'Coöperatieve',
  'Groupe',
  'Gruppo',
  'Gebr.',
  'The',
  'Assicurazioni',
  'Unternehmensgruppe',
  'Stichting',
  'Vereniging',
  'Fondazione',
  'Société',
  'Gebrueder',
];
const DOMAINS = ['philips.com', 'philips.nl', 'siemens.com', 'groupeseb.com', 'seb.se', 'generali.it', 'bmw.de'];

const word = fc.stringMatching(/^[A-Za-zÀ-ÿ][a-zà-ÿ]{1,9}$/);
const nameArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')) },
);
const domainsArb = fc.array(fc.constantFrom(...DOMAINS), { maxLength: 2 });
const urnArb = fc.option(fc.constantFrom('urn:li:organization:1', 'urn:li:company:1', 'urn:li:organization:2'), {
  nil: null,
});

describe('company comparison properties', () => {
  test('symmetric: names, domains and URNs in either order give the same level and verdict', () => {
    fc.assert(
      fc.property(nameArb, domainsArb, urnArb, nameArb, domainsArb, urnArb, (a, ad, au, b, bd, bu) => {
        const x = prepareCompany(a, ad);
        const y = prepareCompany(b, bd);
        expect(compareCompanies(x, y)).toBe(compareCompanies(y, x));
        expect(companyVerdict(x, y, au, bu)).toEqual(companyVerdict(y, x, bu, au));
      }),
      { numRuns: 500 },
    );
  });

  test('normalisation is idempotent, front words and spelled-out legal forms included', () => {
    const withForms = fc
      .tuple(fc.constantFrom('', ...FRONT_WORDS), nameArb, fc.constantFrom('', ...LEGAL_FORMS))
      .map(([front, name, form]) => `${front} ${name} ${form}`.trim());
    fc.assert(
      fc.property(withForms, (name) => {
        const once = normaliseCompanyName(name);
        expect(normaliseCompanyName(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  test.each(['Alpha X X Stichting', 'Seven-Eleven VI II', 'The XIV', 'Il II', 'Lo N.V.', 'De Nederlandsche Bank N.V.'])(
    'normalising "%s" twice gives what once gives',
    (name) => {
      const once = normaliseCompanyName(name);
      expect(normaliseCompanyName(once)).toBe(once);
    },
  );

  test.each([
    ['AV', 'AB Volvo'],
    ['Le', 'Lo Bianco'],
    ['NS', 'Die Nordsee'],
  ])('two names that can each be an acronym compare alike both ways: %s / %s', (a, b) => {
    const x = prepareCompany(a);
    const y = prepareCompany(b);
    expect(compareCompanies(x, y)).toBe(compareCompanies(y, x));
    expect(companyVerdict(x, y)).toEqual(companyVerdict(y, x));
  });

  test('adding a legal form (or a corporate word in front) never changes the verdict', () => {
    fc.assert(
      fc.property(
        nameArb,
        nameArb,
        domainsArb,
        domainsArb,
        fc.constantFrom(...LEGAL_FORMS),
        fc.constantFrom('', ...FRONT_WORDS),
        (a, b, ad, bd, form, front) => {
          const other = prepareCompany(b, bd);
          const plain = companyVerdict(prepareCompany(a, ad), other);
          const dressed = companyVerdict(prepareCompany(`${front} ${a} ${form}`.trim(), ad), other);
          expect(dressed.sameness).toBe(plain.sameness);
          expect(dressed.level).toBe(plain.level);
        },
      ),
      { numRuns: 500 },
    );
  });

  test('every pair compared above "none" shares a token between the query and the index (acronyms included)', () => {
    fc.assert(
      fc.property(nameArb, domainsArb, nameArb, domainsArb, (a, ad, b, bd) => {
        const x = prepareCompany(a, ad);
        const y = prepareCompany(b, bd);
        if (compareCompanies(x, y) === 'none') return;
        const index = companyBlockingTokens(y, 'index');
        expect(companyBlockingTokens(x, 'query').some((t) => index.indexOf(t) >= 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
