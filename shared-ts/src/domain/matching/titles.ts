import { foldTokens, tokenJaccard, uniqueTokens } from './text';

/**
 * Job titles as token sets with common abbreviations expanded ("Sr. VP Sales" = "Senior Vice President Sales")
 * and filler words dropped, compared by overlap. Deliberately simple: titles only add a few points.
 */
const EXPANSIONS = new Map<string, string[]>(
  Object.entries({
    sr: ['senior'],
    snr: ['senior'],
    jr: ['junior'],
    vp: ['vice', 'president'],
    svp: ['senior', 'vice', 'president'],
    evp: ['executive', 'vice', 'president'],
    mgr: ['manager'],
    mngr: ['manager'],
    dir: ['director'],
    eng: ['engineer'],
    engr: ['engineer'],
    dev: ['developer'],
    acct: ['account'],
    exec: ['executive'],
    mktg: ['marketing'],
    hr: ['human', 'resources'],
    it: ['ict'],
    md: ['managing', 'director'],
    gm: ['general', 'manager'],
    asst: ['assistant'],
    assoc: ['associate'],
    coo: ['chief', 'operating', 'officer'],
    ceo: ['chief', 'executive', 'officer'],
    cfo: ['chief', 'financial', 'officer'],
    cto: ['chief', 'technology', 'officer'],
    cio: ['chief', 'information', 'officer'],
    cmo: ['chief', 'marketing', 'officer'],
  }),
);
const FILLER = [
  'of',
  'the',
  'and',
  '&',
  'for',
  'to',
  'a',
  'an',
  'at',
  'in',
  'on',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'van',
  'der',
  'voor',
  'en',
  'di',
  'del',
  'della',
  'e',
  'et',
  'fur',
  'und',
  'der',
  'die',
  'das',
  'im',
  'bei',
  'chez',
  'presso',
];

export const TITLE_LEVELS = ['exact', 'similar', 'none'] as const;
export type TitleLevel = (typeof TITLE_LEVELS)[number];

/** Comparable token set of a job title. */
export function titleTokens(title: string | null | undefined): string[] {
  const out: string[] = [];
  for (const tok of foldTokens(title)) {
    const expanded = EXPANSIONS.get(tok);
    if (expanded !== undefined) out.push(...expanded);
    else if (FILLER.indexOf(tok) < 0) out.push(tok);
  }
  return uniqueTokens(out);
}

/** Same set → exact; at least half shared (Jaccard ≥ 0.5) → similar. Symmetric. */
export function compareTitles(a: readonly string[], b: readonly string[]): TitleLevel {
  if (a.length === 0 || b.length === 0) return 'none';
  const j = tokenJaccard(a, b);
  if (j === 1) return 'exact';
  return j >= 0.5 ? 'similar' : 'none';
}
