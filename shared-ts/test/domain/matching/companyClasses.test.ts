// Company names the way CRMs and LinkedIn write them, one table per class of spelling, in five languages.
import { compareCompanies, companyVerdict, prepareCompany } from '../../../src/domain/matching/index';

const level = (a: string, b: string): string => compareCompanies(prepareCompany(a), prepareCompany(b));

describe('corporate words in front are not part of the name', () => {
  test.each([
    ['nl', 'Koninklijke Wagenborg B.V.', 'Wagenborg'],
    ['nl', 'Coöperatieve Rabobank U.A.', 'Rabobank'],
    ['fr', 'Groupe Lactalis', 'Lactalis SA'],
    ['fr', 'Compagnie des Alpes S.A.', 'Alpes SA'],
    ['it', 'Gruppo Barilla', 'Barilla S.p.A.'],
    ['it', 'Assicurazioni Generali S.p.A.', 'Generali'],
    ['it', 'F.lli Carli S.r.l.', 'Carli'],
    ['de', 'Gebr. Knauf KG', 'Knauf'],
    ['de', 'Unternehmensgruppe Tengelmann', 'Tengelmann GmbH'],
    ['en', 'The Hershey Company', 'Hershey'],
  ])('%s: %s is %s', (_lang, registered, short) => {
    expect(level(registered, short)).toBe('exact');
    expect(level(short, registered)).toBe('exact');
  });
});

describe('foundations, associations, "Société", transliterated "Gebrüder" and articles in front are not part of the name', () => {
  test.each([
    ['nl', 'Stichting Wadden Erfgoed', 'Wadden Erfgoed'],
    ['nl', 'Vereniging Eigen Haard', 'Eigen Haard'],
    ['it', 'Fondazione Monteverdi Onlus', 'Monteverdi Onlus'],
    ['fr', 'Société Provençale de Lait S.A.', 'Provençale de Lait'],
    ['de', 'Gebrueder Kessler GmbH', 'Gebr. Kessler'],
    ['nl', 'De Vrolijke Bakker B.V.', 'Vrolijke Bakker'],
    ['nl', 'Het Groene Huis', 'Groene Huis B.V.'],
    ['fr', 'La Fromagerie Vaudoise SARL', 'Fromagerie Vaudoise'],
    ['fr', 'Le Petit Atelier', 'Petit Atelier SAS'],
    ['it', 'Il Fornaio Veneto S.r.l.', 'Fornaio Veneto'],
    ['it', 'Lo Scrigno Antico', 'Scrigno Antico S.r.l.'],
    ['de', 'Die Wäscherei am Rhein GmbH', 'Wäscherei am Rhein'],
    ['de', 'Der Grüne Holzwurm e.K.', 'Grüne Holzwurm'],
    ['fr', 'SARL Boulangerie Lemaire', 'Boulangerie Lemaire'],
    ['fr', 'EURL Lemaire', 'Lemaire'],
    ['fr', 'SASU Atelier Gaudin', 'Atelier Gaudin SAS'],
  ])('%s: %s is %s', (_lang, registered, short) => {
    expect(companyVerdict(prepareCompany(registered), prepareCompany(short)).sameness).toBe('same');
    expect(companyVerdict(prepareCompany(short), prepareCompany(registered)).sameness).toBe('same');
  });

  test('a name that is only an article keeps it, with or without its legal form', () => {
    for (const [name, form] of [
      ['Lo', 'N.V.'],
      ['Het', 'B.V.'],
      ['Die', 'AG'],
      ['La', 'SARL'],
      ['The', 'Ltd'],
    ]) {
      expect(companyVerdict(prepareCompany(`${name} ${form}`), prepareCompany(name)).sameness).toBe('same');
      expect(level(`${name} ${form}`, 'Ltd')).not.toBe('exact');
    }
  });

  test('an article that is a surname particle stays in front of one word: "De Luca" is not "Luca"', () => {
    for (const [a, b] of [
      ['De Luca S.r.l.', 'Luca S.r.l.'],
      ['La Rosa S.p.A.', 'Rosa'],
      ['Lo Bianco', 'Bianco Srl'],
      ['De Vries B.V.', 'Vries'],
      ['Le Goff SARL', 'Goff'],
    ]) {
      expect(companyVerdict(prepareCompany(a), prepareCompany(b)).sameness).not.toBe('same');
    }
  });

  test('two foundations or two papers with the same front word stay apart', () => {
    expect(level('Stichting Wadden Erfgoed', 'Stichting Noordzee Erfgoed')).not.toBe('exact');
    expect(level('Die Wäscherei am Rhein', 'Die Bäckerei am Rhein')).not.toBe('exact');
  });
});

describe('legal forms of Swiss, Austrian and Italian registers, with and without dots', () => {
  test.each([
    ['it', 'Tessinprint Sagl', 'Tessinprint'],
    ['it', 'Tessinprint SAGL', 'Tessinprint'],
    ['de', 'Holzbau Lindner e.K.', 'Holzbau Lindner'],
    ['de', 'Holzbau Lindner e. K.', 'Holzbau Lindner'],
    ['de', 'Alpenblick Ges.m.b.H.', 'Alpenblick'],
    ['de', 'Alpenblick Gesellschaft mbH', 'Alpenblick GmbH'],
    ['de', 'Lindner Logistik GmbH u. Co. KG', 'Lindner Logistik'],
    ['it', 'Cantina Valpolicella Soc. Coop.', 'Cantina Valpolicella'],
    ['it', 'Cantina Valpolicella Società Cooperativa', 'Cantina Valpolicella'],
  ])('%s: %s is %s', (_lang, registered, short) => {
    expect(companyVerdict(prepareCompany(registered), prepareCompany(short)).sameness).toBe('same');
  });
});

describe('legal forms in single letters keep being legal forms; a lone first "e"/"y" is a name', () => {
  test.each([
    ['nl', 'X N.V.', 'X'],
    ['nl', 'Q B. V.', 'Q'],
    ['fr', 'Z S.A.', 'Z'],
    ['it', 'A S.p.A.', 'A'],
    ['it', 'Pirelli & C. S.p.A.', 'Pirelli'],
    ['de', 'Y e.V.', 'Y'],
    ['de', 'E.ON SE', 'EON'],
    ['en', 'Q P.L.C.', 'Q'],
  ])('%s: %s is %s', (_lang, registered, short) => {
    expect(level(registered, short)).toBe('exact');
  });

  test.each([
    ['it', 'E Distribuzione S.r.l.', 'Distribuzione S.r.l.'],
    ['fr', 'Y Conseil SARL', 'Conseil SARL'],
    ['nl', 'E Makelaars B.V.', 'Makelaars B.V.'],
    ['de', 'E Werke GmbH', 'Werke GmbH'],
    ['en', 'Y Combinator', 'Combinator'],
  ])('%s: %s is not %s', (_lang, a, b) => {
    expect(level(a, b)).not.toBe('exact');
  });
});

describe('hyphenated and joined words are one name (transliteration never splits a joined word)', () => {
  test.each([
    ['de', 'Bio-Energie GmbH', 'Bioenergie'],
    ['nl', 'Geo-Engineering B.V.', 'Geoengineering'],
    ['fr', 'Agro-Équipement SA', 'Agroequipement'],
    ['it', 'Idro-Elettrica S.p.A.', 'Idroelettrica'],
    ['en', 'Hydro-Electric plc', 'HydroElectric'],
  ])('%s: %s is %s', (_lang, a, b) => {
    expect(level(a, b)).toBe('exact');
  });
});

describe('numbers as words, digits or Roman numerals are one name; different numbers are different names', () => {
  test.each([
    ['en', 'Channel Four Ltd', 'Channel 4'],
    ['en', 'Take-Two Studios Inc.', 'Take 2 Studios'],
    ['nl', 'Drie Gasten B.V.', '3 Gasten'],
    ['de', 'Fünf Seen Brauerei GmbH', '5 Seen Brauerei'],
    ['de', 'Fuenf Seen Brauerei', 'Fünf-Seen-Brauerei'],
    ['fr', 'Trois Vallées SAS', '3 Vallees'],
    ['it', 'Cinque Stelle Viaggi S.r.l.', '5 Stelle Viaggi'],
    ['fr', 'Château Louis XIV SARL', 'Chateau Louis 14'],
    ['it', 'Fondo Sviluppo III', 'Fondo Sviluppo 3'],
  ])('%s: %s is %s', (_lang, a, b) => {
    expect(companyVerdict(prepareCompany(a), prepareCompany(b)).sameness).toBe('same');
    expect(companyVerdict(prepareCompany(b), prepareCompany(a)).sameness).toBe('same');
  });

  test.each([
    ['Fondo Sviluppo II', 'Fondo Sviluppo III'],
    ['Château Louis XIV', 'Château Louis XV'],
    ['Channel 4', 'Channel Five'],
  ])('%s is not %s', (a, b) => {
    expect(level(a, b)).not.toBe('exact');
  });
});

describe('a web address written as the name is the name', () => {
  test.each([
    ['en', 'Gardenshop.com, Inc.', 'Gardenshop'],
    ['nl', 'Fietsenwinkel.nl B.V.', 'Fietsenwinkel'],
    ['de', 'Ferienhaus.de GmbH', 'Ferienhaus'],
    ['fr', 'Voyages.fr SAS', 'Voyages.fr'],
    ['it', 'Casaviva.it S.r.l.', 'Casaviva'],
  ])('%s: %s is %s', (_lang, a, b) => {
    expect(companyVerdict(prepareCompany(a), prepareCompany(b)).sameness).toBe('same');
  });
});

describe('an acronym that keeps the article or particle of the spelled-out name', () => {
  test.each([
    ['nl', 'De Nederlandse Kabelmaatschappij N.V.', 'DNK'],
    ['fr', 'Transports de Lorraine SA', 'TDL'],
    ['it', 'Società Elettrica di Trento S.p.A.', 'SEDT'],
    ['de', 'Verkehrsbetriebe der Stadt Ulm GmbH', 'VDSU'],
  ])('%s: %s is %s', (_lang, a, b) => {
    expect(level(a, b)).toBe('exact');
  });
});

describe('an acronym of three or more letters is the spelled-out name', () => {
  test.each([
    ['de', 'Bayerische Motoren Werke AG', 'BMW'],
    ['nl', 'Nederlandse Aardolie Maatschappij B.V.', 'NAM'],
    ['fr', 'Régie Autonome des Transports Parisiens', 'RATP'],
    ['it', 'Azienda Energetica Municipale S.p.A.', 'AEM'],
    ['en', 'American International Group, Inc.', 'AIG'],
  ])('%s: %s is %s', (_lang, a, b) => {
    expect(level(a, b)).toBe('exact');
  });

  test('two letters are too few to be sure, and an acronym with more words is another company', () => {
    expect(level('General Electric Company', 'GE')).toBe('strong');
    expect(level('International Business Machines', 'IBM Nederland B.V.')).not.toBe('exact');
  });
});

describe('different companies that share a word are not the same company', () => {
  test.each([
    ['nl', 'Koninklijke KPN N.V.', 'Koninklijke Philips N.V.'],
    ['nl', 'Heineken Holding N.V.', 'Heineken N.V.'],
    ['fr', 'Groupe SEB', 'Groupe Renault'],
    ['fr', 'Crédit Agricole S.A.', 'Crédit Mutuel'],
    ['it', 'Gruppo Hera', 'Gruppo Campari'],
    ['it', 'Unipol Gruppo S.p.A.', 'UnipolSai Assicurazioni S.p.A.'],
    ['de', 'Siemens AG', 'Siemens Healthineers AG'],
    ['de', 'Deutsche Bank AG', 'Deutsche Bahn AG'],
    ['en', 'General Motors Company', 'General Mills, Inc.'],
    ['en', 'Volvo', 'Volvo Car'],
  ])('%s: %s vs %s', (_lang, a, b) => {
    expect(level(a, b)).not.toBe('exact');
    expect(companyVerdict(prepareCompany(a), prepareCompany(b)).sameness).not.toBe('same');
  });
});

describe('identity first: company URNs, then domains; names only when neither is known', () => {
  const key = (name: string, domain?: string) => prepareCompany(name, domain ? [domain] : []);

  test.each([
    [
      'the same URN under another entity type decides over unrelated names',
      key('Acme GmbH'),
      key('Globex AG'),
      'urn:li:organization:7',
      'urn:li:salesCompany:7',
      'same',
      'urn',
    ],
    [
      'different URNs decide over equal names',
      key('Generali'),
      key('Generali'),
      'urn:li:organization:1',
      'urn:li:organization:2',
      'different',
      'urn',
    ],
    [
      'a shared domain decides',
      key('Siemens', 'siemens.com'),
      key('Siemens Nederland N.V.', 'siemens.com'),
      null,
      null,
      'same',
      'domain',
    ],
    [
      'the same domain name under another suffix, with related names',
      key('Philips', 'philips.nl'),
      key('Koninklijke Philips N.V.', 'philips.com'),
      null,
      null,
      'same',
      'domain',
    ],
    [
      'unrelated domains and names sharing a word: different',
      key('Siemens AG', 'siemens.com'),
      key('Siemens Healthineers AG', 'siemens-healthineers.com'),
      null,
      null,
      'different',
      'domain',
    ],
    [
      'equal names on unrelated domains: uncertain',
      key('Groupe SEB', 'groupeseb.com'),
      key('SEB', 'seb.se'),
      null,
      null,
      'uncertain',
      'domain',
    ],
    [
      'names alone, only sharing words: uncertain',
      key('Siemens AG'),
      key('Siemens Healthineers AG'),
      null,
      null,
      'uncertain',
      'name',
    ],
    ['names alone, unrelated: different', key('Philips'), key('Ferrari S.p.A.'), null, null, 'different', 'name'],
    ['names alone, equal: same', key('Koninklijke Philips N.V.'), key('Philips'), null, null, 'same', 'name'],
  ] as const)('%s', (_what, a, b, aUrn, bUrn, sameness, basis) => {
    expect(companyVerdict(a, b, aUrn, bUrn)).toMatchObject({ sameness, basis });
    expect(companyVerdict(b, a, bUrn, aUrn)).toMatchObject({ sameness, basis });
  });
});
