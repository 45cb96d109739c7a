import { foldText, foldTokens, tokenJaccard, uniqueTokens } from './text';

/**
 * Address parts of accounts and company headquarters: postal codes without spaces ("1012 AB" = "1012AB"),
 * streets with their abbreviations expanded ("Hauptstr. 5" = "Hauptstraße 5"), city exonyms
 * ("Den Haag" = "'s-Gravenhage" = "The Hague", "München" = "Munich") and folded state names.
 */
const STREET_WORDS = new Map<string, string>(
  Object.entries({
    str: 'strasse',
    st: 'street',
    rd: 'road',
    ave: 'avenue',
    av: 'avenue',
    blvd: 'boulevard',
    bd: 'boulevard',
    bvd: 'boulevard',
    ln: 'lane',
    dr: 'drive',
    pl: 'place',
    sq: 'square',
    hwy: 'highway',
    pkwy: 'parkway',
    ct: 'court',
    v: 'via',
    vle: 'viale',
    pza: 'piazza',
    pzza: 'piazza',
    rte: 'route',
    ch: 'chemin',
    imp: 'impasse',
    gr: 'gracht',
    wg: 'weg',
  }),
);
/** Dutch and German compounds: "Hauptstr" / "Keizersgr" abbreviate the last part of one word. */
const STREET_SUFFIXES: readonly [string, string][] = [
  ['str', 'strasse'],
  ['gr', 'gracht'],
];

/** Groups of names of the same city in the five seed languages; the first entry is canonical. */
const CITY_GROUPS: readonly string[][] = [
  ['den haag', 's gravenhage', 'sgravenhage', 'the hague', 'la haye', 'l aia', 'laia', 'hague'],
  ['munchen', 'munich', 'monaco di baviera', 'muenchen'],
  ['koln', 'cologne', 'colonia', 'keulen', 'koeln'],
  ['nurnberg', 'nuremberg', 'norimberga', 'neurenberg', 'nuernberg'],
  ['zurich', 'zurigo', 'zuerich'],
  ['geneve', 'geneva', 'genf', 'ginevra', 'genève'],
  ['wien', 'vienna', 'vienne', 'wenen'],
  ['milano', 'milan', 'mailand', 'milaan'],
  ['roma', 'rome', 'rom'],
  ['firenze', 'florence', 'florenz'],
  ['torino', 'turin'],
  ['napoli', 'naples', 'neapel', 'napels'],
  ['venezia', 'venice', 'venise', 'venedig'],
  ['genova', 'genoa', 'genes', 'genua'],
  ['bruxelles', 'brussel', 'brussels', 'brussel stad', 'bruessel', 'brussels capital'],
  ['antwerpen', 'antwerp', 'anvers', 'anversa'],
  ['gent', 'ghent', 'gand'],
  ['luik', 'liege', 'luttich'],
  ['london', 'londres', 'londra', 'londen'],
  ['paris', 'parijs', 'parigi'],
  ['lisboa', 'lisbon', 'lissabon', 'lisbonne', 'lisbona'],
  ['frankfurt am main', 'frankfurt', 'francoforte', 'francfort'],
  ['den bosch', 's hertogenbosch', 'shertogenbosch', 'bois le duc'],
  ['aachen', 'aix la chapelle', 'aken', 'aquisgrana'],
];

const CITY_CANON: ReadonlyMap<string, string> = (() => {
  const out = new Map<string, string>();
  for (const group of CITY_GROUPS) {
    for (const variant of group) out.set(foldText(variant), group[0]);
  }
  return out;
})();

/** Comparable postal code: upper case, no spaces or dashes ("1012 ab" → "1012AB", "D-80333" → "80333"). */
export function normalisePostalCode(code: string | null | undefined): string {
  if (!code) return '';
  let s = foldText(code)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  // Country letters written before German/Austrian/Swiss/Italian codes ("D-80333", "I-20121", "CH-8001").
  const prefixed = /^(?:D|A|CH|I|F|NL|B|L)(\d{4,5})$/.exec(s);
  if (prefixed) s = prefixed[1];
  return s;
}

/** Canonical city name: folded, exonyms mapped to one name. */
export function normaliseCity(city: string | null | undefined): string {
  const folded = foldText(city);
  return CITY_CANON.get(folded) ?? folded;
}

/** Folded state or province. */
export function normaliseState(state: string | null | undefined): string {
  return foldText(state);
}

/** Street tokens with abbreviations expanded; house numbers kept as tokens. */
export function streetTokens(street: string | null | undefined): string[] {
  const out: string[] = [];
  for (const raw of foldTokens(street)) {
    let tok = STREET_WORDS.get(raw) ?? raw;
    for (const [suffix, full] of STREET_SUFFIXES) {
      if (tok.length > suffix.length + 2 && tok.endsWith(suffix)) tok = tok.slice(0, -suffix.length) + full;
    }
    out.push(tok);
  }
  return uniqueTokens(out);
}

export const STREET_LEVELS = ['exact', 'sameStreet', 'none'] as const;
export type StreetLevel = (typeof STREET_LEVELS)[number];

/** Same tokens → exact; same street words but another house number → sameStreet. Symmetric. */
export function compareStreets(a: readonly string[], b: readonly string[]): StreetLevel {
  if (a.length === 0 || b.length === 0) return 'none';
  if (tokenJaccard(a, b) === 1) return 'exact';
  const wordsA = a.filter((tok) => !/\d/.test(tok));
  const wordsB = b.filter((tok) => !/\d/.test(tok));
  return wordsA.length > 0 && tokenJaccard(wordsA, wordsB) === 1 ? 'sameStreet' : 'none';
}
