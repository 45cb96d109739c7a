/**
 * Name pools for the demo data in the five languages of the source articles, with their diacritics and the
 * legal forms the company-name matching has to cope with.
 */
export const DEMO_LANGUAGES = ['en', 'nl', 'fr', 'it', 'de'] as const;
export type DemoLanguage = (typeof DEMO_LANGUAGES)[number];

interface Pool {
  first: readonly string[];
  last: readonly string[];
  companyStems: readonly string[];
  legalForms: readonly string[];
  cities: readonly string[];
  country: string;
  tld: string;
  titles: readonly string[];
}

export const POOLS: Record<DemoLanguage, Pool> = {
  en: {
    first: ['Olivia', 'James', 'Amelia', 'Noah', 'Isla', 'Oliver', 'Grace', 'Harry', 'Chloë', 'Seán', 'Zoë', 'Liam'],
    last: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', 'Thomas', 'Roberts', 'Walker', 'Clarke'],
    companyStems: [
      'Northwind',
      'Bluefield',
      'Harbour & Stone',
      'Kestrel',
      'Brightwater',
      'Redwood',
      'Fairline',
      'Oakridge',
    ],
    legalForms: ['Inc.', 'Ltd', 'LLC', 'PLC', 'Corp.'],
    cities: ['London', 'Manchester', 'Dublin', 'Boston', 'Leeds', 'Bristol'],
    country: 'United Kingdom',
    tld: 'co.uk',
    titles: ['Head of Procurement', 'VP Sales', 'Chief Financial Officer', 'IT Director', 'Operations Manager'],
  },
  nl: {
    first: ['Daan', 'Sanne', 'Bram', 'Eline', 'Joëlle', 'Sem', 'Noor', 'Thijs', 'Fleur', 'Ruben', 'Anaïs', 'Jeroen'],
    last: [
      'de Vries',
      'Jansen',
      'van den Berg',
      'Bakker',
      'Visser',
      'Smit',
      'Meijer',
      'de Boer',
      'Mulder',
      "van 't Hof",
    ],
    companyStems: [
      'Zuiderlicht',
      'Polderwerk',
      'Grachtenhuis',
      'Dijkstra & Zonen',
      'Tulpenveld',
      'Waddenzee',
      'Molenaar',
    ],
    legalForms: ['B.V.', 'N.V.', 'V.O.F.'],
    cities: ['Amsterdam', 'Rotterdam', 'Utrecht', 'Eindhoven', "'s-Hertogenbosch", 'Groningen'],
    country: 'Nederland',
    tld: 'nl',
    titles: ['Inkoopmanager', 'Directeur Verkoop', 'Financieel Directeur', 'IT-manager', 'Bedrijfsleider'],
  },
  fr: {
    first: [
      'Léa',
      'Hugo',
      'Chloé',
      'Théo',
      'Inès',
      'Loïc',
      'Anaïs',
      'Gaëlle',
      'Jérôme',
      'Élodie',
      'François',
      'Cécile',
    ],
    last: [
      'Martin',
      'Bernard',
      'Dubois',
      'Lefèvre',
      'Girard',
      'Fontaine',
      'Rousseau',
      'Mercier',
      'Bélanger',
      "d'Aubigné",
    ],
    companyStems: [
      'Lumière',
      'Côte d’Azur Services',
      'Société Générale du Nord',
      'Boulangerie Étoile',
      'Rivière',
      'Château Rouge',
    ],
    legalForms: ['SARL', 'S.A.', 'SAS', 'SA'],
    cities: ['Paris', 'Lyon', 'Marseille', 'Toulouse', 'Nantes', 'Besançon'],
    country: 'France',
    tld: 'fr',
    titles: ['Directrice des achats', 'Directeur commercial', 'Directeur financier', 'Responsable informatique'],
  },
  it: {
    first: [
      'Giulia',
      'Luca',
      'Chiara',
      'Matteo',
      'Francesca',
      'Niccolò',
      'Sofia',
      'Lorenzo',
      'Aurora',
      'Nicolò',
      'Martina',
    ],
    last: [
      'Rossi',
      'Russo',
      'Ferrari',
      'Esposito',
      'Bianchi',
      'Romano',
      'Colombo',
      'Ricci',
      'Marino',
      "D'Angelo",
      'Fabbrì',
    ],
    companyStems: [
      'Officine Lombarde',
      'Vinicola Toscana',
      'Galleria',
      'Ponte Vecchio',
      'Aurora Tessile',
      'Città Nuova',
    ],
    legalForms: ['S.p.A.', 'S.r.l.', 'S.a.s.'],
    cities: ['Milano', 'Roma', 'Torino', 'Bologna', 'Firenze', 'Forlì'],
    country: 'Italia',
    tld: 'it',
    titles: ['Responsabile acquisti', 'Direttore vendite', 'Direttore finanziario', 'Responsabile IT'],
  },
  de: {
    first: [
      'Lukas',
      'Mia',
      'Jürgen',
      'Hannah',
      'Jörg',
      'Lena',
      'Björn',
      'Sophie',
      'Günther',
      'Käthe',
      'Maximilian',
      'Lea',
    ],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weiß',
      'Meyer',
      'Wagner',
      'Größer',
      'Becker',
      'Schäfer',
      'Hoffmann',
    ],
    companyStems: [
      'Bergwerk',
      'Nordstern',
      'Rheinische Maschinenbau',
      'Süßwaren Köhler',
      'Alpenglühen',
      'Brückner & Söhne',
    ],
    legalForms: ['GmbH', 'AG', 'KG', 'GmbH & Co. KG'],
    cities: ['München', 'Köln', 'Düsseldorf', 'Zürich', 'Wien', 'Nürnberg'],
    country: 'Deutschland',
    tld: 'de',
    titles: ['Einkaufsleiterin', 'Vertriebsleiter', 'Finanzvorstand', 'IT-Leiter', 'Geschäftsführer'],
  },
};

/**
 * Names and companies that look like injection attempts: they must arrive unchanged in the CRM and be escaped
 * wherever they go into SOQL, OData, FetchXML, CSV or HTML.
 */
export const HOSTILE_PEOPLE: readonly { first: string; last: string }[] = [
  { first: 'Siobhán', last: "O'Brien" },
  { first: 'Robert', last: "x' OR 1=1 --" },
  { first: '<script>alert(1)</script>', last: 'Tables' },
  { first: 'Eve', last: '=HYPERLINK("http://127.0.0.1/x","click")' },
  { first: 'Dora', last: 'eq null or 1 eq 1' },
];

export const HOSTILE_COMPANIES: readonly string[] = [
  'Müller "AG"',
  "O'Brien & Sons Ltd",
  "x' OR 1=1 --",
  '<script>alert("acct")</script> GmbH',
  '=HYPERLINK("http://127.0.0.1/x","y")',
  ']]></fetch><fetch> S.A.',
];

/** ASCII slug for e-mail addresses and domains ("Jürgen Größer" → "jurgen.grosser"). */
export function slug(text: string): string {
  return text
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
