import { companyDomainOf } from './domains';
import { foldTokens, uniqueTokens } from './text';

/**
 * Company names normalised across legal forms and languages: "Robert Bosch GmbH", "ROBERT BOSCH G.m.b.H." and
 * "Robert Bosch" are one name; so are "Müller & Söhne GmbH & Co. KG" / "Mueller und Soehne", "Procter & Gamble Co." /
 * "Procter and Gamble", "L'Oréal S.A." / "LOreal SA", "The Boston Consulting Group" / "Boston Consulting Group".
 */

/**
 * Legal forms as folded token sequences (dots and spaces already gone: "S.p.A." → "spa", "A/S" → "as").
 * Stripped at the end of a name (repeatedly: "GmbH & Co. KG"), and at the start only for the Nordic forms
 * written first ("AB Volvo", "Oy Fazer").
 */
const TRAILING_LEGAL_FORMS: readonly string[][] = [
  ['gesellschaft', 'mit', 'beschrankter', 'haftung'],
  ['societa', 'a', 'responsabilita', 'limitata'],
  ['societa', 'per', 'azioni'],
  ['societe', 'par', 'actions', 'simplifiee'],
  ['societe', 'a', 'responsabilite', 'limitee'],
  ['societe', 'anonyme'],
  ['naamloze', 'vennootschap'],
  ['besloten', 'vennootschap'],
  ['public', 'limited', 'company'],
  ['limited', 'liability', 'company'],
  ['sa', 'de', 'cv'],
  ['pty', 'ltd'],
  ['pte', 'ltd'],
  ['sdn', 'bhd'],
  ...[
    'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'cos', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc',
    'pty', 'pte', 'gmbh', 'mbh', 'ggmbh', 'gesmbh', 'ag', 'kg', 'kgaa', 'ohg', 'ug', 'ev', 'gbr', 'eg', 'aktiengesellschaft',
    'kommanditgesellschaft', 'bv', 'nv', 'vof', 'cv', 'cva', 'bvba', 'sprl', 'scrl', 'srl', 'srls', 'spa', 'sapa',
    'snc', 'sas', 'sarl', 'sa', 'sca', 'scs', 'se', 'sl', 'slu', 'ltda', 'lda', 'oy', 'oyj', 'ab', 'as', 'asa', 'aps',
    'sro', 'kft', 'zrt', 'nyrt', 'doo', 'bhd', 'kk', 'sccl', 'scarl',
  ].map((form) => [form]),
];
const LEADING_LEGAL_FORMS = ['ab', 'oy', 'oyj'];
/** The legal forms by their last token, so stripping looks at a handful of forms instead of all of them. */
const FORMS_BY_LAST_TOKEN: Map<string, string[][]> = (() => {
  const out = new Map<string, string[][]>();
  for (const form of TRAILING_LEGAL_FORMS) {
    const last = form[form.length - 1];
    const list = out.get(last);
    if (list === undefined) out.set(last, [form]);
    else list.push(form);
  }
  return out;
})();
/** "&", "and", "und", "et", "e", "en", "y" all mean and. */
const AND_WORDS = ['&', 'and', 'und', 'et', 'e', 'en', 'y'];
/** Words too common to identify a company on their own (excluded from the significant tokens). */
const GENERIC_WORDS = [
  '&', 'the', 'of', 'de', 'der', 'die', 'das', 'du', 'des', 'la', 'le', 'les', 'il', 'di', 'del', 'della', 'van', 'von',
  'group', 'groep', 'gruppe', 'groupe', 'gruppo', 'holding', 'holdings', 'international', 'internationaal',
  'global', 'worldwide', 'services', 'service', 'solutions', 'consulting', 'industries', 'industrie', 'koninklijke',
  'royal', 'nederland', 'netherlands', 'deutschland', 'germany', 'france', 'italia', 'italy', 'europe', 'europa',
  'benelux', 'belgium', 'belgie', 'belgique', 'schweiz', 'suisse', 'svizzera', 'switzerland', 'osterreich', 'austria',
  'uk', 'gb',
];

/** German transliterations folded the same way as their umlauts (Mueller = Müller → "muller"). */
const TRANSLITERATIONS: readonly [RegExp, string][] = [
  [/ae/g, 'a'],
  [/oe/g, 'o'],
  [/ue/g, 'u'],
];

function endsWith(tokens: readonly string[], form: readonly string[]): boolean {
  if (form.length >= tokens.length) return false;
  const offset = tokens.length - form.length;
  for (let i = 0; i < form.length; i++) {
    if (tokens[offset + i] !== form[i]) return false;
  }
  return true;
}

/** Join runs of single letters ("s p a" → "spa", "b v" → "bv", "j p morgan" → "jp morgan"). */
function joinInitials(tokens: readonly string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const tok of tokens) {
    if (tok.length === 1 && tok !== '&') {
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

function stripOnce(tokens: string[]): string[] {
  let out = tokens;
  if (out.length > 1 && out[0] === 'the') out = out.slice(1);
  if (out.length > 1 && LEADING_LEGAL_FORMS.indexOf(out[0]) >= 0) out = out.slice(1);
  while (out.length > 1 && out[out.length - 1] === '&') out = out.slice(0, -1);
  for (const form of FORMS_BY_LAST_TOKEN.get(out[out.length - 1]) ?? []) {
    if (endsWith(out, form)) return out.slice(0, out.length - form.length);
  }
  return out;
}

/** Normalised company-name tokens: folded, initials joined, "and" words as "&", legal forms and "The" removed. */
export function companyNameTokens(name: string | null | undefined): string[] {
  if (!name) return [];
  // Parenthesised additions ("Siemens AG (Deutschland)") describe the company, they are not its name.
  const raw = String(name);
  const withoutParens = raw.indexOf('(') >= 0 ? raw.replace(/\([^()]*\)/g, ' ') : raw;
  let tokens = joinInitials(foldTokens(withoutParens)).map((tok) => (AND_WORDS.indexOf(tok) >= 0 ? '&' : tok));
  for (;;) {
    const next = stripOnce(tokens);
    if (next.length === tokens.length) break;
    tokens = next;
  }
  return tokens;
}

/** The normalised company name as one string; idempotent. */
export function normaliseCompanyName(name: string | null | undefined): string {
  return companyNameTokens(name).join(' ');
}

export interface CompanyKey {
  /** Normalised name ("robert bosch"). */
  name: string;
  /** Name without spaces and with German transliterations folded ("robertbosch", "mullersohne"). */
  compact: string;
  /** Significant tokens: the name's distinctive words, transliteration-folded. */
  significant: string[];
  /** Registrable company domains (never free-mail). */
  domains: string[];
}

/** The one constructor of CompanyKey objects (one object shape keeps the per-pair comparison fast). */
export function companyKey(name: string, compact: string, significant: string[], domains: string[]): CompanyKey {
  return { name, compact, significant, domains };
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
  return merged === null ? key : companyKey(key.name, key.compact, key.significant, merged);
}

function transliterate(token: string): string {
  if (token.indexOf('e') < 0) return token;
  let s = token;
  for (const [pattern, replacement] of TRANSLITERATIONS) s = s.replace(pattern, replacement);
  return s;
}

/** Prepare a company (name and known company domains) once for comparison. */
export function prepareCompany(name: string | null | undefined, domains: readonly (string | null)[] = []): CompanyKey {
  const tokens = companyNameTokens(name);
  const words = tokens.filter((tok) => tok !== '&').map(transliterate);
  let significant = words.filter((tok) => GENERIC_WORDS.indexOf(tok) < 0);
  if (significant.length === 0) significant = words;
  return withDomains(companyKey(tokens.join(' '), words.join(''), uniqueTokens(significant), []), domains);
}

export const COMPANY_LEVELS = ['exact', 'strong', 'partial', 'none'] as const;
export type CompanyLevel = (typeof COMPANY_LEVELS)[number];

/**
 * Compare two companies; symmetric. exact: same normalised name or a shared company domain; strong: every
 * significant word of one is in the other ("KPN" / "Koninklijke KPN", "Siemens" / "Siemens Nederland");
 * partial: they share significant words covering at least half of the union.
 */
export function compareCompanies(a: CompanyKey, b: CompanyKey): CompanyLevel {
  if (isSameCompany(a, b)) return 'exact';
  if (a === b) return 'none';
  if (a.significant.length === 0 || b.significant.length === 0) return 'none';
  let shared = 0;
  for (const tok of a.significant) {
    if (b.significant.indexOf(tok) >= 0) shared++;
  }
  if (shared === 0) return 'none';
  if (shared === Math.min(a.significant.length, b.significant.length)) return 'strong';
  return shared * 2 >= a.significant.length + b.significant.length - shared ? 'partial' : 'none';
}

/** `compareCompanies(a, b) === 'exact'` without grading the rest: the same normalised name or a shared company domain. */
export function isSameCompany(a: CompanyKey, b: CompanyKey): boolean {
  if (a === b) return a.compact !== '' || a.domains.length > 0;
  if (a.compact !== '' && a.compact === b.compact) return true;
  for (const d of a.domains) {
    if (b.domains.indexOf(d) >= 0) return true;
  }
  return false;
}

/** Blocking tokens of a company: every pair compared above 'none' shares at least one of them. */
export function companyBlockingTokens(key: CompanyKey): string[] {
  const out: string[] = [];
  if (key.compact !== '') out.push(`n:${key.compact}`);
  for (const tok of key.significant) out.push(`t:${tok}`);
  for (const d of key.domains) out.push(`d:${d}`);
  return out;
}

/**
 * Compare two companies given as a name and a website, e-mail or bare domain each — for callers outside the
 * matching run (e.g. the validation's "is the member's current company still the contact's account?").
 * Free-mail domains are ignored. Symmetric.
 */
export function compareCompanyRecords(
  aName: string | null | undefined,
  aWebsite: string | null | undefined,
  bName: string | null | undefined,
  bWebsite: string | null | undefined,
): CompanyLevel {
  return compareCompanies(prepareCompany(aName, [companyDomainOf(aWebsite)]), prepareCompany(bName, [companyDomainOf(bWebsite)]));
}
