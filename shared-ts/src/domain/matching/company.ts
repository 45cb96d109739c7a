import { companyDomainOf } from './domains';
import { foldTokens, uniqueTokens } from './text';

/**
 * Company names normalised across legal forms and languages: "Robert Bosch GmbH", "ROBERT BOSCH G.m.b.H." and
 * "Robert Bosch" are one name; so are "Müller & Söhne GmbH & Co. KG" / "Mueller und Soehne", "Procter & Gamble Co." /
 * "Procter and Gamble", "L'Oréal S.A." / "LOreal SA", "The Boston Consulting Group" / "Boston Consulting Group".
 */

/**
 * Legal forms as folded token sequences (dots and spaces already gone: "S.p.A." → "spa", "A/S" → "as"; the
 * ISO 20275 abbreviations of the seed countries and their neighbours). Stripped at the end of a name, repeatedly
 * ("GmbH & Co. KG", "NV/SA"); a form written as single letters ("X N. V.", "S p A") is found too.
 */
const TRAILING_LEGAL_FORMS: readonly string[][] = [
  ['gesellschaft', 'mit', 'beschrankter', 'haftung'],
  ['societa', 'a', 'responsabilita', 'limitata'],
  ['societa', 'per', 'azioni'],
  ['societe', 'par', 'actions', 'simplifiee'],
  ['societe', 'a', 'responsabilite', 'limitee'],
  ['societe', 'en', 'commandite', 'par', 'actions'],
  ['societe', 'en', 'commandite'],
  ['societe', 'anonyme'],
  ['societe', 'europeenne'],
  ['naamloze', 'vennootschap'],
  ['besloten', 'vennootschap'],
  ['public', 'limited', 'company'],
  ['public', 'limited'],
  ['limited', 'liability', 'company'],
  ['spolka', 'akcyjna'],
  ['societa', 'cooperativa'],
  ['soc', 'coop'],
  ['gesellschaft', 'mbh'],
  ['ges', 'mbh'],
  ['u', 'co'],
  ['sa', 'de', 'cv'],
  ['pty', 'ltd'],
  ['pte', 'ltd'],
  ['sdn', 'bhd'],
  // "& Co.", "& C.", "& Cie", "e C." (Italian): the partners of a partnership, not part of the name.
  ['&', 'c'],
  ['&', 'cie'],
  ['e', 'c'],
  ['et', 'cie'],
  ...[
    'inc',
    'incorporated',
    'corp',
    'corporation',
    'co',
    'company',
    'cos',
    'llc',
    'llp',
    'lp',
    'ltd',
    'limited',
    'plc',
    'pty',
    'pte',
    'gmbh',
    'mbh',
    'ggmbh',
    'gesmbh',
    'ag',
    'kg',
    'kgaa',
    'ohg',
    'ug',
    'ev',
    'gbr',
    'eg',
    'ek',
    'aktiengesellschaft',
    'kommanditgesellschaft',
    'bv',
    'nv',
    'vof',
    'cv',
    'cva',
    'bvba',
    'sprl',
    'scrl',
    'srl',
    'srls',
    'spa',
    'sapa',
    'snc',
    'sas',
    'sarl',
    'sagl',
    'sa',
    'sca',
    'scs',
    'se',
    'sl',
    'slu',
    'ltda',
    'lda',
    'oy',
    'oyj',
    'abp',
    'ab',
    'as',
    'asa',
    'aps',
    'sro',
    'kft',
    'zrt',
    'nyrt',
    'doo',
    'bhd',
    'kk',
    'sccl',
    'scarl',
    'ua',
    'wa',
    'hf',
    'sgps',
    'socimi',
  ].map((form) => [form]),
];
/**
 * Corporate words that sit around the name without naming the company: the Nordic legal forms written first
 * ("AB Volvo"), the legal forms of foundations and associations ("Stichting", "Vereniging", "Fondazione"),
 * "Koninklijke"/"Coöperatieve" (nl), "Groupe"/"Société"/"Compagnie de" (fr), "Gruppo"/"Assicurazioni"/"Fratelli"
 * (it), "Gebr."/"Gebrüder"/"Unternehmensgruppe" (de), and the articles of the five languages ("The", "De", "Het",
 * "Le", "La", "Il", "Lo", "Die", "Der"). Stripped at the front like legal forms at the end.
 */
const LEADING_WORDS: readonly string[][] = [
  ['ab'],
  ['oy'],
  ['oyj'],
  ['the'],
  ['de'],
  ['het'],
  ['le'],
  ['la'],
  ['les'],
  ['il'],
  ['lo'],
  ['die'],
  ['der'],
  ['das'],
  ['stichting'],
  ['vereniging'],
  ['fondazione'],
  // French registers write some forms first ("SARL Boulangerie Martin"); not "SA"/"SAS": "SAS Institute" is a name.
  ['sarl'],
  ['eurl'],
  ['sasu'],
  ['selarl'],
  ['societe'],
  ['gebrueder'],
  ['koninklijke'],
  ['cooperatieve'],
  ['cooperatie'],
  ['gebroeders'],
  ['gebr'],
  ['groupe'],
  ['compagnie', 'de'],
  ['compagnie', 'des'],
  ['compagnie', 'du'],
  ['compagnie'],
  ['etablissements'],
  ['ets'],
  ['gruppo'],
  ['assicurazioni'],
  ['fratelli'],
  ['flli'],
  ['f', 'lli'],
  ['gruppe'],
  ['unternehmensgruppe'],
  ['firmengruppe'],
  ['gebruder'],
  ['groep'],
  ['group'],
];
/**
 * Articles that are also surname particles ("De Luca", "La Rosa", "Lo Bianco" are surnames, not "Luca", "Rosa",
 * "Bianco"): stripped only in front of two words or more ("De Nederlandsche Bank", "Il Sole 24 Ore").
 */
const ARTICLES = ['de', 'het', 'le', 'la', 'les', 'il', 'lo', 'die', 'der', 'das'];
/** Group words written after the name ("Unipol Gruppo", "Publicis Groupe", "ASML Holding"): stripped like legal forms. */
// Not "Holding": "Heineken Holding" is another company than "Heineken" (its parent).
const TRAILING_GROUP_WORDS = ['group', 'groupe', 'gruppo', 'gruppe', 'groep', 'gruppen', 'assicurazioni'];
/** The legal forms by their last token, so stripping looks at a handful of forms instead of all of them. */
function formsByLastToken(forms: readonly string[][]): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const form of forms) {
    const last = form[form.length - 1];
    const list = out.get(last);
    if (list === undefined) out.set(last, [form]);
    else list.push(form);
  }
  return out;
}
const LEGAL_FORMS_BY_LAST_TOKEN = formsByLastToken(TRAILING_LEGAL_FORMS);
const FORMS_BY_LAST_TOKEN = formsByLastToken([...TRAILING_LEGAL_FORMS, ...TRAILING_GROUP_WORDS.map((w) => [w])]);
/** Single-token legal forms, for a form written as a run of single letters ("n v", "s p a"). */
const ONE_TOKEN_FORMS = new Set(TRAILING_LEGAL_FORMS.filter((f) => f.length === 1).map((f) => f[0]));
/** "&", "and", "und", "et", "e", "en", "y" all mean and — between two words only ("E.ON", "Y Soluciones" stay names). */
const AND_WORDS = ['&', 'and', 'und', 'et', 'e', 'en', 'y'];
/** Words left out of an acronym's letters ("Bank of America" → "ba"). */
const ACRONYM_SKIP = [
  '&',
  'of',
  'de',
  'des',
  'du',
  'der',
  'di',
  'del',
  'della',
  'van',
  'von',
  'la',
  'le',
  'les',
  'the',
];
/** Words too common to identify a company on their own (excluded from the significant tokens). */
const GENERIC_WORDS = [
  '&',
  'the',
  'of',
  'de',
  'der',
  'die',
  'das',
  'du',
  'des',
  'la',
  'le',
  'les',
  'il',
  'di',
  'del',
  'della',
  'van',
  'von',
  'group',
  'groep',
  'gruppe',
  'groupe',
  'gruppo',
  'holding',
  'holdings',
  'international',
  'internationaal',
  'global',
  'worldwide',
  'services',
  'service',
  'solutions',
  'consulting',
  'industries',
  'industrie',
  'koninklijke',
  'royal',
  'nederland',
  'netherlands',
  'deutschland',
  'germany',
  'france',
  'italia',
  'italy',
  'europe',
  'europa',
  'benelux',
  'belgium',
  'belgie',
  'belgique',
  'schweiz',
  'suisse',
  'svizzera',
  'switzerland',
  'osterreich',
  'austria',
  'uk',
  'gb',
];

/** German transliterations folded the same way as their umlauts (Mueller = Müller → "muller"). */
const TRANSLITERATION = /([aou])e/g;

function endsWith(tokens: readonly string[], form: readonly string[]): boolean {
  if (form.length >= tokens.length) return false;
  const offset = tokens.length - form.length;
  for (let i = 0; i < form.length; i++) {
    if (tokens[offset + i] !== form[i]) return false;
  }
  return true;
}

function startsWith(tokens: readonly string[], form: readonly string[]): boolean {
  if (form.length >= tokens.length) return false;
  for (let i = 0; i < form.length; i++) {
    if (tokens[i] !== form[i]) return false;
  }
  return true;
}

/** Join runs of single letters ("s p a" → "spa", "b v" → "bv", "j p morgan" → "jp morgan"); digits stay apart. */
function joinInitials(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const tok of tokens) {
    if (tok.length === 1 && tok >= 'a' && tok <= 'z') {
      run += tok;
    } else {
      if (run !== '') out.push(run);
      run = '';
      out.push(tok);
    }
  }
  if (run !== '') out.push(run);
  return out;
}

/**
 * Tokens without a legal form written in single letters: the whole form ("s a de c v", "x n v" → "x") or a
 * multi-word form whose words are ("s a de c v" as "sa de cv"). The same tokens when there is none.
 */
function stripSpelledForm(tokens: string[], forms: Map<string, string[][]>): string[] {
  let run = 0;
  while (run < tokens.length && tokens[tokens.length - 1 - run].length === 1 && tokens[tokens.length - 1 - run] !== '&')
    run++;
  if (run < 2) return tokens;
  // The tail with its letter runs joined, and how many original tokens each joined token stands for.
  const joined: string[] = [];
  const counts: number[] = [];
  for (const tok of tokens) {
    const single = tok.length === 1 && tok !== '&';
    const last = joined.length - 1;
    if (single && last >= 0 && counts[last] > 0 && joined[last].length === counts[last]) {
      joined[last] += tok;
      counts[last]++;
    } else {
      joined.push(tok);
      counts.push(single ? 1 : 0);
    }
  }
  for (const form of forms.get(joined[joined.length - 1]) ?? []) {
    if (form.length > 1 && endsWith(joined, form)) {
      let removed = 0;
      for (let i = joined.length - form.length; i < joined.length; i++) removed += Math.max(counts[i], 1);
      if (removed < tokens.length) return tokens.slice(0, tokens.length - removed);
    }
  }
  for (let k = Math.min(run, 4); k >= 2; k--) {
    if (k < tokens.length && ONE_TOKEN_FORMS.has(tokens.slice(tokens.length - k).join('')))
      return tokens.slice(0, tokens.length - k);
  }
  return tokens;
}

/** "and" words a name cannot end with once its legal form is gone ("Merck and Co." → "merck"). */
const TRAILING_AND = ['&', 'and', 'und', 'et', 'en'];

// The end first: a front word never takes the name from a legal form ("Lo N.V." is "Lo", "The Hershey Co." "Hershey").
function stripOnce(tokens: string[], leading: boolean): string[] {
  let out = tokens;
  while (out.length > 1 && TRAILING_AND.indexOf(out[out.length - 1]) >= 0) out = out.slice(0, -1);
  // Corporate words go with the front words: the acronym's letters keep "Group" ("AIG").
  const forms = leading ? FORMS_BY_LAST_TOKEN : LEGAL_FORMS_BY_LAST_TOKEN;
  const spelled = stripSpelledForm(out, forms);
  if (spelled.length !== out.length) return spelled;
  for (const form of forms.get(out[out.length - 1]) ?? []) {
    if (endsWith(out, form)) return out.slice(0, out.length - form.length);
  }
  if (leading) {
    for (const form of LEADING_WORDS) {
      if (startsWith(out, form) && (ARTICLES.indexOf(form[0]) < 0 || out.length - form.length >= 2))
        return out.slice(form.length);
    }
  }
  return out;
}

/** Tokens without legal forms and corporate words (front words only when `leading`); never empties a name. */
function stripForms(tokens: string[], leading: boolean): string[] {
  let out = tokens;
  for (;;) {
    const next = stripOnce(out, leading);
    if (next.length === out.length) return out;
    out = next;
  }
}

/** "and" words between two words as "&". */
function markAnd(tokens: readonly string[]): string[] {
  return tokens.map((tok, i) => (i > 0 && i < tokens.length - 1 && AND_WORDS.indexOf(tok) >= 0 ? '&' : tok));
}

/** Numbers written as words in the five languages (not "een"/"un"/"uno"/"ein": they are also articles). */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(
  [
    ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
    ['', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf'],
    ['eins', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwolf'],
    ['', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze'],
    ['', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci', 'undici', 'dodici'],
    // Umlauts written out, before transliteration folds them: "fuenf" is "fünf".
    ['', '', '', '', 'fuenf', '', '', '', '', '', '', 'zwoelf'],
  ].flatMap((words) => words.map((word, i): [string, string] => [word, String(i + 1)]).filter(([w]) => w !== '')),
);
/** The number words anywhere in a joined name, longest first ("taketwo" → "take2", "formulaone" → "formula1"). */
const NUMBER_WORD_RUN = new RegExp(
  [...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).join('|'),
  'g',
);

/**
 * A joined name with the number words left inside its words as digits, so "Take-Two" and "TakeTwo" join alike
 * (number words standing alone are digits already: "Formula One" / "Formula 1").
 */
function numberWordsAsDigits(compact: string): string {
  return compact.replace(NUMBER_WORD_RUN, (word) => NUMBER_WORDS.get(word) ?? word);
}

/** Roman numerals of two letters or more, in canonical form ("xiii" → 13; "ic" or "mix" are no numerals). */
const ROMAN_NUMERAL = /^(?=[ivx]{2,}$)(x{0,3})(ix|iv|v?i{0,3})$/;
const ROMAN_DIGITS: Record<string, number> = { i: 1, v: 5, x: 10 };

function romanValue(tok: string): string | null {
  if (!ROMAN_NUMERAL.test(tok)) return null;
  let total = 0;
  for (let j = 0; j < tok.length; j++) {
    const v = ROMAN_DIGITS[tok[j]];
    total += j + 1 < tok.length && v < ROMAN_DIGITS[tok[j + 1]] ? -v : v;
  }
  return String(total);
}

/**
 * Numbers as digits: words ("Formula One" / "Formula 1", "Drei Kronen" / "3 Kronen") and Roman numerals after the
 * first word of the normalised name ("Louis XIII" / "Louis 13"; "XI Capital", "VI Company" keep their letters).
 */
function numbersAsDigits(tokens: string[]): string[] {
  let out = tokens;
  for (let i = 0; i < tokens.length; i++) {
    const digits = NUMBER_WORDS.get(tokens[i]) ?? (i > 0 ? romanValue(tokens[i]) : null);
    if (digits === null || digits === undefined) continue;
    if (out === tokens) out = tokens.slice();
    out[i] = digits;
  }
  return out;
}

/** A web address as the name ("Amazon.com", "bol.com", "Booking.com B.V."): the name is its label. */
const WEB_SUFFIX = /([\p{L}\p{N}])\.(?:com|net|org|io|ai|eu|nl|de|fr|it|be|ch|at|co\.uk)(?=$|[\s,;])/giu;

function foldedCompanyTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  // Parenthesised additions ("Siemens AG (Deutschland)") describe the company, they are not its name.
  const raw = String(name);
  const withoutParens = raw.indexOf('(') >= 0 ? raw.replace(/\([^()]*\)/g, ' ') : raw;
  const withoutSuffix = withoutParens.indexOf('.') >= 0 ? withoutParens.replace(WEB_SUFFIX, '$1') : withoutParens;
  return foldTokens(withoutSuffix);
}

/** Tokens of a name with its legal forms removed, before initials are joined and corporate words dropped. */
function withoutLegalForms(name: string | null | undefined): string[] {
  return markAnd(stripForms(foldedCompanyTokens(name), false));
}

/**
 * Normalised company-name tokens: folded, legal forms and corporate words removed (front and end), "and" words
 * between two words as "&", initials joined.
 */
export function companyNameTokens(name: string | null | undefined): string[] {
  const tokens = foldedCompanyTokens(name);
  if (tokens.length === 0) return [];
  // Numbers last: a Roman numeral is one after the name's first word, whatever stood in front or was joined.
  return numbersAsDigits(stripForms(joinInitials(markAnd(stripForms(tokens, true))), true));
}

/** The normalised company name as one string; idempotent. */
export function normaliseCompanyName(name: string | null | undefined): string {
  return companyNameTokens(name).join(' ');
}

export interface CompanyKey {
  /** Normalised name ("robert bosch"). */
  name: string;
  /** Name without spaces, German transliterations folded in the joined form ("robertbosch", "mullersohne"). */
  compact: string;
  /** Significant tokens: the name's distinctive words, transliteration-folded. */
  significant: string[];
  /** Registrable company domains (never free-mail). */
  domains: string[];
  /** The name when it is one short word that can be an acronym ("ibm", "bmw"); '' otherwise. */
  acronym: string;
  /** Initials of a name of two or more words, with and without its group words ("ibm", "aig"/"ai"). */
  initials: string[];
}

/** The one constructor of CompanyKey objects (one object shape keeps the per-pair comparison fast). */
export function companyKey(
  name: string,
  compact: string,
  significant: string[],
  domains: string[],
  acronym = '',
  initials: string[] = [],
): CompanyKey {
  return { name, compact, significant, domains, acronym, initials };
}

/** The same company with more known domains (duplicates and nulls ignored). */
export function withDomains(key: CompanyKey, domains: readonly (string | null)[]): CompanyKey {
  let merged: string[] | null = null;
  for (const d of domains) {
    if (d && key.domains.indexOf(d) < 0 && (merged === null || merged.indexOf(d) < 0)) {
      if (merged === null) merged = key.domains.slice();
      merged.push(d);
    }
  }
  return merged === null ? key : companyKey(key.name, key.compact, key.significant, merged, key.acronym, key.initials);
}

function transliterate(text: string): string {
  return text.indexOf('e') < 0 ? text : text.replace(TRANSLITERATION, '$1');
}

function initialsOf(tokens: readonly string[], skip: readonly string[] = ACRONYM_SKIP): string {
  const words = tokens.filter((tok) => skip.indexOf(tok) < 0);
  return words.length < 2 ? '' : words.map((w) => w.charAt(0)).join('');
}

const ACRONYM = /^[a-z]{2,6}$/;

/** Prepare a company (name and known company domains) once for comparison. */
export function prepareCompany(name: string | null | undefined, domains: readonly (string | null)[] = []): CompanyKey {
  const tokens = companyNameTokens(name);
  const words = tokens.filter((tok) => tok !== '&');
  const folded = words.map(transliterate);
  let significant = folded.filter((tok) => GENERIC_WORDS.indexOf(tok) < 0);
  if (significant.length === 0) significant = folded;
  const acronym = words.length === 1 && ACRONYM.test(words[0]) ? words[0] : '';
  const full = withoutLegalForms(name);
  // Acronyms keep an article or particle now and then: "DNB" (De Nederlandsche Bank), "EDF" (Électricité de France).
  const initials = uniqueTokens([
    initialsOf(words),
    initialsOf(full.filter((tok) => tok !== 'the')),
    initialsOf(full, ['&']),
  ]);
  // Transliterated once joined: "Bio-Energie" and "Bioenergie" fold alike (per word, "bio"+"energie" would not).
  const key = companyKey(
    tokens.join(' '),
    transliterate(numberWordsAsDigits(words.join(''))),
    uniqueTokens(significant),
    [],
    acronym,
    initials,
  );
  return withDomains(key, domains);
}

export const COMPANY_LEVELS = ['exact', 'strong', 'partial', 'none'] as const;
export type CompanyLevel = (typeof COMPANY_LEVELS)[number];

function acronymOf(short: CompanyKey, long: CompanyKey): CompanyLevel {
  if (short.acronym === '' || long.initials.indexOf(short.acronym) < 0) return 'none';
  return short.acronym.length >= 3 ? 'exact' : 'strong';
}

/**
 * One is the other's acronym ("IBM" / "International Business Machines"); two letters are too few to be sure.
 * Both ways, for two one-word names ("AV" / "AB Volvo") can each be an acronym.
 */
function acronymLevel(a: CompanyKey, b: CompanyKey): CompanyLevel {
  const ab = acronymOf(a, b);
  if (ab === 'exact') return ab;
  const ba = acronymOf(b, a);
  return ba !== 'none' ? ba : ab;
}

/** The two share a registrable company domain. */
export function sharesDomain(a: CompanyKey, b: CompanyKey): boolean {
  for (const d of a.domains) {
    if (b.domains.indexOf(d) >= 0) return true;
  }
  return false;
}

function sameName(a: CompanyKey, b: CompanyKey): boolean {
  if (a.compact !== '' && a.compact === b.compact) return true;
  return (a.acronym !== '' || b.acronym !== '') && acronymLevel(a, b) === 'exact';
}

/**
 * Compare two company names (domains aside); symmetric. exact: the same normalised name or one the acronym of
 * the other; strong: every significant word of one is in the other ("Siemens" / "Siemens Nederland");
 * partial: they share significant words covering at least half of the union.
 */
export function compareCompanyNames(a: CompanyKey, b: CompanyKey): CompanyLevel {
  if (sameName(a, b)) return 'exact';
  if (a.significant.length === 0 || b.significant.length === 0) return 'none';
  let shared = 0;
  for (const tok of a.significant) {
    if (b.significant.indexOf(tok) >= 0) shared++;
  }
  if (shared === 0) return a.acronym !== '' || b.acronym !== '' ? acronymLevel(a, b) : 'none';
  if (shared === Math.min(a.significant.length, b.significant.length)) return 'strong';
  return shared * 2 >= a.significant.length + b.significant.length - shared ? 'partial' : 'none';
}

/** Compare two companies; symmetric: a shared company domain is 'exact', otherwise the names decide. */
export function compareCompanies(a: CompanyKey, b: CompanyKey): CompanyLevel {
  if (a === b) return a.compact !== '' || a.domains.length > 0 ? 'exact' : 'none';
  if (sharesDomain(a, b)) return 'exact';
  return compareCompanyNames(a, b);
}

/** `compareCompanies(a, b) === 'exact'` without grading the rest: same name, acronym, or a shared company domain. */
export function isSameCompany(a: CompanyKey, b: CompanyKey): boolean {
  if (a === b) return a.compact !== '' || a.domains.length > 0;
  return sameName(a, b) || sharesDomain(a, b);
}

/**
 * Blocking tokens of a company, as filed in the index or as looked up: every pair compared above 'none' shares at
 * least one between a query's tokens and an index's. An acronym and the initials of a spelled-out name meet across
 * the two sides only ("a:" under the acronym, "i:" under the initials), so two spelled-out names with the same
 * initials are not brought together for nothing.
 */
export function companyBlockingTokens(key: CompanyKey, side: 'index' | 'query' = 'index'): string[] {
  const out: string[] = [];
  if (key.compact !== '') out.push(`n:${key.compact}`);
  for (const tok of key.significant) out.push(`t:${tok}`);
  for (const d of key.domains) out.push(`d:${d}`);
  if (key.acronym !== '') out.push(side === 'index' ? `a:${key.acronym}` : `i:${key.acronym}`);
  for (const initials of key.initials) out.push(side === 'index' ? `i:${initials}` : `a:${initials}`);
  return out;
}

/**
 * Compare two companies given as a name and a website, e-mail or bare domain each — for callers outside the
 * matching run. Free-mail domains are ignored. Symmetric.
 */
export function compareCompanyRecords(
  aName: string | null | undefined,
  aWebsite: string | null | undefined,
  bName: string | null | undefined,
  bWebsite: string | null | undefined,
): CompanyLevel {
  return compareCompanies(
    prepareCompany(aName, [companyDomainOf(aWebsite)]),
    prepareCompany(bName, [companyDomainOf(bWebsite)]),
  );
}

/** The numeric id of a LinkedIn company URN, whatever its entity type; null if it is not one. */
export function linkedInCompanyId(urn: string | null | undefined): string | null {
  if (!urn) return null;
  const m = /^urn:li:(?:organization|company|salesCompany|fsd_company):(\d+)$/.exec(urn.trim());
  return m ? m[1] : null;
}

export const COMPANY_SAMENESS = ['same', 'different', 'uncertain'] as const;
export type CompanySameness = (typeof COMPANY_SAMENESS)[number];
/** What decided: the LinkedIn company URNs, the company domains, or (identity unknown) the names alone. */
export type CompanyBasis = 'urn' | 'domain' | 'name';

export interface CompanyVerdict {
  sameness: CompanySameness;
  basis: CompanyBasis;
  /** The names' comparison (domains aside). */
  level: CompanyLevel;
}

/** "philips" of "philips.nl": the same label under two suffixes is one company's two sites. */
function domainLabel(domain: string): string {
  const dot = domain.indexOf('.');
  return dot < 0 ? domain : domain.slice(0, dot);
}

/** The domain is one of the company's, or the same domain name under another suffix ("vopak.nl" of "vopak.com"). */
export function onCompanyDomainName(domain: string, key: CompanyKey): boolean {
  const label = domainLabel(domain);
  for (const d of key.domains) {
    if (d === domain || domainLabel(d) === label) return true;
  }
  return false;
}

function sharesDomainLabel(a: CompanyKey, b: CompanyKey): boolean {
  for (const x of a.domains) {
    if (onCompanyDomainName(x, b)) return true;
  }
  return false;
}

/** LinkedIn company URNs on both sides decide alone (companyVerdict's first rule); null when either is unknown. */
export function urnSameness(aUrn: string | null, bUrn: string | null): CompanySameness | null {
  const aId = linkedInCompanyId(aUrn);
  const bId = linkedInCompanyId(bUrn);
  if (aId === null || bId === null) return null;
  return aId === bId ? 'same' : 'different';
}

/**
 * Are two companies the same, identity first; symmetric. LinkedIn company URNs on both sides decide; then a
 * shared company domain (or the same domain name under another suffix, with related names) says same, and
 * unrelated domains say different unless the names are equal (then uncertain: "SEB" the appliance maker and
 * "SEB" the bank). Without identity the names decide: equal names are the same company, unrelated names are
 * different, names that only share words (a parent and its subsidiary, two sisters) are uncertain.
 */
export function companyVerdict(
  a: CompanyKey,
  b: CompanyKey,
  aUrn: string | null = null,
  bUrn: string | null = null,
): CompanyVerdict {
  const level = compareCompanyNames(a, b);
  const byUrn = urnSameness(aUrn, bUrn);
  if (byUrn !== null) return { sameness: byUrn, basis: 'urn', level };
  if (sharesDomain(a, b)) return { sameness: 'same', basis: 'domain', level };
  if (a.domains.length > 0 && b.domains.length > 0) {
    if (level !== 'none' && sharesDomainLabel(a, b)) return { sameness: 'same', basis: 'domain', level };
    return { sameness: level === 'exact' ? 'uncertain' : 'different', basis: 'domain', level };
  }
  const sameness = level === 'exact' ? 'same' : level === 'none' ? 'different' : 'uncertain';
  return { sameness, basis: 'name', level };
}
