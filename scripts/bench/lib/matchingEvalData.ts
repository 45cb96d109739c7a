// The labelled matching evaluation set (shared-ts/test/fixtures/matching-eval): generated deterministically from
// the public sources listed in its SOURCES.md, plus the hand-labelled hard cases kept next to it.
// `node --import tsx scripts/bench/lib/matchingEvalData.ts` rewrites company-pairs.csv and people-pairs.csv.
// The generator has its own legal-form list (GLEIF ISO 20275 abbreviations) and never calls the matcher, so the
// labels do not depend on the code they measure.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Random } from '../../../shared-ts/src/demo/random';

export const EVAL_DIR = join(__dirname, '..', '..', '..', 'shared-ts', 'test', 'fixtures', 'matching-eval');

export interface CompanyPair {
  class: string;
  lang: string;
  a: string;
  b: string;
  aDomain: string;
  bDomain: string;
  aUrn: string;
  bUrn: string;
  label: 'same' | 'different';
  source: string;
}

export interface PeoplePair {
  class: string;
  lang: string;
  crmFirst: string;
  crmLast: string;
  crmEmail: string;
  crmCompany: string;
  crmWebsite: string;
  crmTitle: string;
  liFirst: string;
  liLast: string;
  liEmail: string;
  liCompany: string;
  liWebsite: string;
  liTitle: string;
  label: 'same' | 'different';
  source: string;
}

/** Trailing legal forms as registers write them (GLEIF ISO 20275 abbreviations and their spelled-out names). */
const LEGAL_FORMS: readonly [string, string][] = [
  ['SE & Co. KGaA', 'de'],
  ['AG & Co. KGaA', 'de'],
  ['GmbH & Co. KGaA', 'de'],
  ['GmbH & Co. KG', 'de'],
  ['KGaA', 'de'],
  ['Aktiengesellschaft', 'de'],
  ['AG', 'de'],
  ['GmbH', 'de'],
  ['SE', 'fr'],
  ['S.E.', 'fr'],
  ['Société en commandite par actions', 'fr'],
  ['Société anonyme', 'fr'],
  ['Société Anonyme', 'fr'],
  ['Société Européenne', 'fr'],
  ['S.A.', 'fr'],
  ['S.A', 'fr'],
  ['SA', 'fr'],
  ['SA/NV', 'nl'],
  ['NV/SA', 'nl'],
  ['S.C.A.', 'fr'],
  ['N.V.', 'nl'],
  ['N.V', 'nl'],
  ['NV', 'nl'],
  ['nv', 'nl'],
  ['B.V.', 'nl'],
  ['BV', 'nl'],
  ['S.p.A.', 'it'],
  ['S.p.a.', 'it'],
  ['S.p.A', 'it'],
  ['SpA', 'it'],
  ['S.r.l.', 'it'],
  ['Srl', 'it'],
  ['Incorporated', 'en'],
  ['Inc.', 'en'],
  ['Inc', 'en'],
  ['Corporation', 'en'],
  ['Corp.', 'en'],
  ['Corp', 'en'],
  ['Company', 'en'],
  ['Co.', 'en'],
  ['Co', 'en'],
  ['Limited', 'en'],
  ['Ltd.', 'en'],
  ['Ltd', 'en'],
  ['p.l.c.', 'en'],
  ['p.l.c', 'en'],
  ['PLC', 'en'],
  ['Plc', 'en'],
  ['plc', 'en'],
  ['LLC', 'en'],
  ['Oyj', 'fi'],
  ['Abp', 'fi'],
  ['AB', 'sv'],
  ['A/S', 'da'],
  ['ASA', 'no'],
  ['AS', 'no'],
  ['hf.', 'is'],
  ['Nyrt', 'hu'],
];

/** Another way to write the same legal form (registers, CRMs and LinkedIn differ). */
const RESPELLED: Record<string, string> = {
  'N.V.': 'NV',
  NV: 'N.V.',
  'B.V.': 'BV',
  BV: 'B.V.',
  'S.A.': 'SA',
  SA: 'S.A.',
  'S.p.A.': 'SpA',
  SpA: 'S.p.A.',
  AG: 'Aktiengesellschaft',
  Aktiengesellschaft: 'AG',
  Inc: 'Incorporated',
  'Inc.': 'Inc',
  Corporation: 'Corp.',
  Corp: 'Corporation',
  Ltd: 'Limited',
  Limited: 'Ltd.',
  plc: 'Public Limited Company',
  PLC: 'p.l.c.',
  SE: 'S.E.',
  Company: 'Co.',
  'A/S': 'AS',
  'Société anonyme': 'S.A.',
  'Société Anonyme': 'SA',
  Oyj: 'Oyj.',
};

/** A corporate word written before the name in each language ("Koninklijke X", "Groupe X", "Gruppo X"). */
const FRONT_WORDS: Record<string, string> = {
  nl: 'Koninklijke',
  fr: 'Groupe',
  it: 'Gruppo',
  de: 'Unternehmensgruppe',
  en: 'The',
};
const FRONT_WORD_NAMES = /^(Koninklijke|Coöperatieve|Groupe|Gruppo|Compagnie de|Assicurazioni|The)\s+/;
const AND_WORDS: Record<string, string> = { nl: 'en', fr: 'et', it: 'e', de: 'und', en: 'and' };

export function splitLegalForm(name: string): { stem: string; form: string; lang: string } {
  for (const [form, lang] of LEGAL_FORMS) {
    if (name.length > form.length + 1 && name.endsWith(` ${form}`)) {
      return { stem: name.slice(0, -form.length - 1).replace(/[\s,]+$/, ''), form, lang };
    }
  }
  return { stem: name, form: '', lang: '' };
}

const stripAccents = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '');
const transliterate = (s: string): string =>
  s
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue');
export const slug = (s: string): string =>
  stripAccents(s)
    .toLowerCase()
    .replace(/&/g, '')
    .replace(/[^a-z0-9]+/g, '');

function readCsv<T>(file: string): T[] {
  return parse(readFileSync(join(EVAL_DIR, file), 'utf8'), {
    columns: true,
    comment: '#',
    skip_empty_lines: true,
  }) as T[];
}

export function companyNames(): string[] {
  return readFileSync(join(EVAL_DIR, 'sources', 'company-names.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Lower-case words of a stem without "The", for the shared-word negatives. */
function words(stem: string): string[] {
  return stripAccents(stem)
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter((w) => w !== '' && w !== 'the' && w !== '&');
}

function containsRun(hay: string[], needle: string[]): boolean {
  if (needle.length === 0 || needle.length >= hay.length) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    if (needle.every((w, k) => hay[i + k] === w)) return true;
  }
  return false;
}

const SOURCE_LIST = 'list';

function generateCompanyPairs(): CompanyPair[] {
  const random = new Random(20261207);
  const names = companyNames();
  const out: CompanyPair[] = [];
  const pair = (cls: string, lang: string, a: string, b: string, label: 'same' | 'different'): void => {
    if (a !== b)
      out.push({ class: cls, lang, a, b, aDomain: '', bDomain: '', aUrn: '', bUrn: '', label, source: SOURCE_LIST });
  };
  for (const name of names) {
    const { stem, form, lang } = splitLegalForm(name);
    const l = lang || 'en';
    pair('case', l, name, name.toUpperCase(), 'same');
    if (form !== '') pair('legalFormEnd', l, name, stem, 'same');
    if (RESPELLED[form] !== undefined) pair('legalFormSpelling', l, name, `${stem} ${RESPELLED[form]}`, 'same');
    const front = FRONT_WORD_NAMES.exec(stem);
    if (front !== null) pair('frontWord', l, name, stem.slice(front[0].length), 'same');
    else if (form !== '' && FRONT_WORDS[l] !== undefined && random.chance(0.25))
      pair('frontWord', l, `${FRONT_WORDS[l]} ${stem}`, name, 'same');
    if (stripAccents(stem) !== stem) pair('accents', l, name, stripAccents(stem), 'same');
    if (/[äöü]/i.test(stem)) pair('transliteration', l, name, transliterate(stem), 'same');
    if (/ & /.test(stem)) pair('andWord', l, name, stem.replace(/ & /g, ` ${AND_WORDS[l] ?? 'and'} `), 'same');
    if (/ and /i.test(stem)) pair('andWord', l, name, stem.replace(/ and /gi, ' & '), 'same');
    if (/\p{L}-\p{L}/u.test(stem)) {
      pair('hyphen', l, name, stem.replace(/(\p{L})-(\p{L})/gu, '$1 $2'), 'same');
      pair('hyphen', l, name, stem.replace(/(\p{L})-(\p{L})/gu, '$1$2'), 'same');
    }
  }
  // Different listed companies that share their first word or contain the other's name: the hard negatives.
  const stems = names.map((n) => words(splitLegalForm(n).stem));
  const hard: CompanyPair[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = stems[i];
      const b = stems[j];
      if (a.length === 0 || b.length === 0) continue;
      const cls = containsRun(a, b) || containsRun(b, a) ? 'containsName' : a[0] === b[0] ? 'sharedFirstWord' : '';
      if (cls === '') continue;
      const l = splitLegalForm(names[i]).lang || 'en';
      hard.push({
        class: cls,
        lang: l,
        a: names[i],
        b: names[j],
        aDomain: '',
        bDomain: '',
        aUrn: '',
        bUrn: '',
        label: 'different',
        source: SOURCE_LIST,
      });
    }
  }
  out.push(...hard);
  for (let k = 0; k < 400; k++) {
    const i = random.int(0, names.length - 1);
    const j = random.int(0, names.length - 1);
    if (i !== j) pair('unrelated', 'en', names[i], names[j], 'different');
  }
  return out;
}

/** Given names per language (common names, hand-picked) and formal/short pairs hand-labelled per language. */
const GIVEN: Record<string, string[]> = {
  en: [
    'Olivia',
    'James',
    'Grace',
    'Harry',
    'Emily',
    'Sophie',
    'Oscar',
    'Amelia',
    'George',
    'Charlotte',
    'Lucy',
    'Henry',
    'Isla',
    'Jack',
    'Ella',
  ],
  nl: [
    'Daan',
    'Sanne',
    'Bram',
    'Eline',
    'Sem',
    'Noor',
    'Fleur',
    'Ruben',
    'Lotte',
    'Femke',
    'Joost',
    'Sjoerd',
    'Marieke',
    'Koen',
    'Tessa',
  ],
  fr: [
    'Léa',
    'Hugo',
    'Chloé',
    'Théo',
    'Inès',
    'Loïc',
    'Gaëlle',
    'Jérôme',
    'Élodie',
    'Cécile',
    'Camille',
    'Manon',
    'Julien',
    'Céline',
    'Benoît',
  ],
  it: [
    'Giulia',
    'Luca',
    'Chiara',
    'Matteo',
    'Francesca',
    'Niccolò',
    'Sofia',
    'Lorenzo',
    'Aurora',
    'Martina',
    'Marco',
    'Paolo',
    'Elena',
    'Simone',
    'Valentina',
  ],
  de: [
    'Lukas',
    'Mia',
    'Jürgen',
    'Hannah',
    'Jörg',
    'Björn',
    'Günther',
    'Käthe',
    'Maximilian',
    'Sabine',
    'Petra',
    'Wolfgang',
    'Monika',
    'Tobias',
    'Anja',
  ],
};
const FAMILY: Record<string, string[]> = {
  en: [
    'Smith',
    'Jones',
    'Taylor',
    'Brown',
    'Wilson',
    'Evans',
    'Walker',
    'Wright',
    'Hughes',
    'Green',
    'Harris',
    'Lewis',
    'Turner',
    'Hill',
    'Moore',
  ],
  nl: [
    'de Vries',
    'Jansen',
    'van den Berg',
    'Bakker',
    'Visser',
    'Smit',
    'Meijer',
    'de Boer',
    'Mulder',
    'de Jong',
    'van Dijk',
    'Dekker',
    'Brouwer',
    'Dijkstra',
    'Vermeulen',
  ],
  fr: [
    'Martin',
    'Bernard',
    'Dubois',
    'Lefèvre',
    'Girard',
    'Fontaine',
    'Rousseau',
    'Mercier',
    'Bélanger',
    'Moreau',
    'Laurent',
    'Leroy',
    'Roux',
    'Fournier',
    'Bonnet',
  ],
  it: [
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
    'Greco',
    'Bruno',
    'Gallo',
    'Conti',
    'Fontana',
  ],
  de: [
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
    'Krüger',
    'Schröder',
    'Köhler',
    'Bäcker',
  ],
};
const FORMAL_SHORT: Record<string, [string, string][]> = {
  en: [
    ['William', 'Bill'],
    ['Robert', 'Bob'],
    ['Katherine', 'Kate'],
    ['Elizabeth', 'Liz'],
    ['Michael', 'Mike'],
    ['Edward', 'Ted'],
  ],
  nl: [
    ['Johannes', 'Jan'],
    ['Cornelis', 'Kees'],
    ['Hendrik', 'Henk'],
    ['Pieter', 'Piet'],
    ['Willem', 'Wim'],
    ['Abraham', 'Bram'],
  ],
  de: [
    ['Friedrich', 'Fritz'],
    ['Ulrich', 'Uli'],
    ['Johannes', 'Hannes'],
    ['Josef', 'Sepp'],
    ['Katharina', 'Katja'],
    ['Stefanie', 'Steffi'],
  ],
  fr: [
    ['Frédéric', 'Fred'],
    ['Nicolas', 'Nico'],
    ['Stéphanie', 'Fanny'],
    ['Alexandre', 'Alex'],
    ['Matthieu', 'Mathieu'],
    ['Élisabeth', 'Élise'],
  ],
  it: [
    ['Giuseppe', 'Beppe'],
    ['Alessandro', 'Sandro'],
    ['Francesco', 'Franco'],
    ['Luigi', 'Gigi'],
    ['Giovanni', 'Gianni'],
    ['Tommaso', 'Tommy'],
  ],
};
const TITLES: Record<string, string[]> = {
  en: ['Head of Procurement', 'VP Sales', 'Chief Financial Officer', 'IT Director'],
  nl: ['Inkoopmanager', 'Directeur Verkoop', 'Financieel Directeur', 'IT-manager'],
  fr: ['Directrice des achats', 'Directeur commercial', 'Directeur financier', 'Responsable informatique'],
  it: ['Responsabile acquisti', 'Direttore vendite', 'Direttore finanziario', 'Responsabile IT'],
  de: ['Einkaufsleiterin', 'Vertriebsleiter', 'Finanzvorstand', 'IT-Leiter'],
};
const TLD: Record<string, string> = { en: 'co.uk', nl: 'nl', fr: 'fr', it: 'it', de: 'de' };
const LANGS = ['en', 'nl', 'fr', 'it', 'de'];

function generatePeoplePairs(companyPairs: readonly CompanyPair[]): PeoplePair[] {
  const random = new Random(20261208);
  const names = companyNames();
  const nick = readCsv<{ name: string; nickname: string }>('sources/en-nicknames.csv');
  const variantsOf = new Map<string, Set<string>>();
  for (const { name, nickname } of nick) {
    for (const [x, y] of [
      [name, nickname],
      [nickname, name],
    ]) {
      if (!variantsOf.has(x)) variantsOf.set(x, new Set());
      variantsOf.get(x)?.add(y);
    }
  }
  for (const list of Object.values(FORMAL_SHORT)) {
    for (const [x, y] of list) {
      const [fx, fy] = [slug(x), slug(y)];
      if (!variantsOf.has(fx)) variantsOf.set(fx, new Set());
      if (!variantsOf.has(fy)) variantsOf.set(fy, new Set());
      variantsOf.get(fx)?.add(fy);
      variantsOf.get(fy)?.add(fx);
    }
  }
  const related = (x: string, y: string): boolean =>
    slug(x) === slug(y) || (variantsOf.get(slug(x))?.has(slug(y)) ?? false);
  const sharedWordPairs = companyPairs.filter((p) => p.class === 'sharedFirstWord' || p.class === 'containsName');
  const out: PeoplePair[] = [];
  const person = (
    cls: string,
    lang: string,
    crm: Partial<PeoplePair>,
    li: Partial<PeoplePair>,
    label: 'same' | 'different',
  ): void => {
    out.push({
      class: cls,
      lang,
      crmFirst: '',
      crmLast: '',
      crmEmail: '',
      crmCompany: '',
      crmWebsite: '',
      crmTitle: '',
      liFirst: '',
      liLast: '',
      liEmail: '',
      liCompany: '',
      liWebsite: '',
      liTitle: '',
      ...crm,
      ...li,
      label,
      source: 'generated',
    });
  };
  const companyOf = (name: string, lang: string): { registered: string; short: string; domain: string } => {
    const { stem } = splitLegalForm(name);
    return { registered: name, short: stem, domain: `${slug(stem)}.${TLD[lang]}` };
  };
  for (let i = 0; i < 120; i++) {
    const lang = LANGS[i % LANGS.length];
    const first = random.pick(GIVEN[lang]);
    const last = random.pick(FAMILY[lang]);
    const c = companyOf(random.pick(names), lang);
    const title = random.pick(TITLES[lang]);
    const local = `${slug(first)}.${slug(last)}`;
    // Same person: the CRM has the short company name and an e-mail on its domain; LinkedIn the registered name.
    person(
      'sameCorroborated',
      lang,
      {
        crmFirst: first,
        crmLast: last,
        crmEmail: `${local}@${c.domain}`,
        crmCompany: c.short,
        crmTitle: random.chance(0.5) ? title : '',
      },
      { liFirst: first, liLast: last, liCompany: c.registered, liWebsite: `https://www.${c.domain}`, liTitle: title },
      'same',
    );
    const [formal, short] = random.pick(FORMAL_SHORT[lang]);
    person(
      'sameNickname',
      lang,
      {
        crmFirst: formal,
        crmLast: last,
        crmEmail: random.chance(0.5) ? `${slug(formal)}.${slug(last)}@${c.domain}` : '',
        crmCompany: c.short,
        crmTitle: title,
      },
      { liFirst: short, liLast: last, liCompany: c.registered, liWebsite: c.domain, liTitle: title },
      'same',
    );
    if (/[äöüÄÖÜ]/.test(first + last)) {
      person(
        'sameUmlaut',
        lang,
        { crmFirst: first, crmLast: last, crmCompany: c.registered, crmWebsite: c.domain, crmTitle: title },
        {
          liFirst: transliterate(first),
          liLast: transliterate(last),
          liCompany: c.short,
          liWebsite: c.domain,
          liTitle: title,
        },
        'same',
      );
    } else if (stripAccents(first + last) !== first + last) {
      person(
        'sameAccents',
        lang,
        {
          crmFirst: stripAccents(first),
          crmLast: stripAccents(last),
          crmCompany: c.registered,
          crmWebsite: c.domain,
          crmTitle: title,
        },
        { liFirst: first, liLast: last, liCompany: c.short, liWebsite: c.domain, liTitle: title },
        'same',
      );
    }
    // Two different people with the same surname at two different companies that share a word.
    const sw = random.pick(sharedWordPairs);
    let other = random.pick(GIVEN[lang]);
    for (let k = 0; k < 10 && related(other, first); k++) other = random.pick(GIVEN[lang]);
    if (!related(other, first)) {
      person(
        'differentSameSurname',
        lang,
        { crmFirst: first, crmLast: last, crmCompany: splitLegalForm(sw.a).stem, crmTitle: title },
        {
          liFirst: other,
          liLast: last,
          liCompany: sw.b,
          liTitle: random.chance(0.5) ? title : random.pick(TITLES[lang]),
        },
        'different',
      );
      // ... and at the same company (a colleague with the same surname).
      person(
        'differentColleague',
        lang,
        { crmFirst: first, crmLast: last, crmEmail: `${local}@${c.domain}`, crmCompany: c.short, crmTitle: title },
        { liFirst: other, liLast: last, liCompany: c.registered, liWebsite: c.domain, liTitle: title },
        'different',
      );
    }
    // Namesakes at unrelated companies.
    const u = companyOf(random.pick(names), lang);
    if (slug(u.short) !== slug(c.short)) {
      person(
        'differentNamesake',
        lang,
        { crmFirst: first, crmLast: last, crmCompany: c.short, crmEmail: `${local}@${c.domain}`, crmTitle: title },
        { liFirst: first, liLast: last, liCompany: u.registered, liWebsite: u.domain, liTitle: title },
        'different',
      );
    }
  }
  // English formal names and nicknames from the public nickname list, corroborated by the company e-mail domain.
  for (let i = 0; i < 60; i++) {
    const { name, nickname } = random.pick(nick);
    const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
    const last = random.pick(FAMILY.en);
    const c = companyOf(random.pick(names), 'en');
    person(
      'sameNicknameEn',
      'en',
      { crmFirst: cap(name), crmLast: last, crmEmail: `${name}.${slug(last)}@${c.domain}`, crmCompany: c.short },
      { liFirst: cap(nickname), liLast: last, liCompany: c.registered, liWebsite: c.domain },
      'same',
    );
  }
  return out;
}

export function loadCompanyPairs(): CompanyPair[] {
  const hand = readCsv<Omit<CompanyPair, 'source'>>('hard-cases-companies.csv').map((p) => ({ ...p, source: 'hand' }));
  return [...readCsv<CompanyPair>('company-pairs.csv'), ...hand];
}

export function loadPeoplePairs(): PeoplePair[] {
  const hand = readCsv<Omit<PeoplePair, 'source'>>('hard-cases-people.csv').map((p) => ({ ...p, source: 'hand' }));
  return [...readCsv<PeoplePair>('people-pairs.csv'), ...hand];
}

if (require.main === module) {
  const companies = generateCompanyPairs();
  const people = generatePeoplePairs(companies);
  writeFileSync(join(EVAL_DIR, 'company-pairs.csv'), stringify(companies, { header: true }));
  writeFileSync(join(EVAL_DIR, 'people-pairs.csv'), stringify(people, { header: true }));
  console.log(`company pairs: ${companies.length}, people pairs: ${people.length}`);
}
