import fc from 'fast-check';
import {
  companyNameTokens,
  compareCompanies,
  compareCompanyRecords,
  foldText,
  normaliseCompanyName,
  prepareCompany,
  titleTokens,
  compareTitles,
} from '../../../src/domain/matching/index';

describe('foldText: case, diacritics, special letters, punctuation, whitespace', () => {
  test.each([
    ['Jürgen  Müller-Lüdenscheidt', 'jurgen muller ludenscheidt'],
    ['Hélène Lefèvre', 'helene lefevre'],
    ["Niccolò D'Amico", 'niccolo damico'],
    ['Straße', 'strasse'],
    ['ØRSTED Æbleø Œuvre', 'orsted aebleo oeuvre'],
    ['Łódź Đorđe Þór', 'lodz dorde thor'],
    ['  van   der\tBerg ', 'van der berg'],
    ['Procter&Gamble', 'procter & gamble'],
    ['L’Oréal', 'loreal'],
    ['e\u0301le\u0300ve', 'eleve'], // already decomposed (NFD) input
    ['İstanbul', 'istanbul'],
    ['', ''],
  ])('%s → %s', (input, want) => {
    expect(foldText(input)).toBe(want);
  });

  test('null and undefined fold to the empty string', () => {
    expect(foldText(null)).toBe('');
    expect(foldText(undefined)).toBe('');
  });

  test('folding is idempotent for any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const once = foldText(s);
        expect(foldText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  test('folded text never has double, leading or trailing spaces, nor upper case or accents (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const folded = foldText(s);
        expect(folded).not.toMatch(/ {2}|^ | $/);
        expect(folded).toBe(folded.toLowerCase());
        expect(folded.normalize('NFD')).not.toMatch(/[\u0300-\u036f]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('company names across legal forms and languages', () => {
  test.each([
    ['Philips N.V.', 'philips'],
    ['Koninklijke KPN N.V.', 'kpn'],
    ["L'Oréal S.A.", 'loreal'],
    ['Ferrari S.p.A.', 'ferrari'],
    ['Ferrari SpA', 'ferrari'],
    ['Siemens AG', 'siemens'],
    ['Siemens SE', 'siemens'],
    ['Robert Bosch GmbH', 'robert bosch'],
    ['ROBERT BOSCH G.m.b.H.', 'robert bosch'],
    ['Müller & Söhne GmbH & Co. KG', 'muller & sohne'],
    ['Procter & Gamble Co.', 'procter & gamble'],
    ['Acme, Inc.', 'acme'],
    ['Acme Incorporated', 'acme'],
    ['Acme Corporation', 'acme'],
    ['Acme LLC', 'acme'],
    ['Acme Ltd.', 'acme'],
    ['Acme Limited', 'acme'],
    ['Acme plc', 'acme'],
    ['Acme Pty Ltd', 'acme'],
    ['Tulpenveld B.V.', 'tulpenveld'],
    ['Tulpenveld B. V.', 'tulpenveld'],
    ['Lumière SARL', 'lumiere'],
    ['Lumière S.à r.l.', 'lumiere'],
    ['Lumière S.A.S.', 'lumiere'],
    ['Officine Lombarde S.r.l.', 'officine lombarde'],
    ['Verein Nord e.V.', 'verein nord'],
    ['Nokia Oyj', 'nokia'],
    ['AB Volvo', 'volvo'],
    ['Volvo AB', 'volvo'],
    ['Maersk A/S', 'maersk'],
    ['Grupo Bimbo S.A. de C.V.', 'grupo bimbo'],
    ['The Boston Consulting Group', 'boston consulting'],
    ['Siemens AG (Deutschland)', 'siemens'],
    ['Rossi e Figli S.r.l.', 'rossi & figli'],
    ['Dijkstra en Zonen B.V.', 'dijkstra & zonen'],
    ['Dupont et Fils SA', 'dupont & fils'],
    ['Brückner und Söhne GmbH', 'bruckner & sohne'],
    ['Siemens Aktiengesellschaft', 'siemens'],
    ['Philips Naamloze Vennootschap', 'philips'],
  ])('%s → %s', (name, want) => {
    expect(normaliseCompanyName(name)).toBe(want);
  });

  test('a name that is only a legal form keeps it rather than vanishing', () => {
    expect(normaliseCompanyName('AG')).toBe('ag');
    expect(normaliseCompanyName('The')).toBe('the');
  });

  test.each([
    ['Procter & Gamble Co.', 'Procter and Gamble'],
    ['Müller & Söhne GmbH & Co. KG', 'Mueller und Soehne KG'],
    ['Dupont & Fils', 'Dupont et Fils'],
    ['Rossi & Figli', 'Rossi e Figli'],
    ['Dijkstra & Zonen', 'Dijkstra en Zonen'],
    ["L'Oréal S.A.", 'LOREAL'],
    ['Hewlett-Packard', 'HewlettPackard Inc'],
    ['The Coca-Cola Company', 'Coca Cola'],
  ])('%s and %s are the same company (exact)', (a, b) => {
    expect(compareCompanies(prepareCompany(a), prepareCompany(b))).toBe('exact');
  });

  test.each([
    ['Siemens Nederland B.V.', 'Siemens AG', 'strong'],
    ['Robert Bosch GmbH', 'Bosch', 'strong'],
    ['Zuiderlicht Logistiek Noord', 'Zuiderlicht Logistiek Zuid', 'partial'],
    ['Deutsche Bank AG', 'Deutsche Telekom AG', 'none'],
    ['Philips', 'Ferrari', 'none'],
  ] as const)('%s vs %s → %s', (a, b, level) => {
    expect(compareCompanies(prepareCompany(a), prepareCompany(b))).toBe(level);
    expect(compareCompanies(prepareCompany(b), prepareCompany(a))).toBe(level);
  });

  test('a shared company domain makes two differently named companies the same', () => {
    expect(
      compareCompanies(prepareCompany('Alphabet Inc.', ['google.com']), prepareCompany('Google', ['google.com'])),
    ).toBe('exact');
  });

  test.each([
    ['Robert Bosch GmbH', 'https://www.bosch.de', 'Bosch Power Tools', 'bosch.de', 'exact'],
    ['Philips N.V.', null, 'Koninklijke Philips', 'philips.com', 'exact'],
    ['Siemens AG', null, 'Siemens Healthineers AG', 'siemens-healthineers.com', 'strong'],
    ['Jansen Advies', 'gmail.com', 'Bakker Bouw', 'jan@gmail.com', 'none'],
    ['Siemens AG', 'siemens.de', 'Ferrari S.p.A.', 'ferrari.it', 'none'],
  ] as const)('compareCompanyRecords(%s, %s, %s, %s) → %s', (aName, aSite, bName, bSite, level) => {
    expect(compareCompanyRecords(aName, aSite, bName, bSite)).toBe(level);
    expect(compareCompanyRecords(bName, bSite, aName, aSite)).toBe(level);
  });

  test('company-name normalisation is idempotent (property)', () => {
    const names = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 30 }),
      fc
        .tuple(
          fc.constantFrom('The ', '', 'AB '),
          fc.constantFrom('Müller', 'Rossi e Figli', 'A B', 'x', 'Söhne & Co'),
          fc.constantFrom(' GmbH & Co. KG', ' S.p.A.', ' B.V.', ' Inc.', ' & Co', '', ' und Partner', ' S.A. de C.V.'),
        )
        .map(([a, b, c]) => a + b + c),
    );
    fc.assert(
      fc.property(names, (name) => {
        const once = normaliseCompanyName(name);
        expect(normaliseCompanyName(once)).toBe(once);
        expect(companyNameTokens(once)).toEqual(companyNameTokens(name));
      }),
      { numRuns: 500 },
    );
  });
});

describe('job titles', () => {
  test.each([
    ['Sr. VP Sales', 'Senior Vice President, Sales', 'exact'],
    ['Head of Procurement', 'Procurement Head', 'exact'],
    ['CFO', 'Chief Financial Officer', 'exact'],
    ['Senior Account Manager', 'Account Manager', 'similar'],
    ['Directeur commercial', 'Responsabile acquisti', 'none'],
  ] as const)('%s vs %s → %s', (a, b, level) => {
    expect(compareTitles(titleTokens(a), titleTokens(b))).toBe(level);
  });
});
