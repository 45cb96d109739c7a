import { ACCOUNT_CRITERIA, type AccountCriterion } from './accounts';
import { PERSON_CRITERIA, type PersonCriterion } from './people';
import { CONFIDENCE_LEVELS, type Confidence, type Contribution, type MatchScore } from './score';

/**
 * A score's per-criterion contributions in a compact text that fits a CRM text field (well under 255 characters),
 * so the record can show "why this match" without the engine: `p1|h|62|em35x|fn12x|ln20x`
 * = person score, format 1, high confidence, total 62; e-mail 35 points (exact), first name 12 (exact), last name
 * 20 (exact). Only criteria that scored are written; the compared values are not (they are personal data and the
 * record shows its own). The decoder checks that the contributions add up to the total.
 */
export const STORED_SCORE_KINDS = ['person', 'account'] as const;
export type StoredScoreKind = (typeof STORED_SCORE_KINDS)[number];

export interface StoredPersonScore {
  kind: 'person';
  score: MatchScore<PersonCriterion>;
}
export interface StoredAccountScore {
  kind: 'account';
  score: MatchScore<AccountCriterion>;
}

const VERSION = '1';
const KIND_CODES: Record<StoredScoreKind, string> = { person: 'p', account: 'a' };
const CONFIDENCE_CODES: Record<Confidence, string> = { high: 'h', medium: 'm', low: 'l', none: 'n' };
const PERSON_CODES: Record<PersonCriterion, string> = {
  email: 'em',
  phone: 'ph',
  firstName: 'fn',
  lastName: 'ln',
  currentCompany: 'cc',
  pastCompany: 'pc',
  currentTitle: 'ct',
  pastTitle: 'pt',
};
const ACCOUNT_CODES: Record<AccountCriterion, string> = {
  companyName: 'nm',
  domain: 'dm',
  website: 'ws',
  phone: 'ph',
  postalCode: 'pz',
  street: 'st',
  city: 'ci',
  state: 'sa',
  employeeCount: 'ec',
  industry: 'in',
};
/** One letter per level any criterion can reach (see PERSON_POINTS and ACCOUNT_POINTS). */
const LEVEL_CODES: Record<string, string> = {
  exact: 'x',
  corroborated: 'c',
  strong: 's',
  partial: 'p',
  nickname: 'k',
  sound: 'd',
  initial: 'i',
  similar: 'm',
  sameStreet: 'r',
};

function invert(codes: Record<string, string>): Map<string, string> {
  return new Map(Object.entries(codes).map(([name, code]) => [code, name]));
}
const KINDS = invert(KIND_CODES);
const CONFIDENCES = invert(CONFIDENCE_CODES);
const PERSON_NAMES = invert(PERSON_CODES);
const ACCOUNT_NAMES = invert(ACCOUNT_CODES);
const LEVELS = invert(LEVEL_CODES);

function encode(kind: StoredScoreKind, score: MatchScore, codes: Record<string, string>): string {
  const parts = [`${KIND_CODES[kind]}${VERSION}`, CONFIDENCE_CODES[score.confidence], String(score.total)];
  for (const c of score.contributions) {
    if (c.points === 0) continue;
    const level = LEVEL_CODES[c.level];
    if (level === undefined) throw new Error(`no stored code for level ${c.level}`);
    parts.push(`${codes[c.criterion]}${c.points}${level}`);
  }
  return parts.join('|');
}

/** The stored text of a person score (a contact or lead against a LinkedIn member). */
export function encodePersonScore(score: MatchScore<PersonCriterion>): string {
  return encode('person', score, PERSON_CODES);
}

/** The stored text of an account score (a CRM account against a LinkedIn company). */
export function encodeAccountScore(score: MatchScore<AccountCriterion>): string {
  return encode('account', score, ACCOUNT_CODES);
}

const PART = /^([a-z]{2})(\d{1,3})([a-z])$/;

/**
 * The score a stored text stands for: every criterion of its kind in the usual order (those that did not score
 * with 0 points and level 'none', evidence ''), the total and the confidence; null when the text is not a stored
 * score (unknown format, codes or a total that is not the sum of its contributions).
 */
export function decodeStoredScore(text: string | null | undefined): StoredPersonScore | StoredAccountScore | null {
  if (!text) return null;
  const parts = text.trim().split('|');
  if (parts.length < 3 || parts[0].length !== 2 || parts[0][1] !== VERSION) return null;
  const kind = KINDS.get(parts[0][0]) as StoredScoreKind | undefined;
  const confidence = CONFIDENCES.get(parts[1]) as Confidence | undefined;
  if (kind === undefined || confidence === undefined || !/^\d{1,4}$/.test(parts[2])) return null;
  const total = Number(parts[2]);
  const names = kind === 'person' ? PERSON_NAMES : ACCOUNT_NAMES;
  const scored = new Map<string, { points: number; level: string }>();
  let sum = 0;
  for (const part of parts.slice(3)) {
    const m = PART.exec(part);
    const criterion = m ? names.get(m[1]) : undefined;
    const level = m ? LEVELS.get(m[3]) : undefined;
    if (!m || criterion === undefined || level === undefined || scored.has(criterion)) return null;
    const points = Number(m[2]);
    scored.set(criterion, { points, level });
    sum += points;
  }
  if (sum !== total || CONFIDENCE_LEVELS.indexOf(confidence) < 0) return null;
  const criteria: readonly string[] = kind === 'person' ? PERSON_CRITERIA : ACCOUNT_CRITERIA;
  const contributions: Contribution[] = criteria.map((criterion) => {
    const s = scored.get(criterion);
    return { criterion, points: s?.points ?? 0, level: s?.level ?? 'none', evidence: '' };
  });
  return kind === 'person'
    ? { kind, score: { total, confidence, contributions: contributions as Contribution<PersonCriterion>[] } }
    : { kind, score: { total, confidence, contributions: contributions as Contribution<AccountCriterion>[] } };
}
