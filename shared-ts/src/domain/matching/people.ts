import { compareCompanyNames, onCompanyDomainName, sharesDomain, type CompanyKey } from './company';
import { compareFirstNames, compareLastNames } from './personName';
import { prepareMember, preparePerson, type CrmPerson, type LinkedInMember, type PersonKeys } from './personKeys';
import { confidenceFromTotal, type Confidence, type Contribution, type MatchScore } from './score';
import { compareTitles, TITLE_LEVELS } from './titles';

/**
 * People matching: a CRM person (contact or lead) against a LinkedIn member, on the documented criteria.
 * Both sides are first prepared into the same shape (PersonKeys), once per record; the comparison of two
 * PersonKeys is symmetric, so swapping the sides gives the same total and confidence.
 */
export const PERSON_CRITERIA = [
  'email',
  'phone',
  'firstName',
  'lastName',
  'currentCompany',
  'pastCompany',
  'currentTitle',
  'pastTitle',
] as const;
export type PersonCriterion = (typeof PERSON_CRITERIA)[number];

/**
 * Points per criterion and level (a level not listed scores 0). Maximum 130: the past company and past title
 * count only when the current one does not match. The current company is "corroborated" when the names agree and
 * one person's own e-mail address is on the other's company domain.
 */
export const PERSON_POINTS: Record<PersonCriterion, Record<string, number>> = {
  email: { exact: 35 },
  phone: { exact: 25 },
  firstName: { exact: 12, nickname: 10, partial: 9, sound: 6, initial: 4 },
  lastName: { exact: 20, partial: 15, sound: 12 },
  currentCompany: { corroborated: 30, exact: 25, strong: 18, partial: 10 },
  pastCompany: { exact: 10, strong: 7, partial: 4 },
  currentTitle: { exact: 8, similar: 5 },
  pastTitle: { exact: 3, similar: 2 },
};

/**
 * Confidence thresholds on the total, with two gates:
 * - identity: without an equal e-mail, an equal phone, or a last-name match together with a first-name match
 *   (at least the initial, a nickname or a sound-alike), the confidence is 'none' whatever the total: the same
 *   company and title is not the same person, nor is "Anna Müller" at Bosch "Klaus Müller" at Bosch;
 * - high also needs the last name exact or partial, a first name beyond an initial, and at least one of e-mail,
 *   phone or company; otherwise it is capped at 'medium'.
 * - medium also needs more than a sound-alike first name or an initial: without an equal e-mail or phone, such a
 *   first name with the same surname is capped at 'low' unless the company is the same (not merely sharing a word).
 * So: full name + e-mail (67), full name + corroborated company (62), a nickname + corroborated company (60), full
 * name + company + title (60-65) or a nickname + company + title (63) auto-match; full name + company by name only
 * (57) or + phone (57) suggest.
 */
export const PERSON_THRESHOLDS = { high: 60, medium: 45, low: 25 } as const;

/** Levels of a person's company comparison, strongest first ('corroborated' is set on top, see below). */
export const PERSON_COMPANY_LEVELS = ['corroborated', 'exact', 'strong', 'partial', 'none'] as const;

/** A person's company against another: the names' level, or 'exact' through a shared company domain. */
export function comparePersonCompanies(a: CompanyKey, b: CompanyKey): string {
  const names = a === b && a.compact === '' ? 'none' : compareCompanyNames(a, b);
  return names !== 'exact' && sharesDomain(a, b) ? 'exact' : names;
}

/**
 * A person's own e-mail is on the other side's company domain (or its domain name under another country's suffix:
 * "vopak.nl" for "vopak.com"), and the two company names agree.
 */
function mailOnCompanyDomain(mailDomain: string | null, own: CompanyKey, other: CompanyKey): boolean {
  if (mailDomain === null || !onCompanyDomainName(mailDomain, other)) return false;
  const names = compareCompanyNames(own, other);
  return names === 'exact' || names === 'strong';
}

/**
 * The current companies agree by name and one person's own e-mail address is on the other's company domain:
 * evidence about the person, not only about the company ("corroborated"). A shared account website is not.
 */
function corroborated(a: PersonKeys, b: PersonKeys): boolean {
  if (a.mailDomain === null && b.mailDomain === null) return false;
  for (const x of a.current) {
    for (const y of b.current) {
      if (mailOnCompanyDomain(a.mailDomain, x, y) || mailOnCompanyDomain(b.mailDomain, y, x)) return true;
    }
  }
  return false;
}

/** The current-company level with corroboration on top. */
function currentCompanyLevel(a: PersonKeys, b: PersonKeys, level: string): string {
  return (level === 'exact' || level === 'strong') && corroborated(a, b) ? 'corroborated' : level;
}

const POINTS_EMAIL = PERSON_POINTS.email.exact;
const POINTS_PHONE = PERSON_POINTS.phone.exact;

function shareAny(a: readonly string[], b: readonly string[]): string | null {
  for (const x of a) {
    if (b.indexOf(x) >= 0) return x;
  }
  return null;
}

interface Pick {
  level: string;
  a: number;
  b: number;
}

const NO_PICK: Pick = { level: 'none', a: -1, b: -1 };

/** Best level over all pairs of two lists (levels ordered strongest first). */
function bestPair<T>(
  as: readonly T[],
  bs: readonly T[],
  compare: (x: T, y: T) => string,
  levels: readonly string[],
): Pick {
  let best = NO_PICK;
  let bestRank = levels.length - 1;
  for (let i = 0; i < as.length; i++) {
    for (let j = 0; j < bs.length; j++) {
      const level = compare(as[i], bs[j]);
      const rank = levels.indexOf(level);
      if (rank < bestRank) {
        best = { level, a: i, b: j };
        bestRank = rank;
        if (rank === 0) return best;
      }
    }
  }
  return best;
}

/** Best level of a past-company or past-title comparison: one side's current against the other's past. */
function bestCross<T>(
  aCurrent: readonly T[],
  aPast: readonly T[],
  bCurrent: readonly T[],
  bPast: readonly T[],
  compare: (x: T, y: T) => string,
  levels: readonly string[],
): { pick: Pick; aIsPast: boolean } {
  const one = bestPair(aCurrent, bPast, compare, levels);
  const two = bestPair(aPast, bCurrent, compare, levels);
  return levels.indexOf(two.level) < levels.indexOf(one.level)
    ? { pick: two, aIsPast: true }
    : { pick: one, aIsPast: false };
}

/** bestPair without recording which pair: the per-pair path allocates nothing. */
function bestLevel<T>(
  as: readonly T[],
  bs: readonly T[],
  compare: (x: T, y: T) => string,
  levels: readonly string[],
): string {
  let bestRank = levels.length - 1;
  for (let i = 0; i < as.length; i++) {
    for (let j = 0; j < bs.length; j++) {
      const rank = levels.indexOf(compare(as[i], bs[j]));
      if (rank < bestRank) {
        bestRank = rank;
        if (rank === 0) return levels[0];
      }
    }
  }
  return levels[bestRank];
}

function bestCrossLevel<T>(
  aCurrent: readonly T[],
  aPast: readonly T[],
  bCurrent: readonly T[],
  bPast: readonly T[],
  compare: (x: T, y: T) => string,
  levels: readonly string[],
): string {
  const one = bestLevel(aCurrent, bPast, compare, levels);
  const two = bestLevel(aPast, bCurrent, compare, levels);
  return levels.indexOf(two) < levels.indexOf(one) ? two : one;
}

interface PersonComparison {
  levels: Record<PersonCriterion, string>;
  email: string | null;
  phone: string | null;
  current: Pick;
  past: { pick: Pick; aIsPast: boolean } | null;
  currentTitle: Pick;
  pastTitle: { pick: Pick; aIsPast: boolean } | null;
}

/** The level of every criterion and which values reached it (no strings built: this runs for every pair). */
function comparePersonKeys(a: PersonKeys, b: PersonKeys): PersonComparison {
  const email = shareAny(a.emails, b.emails);
  const phone = shareAny(a.phones, b.phones);
  const current = bestPair(a.current, b.current, comparePersonCompanies, PERSON_COMPANY_LEVELS);
  // Past company counts only when the current ones do not match: it is the "used to work there" signal.
  const past =
    current.level === 'none'
      ? bestCross(a.current, a.past, b.current, b.past, comparePersonCompanies, PERSON_COMPANY_LEVELS)
      : null;
  const currentTitle = bestPair(a.currentTitles, b.currentTitles, compareTitles, TITLE_LEVELS);
  const pastTitle =
    currentTitle.level === 'none'
      ? bestCross(a.currentTitles, a.pastTitles, b.currentTitles, b.pastTitles, compareTitles, TITLE_LEVELS)
      : null;
  return {
    levels: {
      email: email === null ? 'none' : 'exact',
      phone: phone === null ? 'none' : 'exact',
      firstName: compareFirstNames(a.first, b.first),
      lastName: compareLastNames(a.last, b.last),
      currentCompany: currentCompanyLevel(a, b, current.level),
      pastCompany: past === null ? 'none' : past.pick.level,
      currentTitle: currentTitle.level,
      pastTitle: pastTitle === null ? 'none' : pastTitle.pick.level,
    },
    email,
    phone,
    current,
    past,
    currentTitle,
    pastTitle,
  };
}

function describeCompany(key: CompanyKey | undefined): string {
  if (key === undefined) return '';
  const domains = key.domains.join(', ');
  if (key.name === '') return domains;
  return domains === '' ? key.name : `${key.name} (${domains})`;
}

function describeTitle(tokens: readonly string[] | undefined): string {
  return tokens === undefined ? '' : tokens.join(' ');
}

/** The compared values behind each criterion, side a first ('' when the criterion did not match). */
function personEvidence(a: PersonKeys, b: PersonKeys, c: PersonComparison): Record<PersonCriterion, string> {
  const { levels, past, pastTitle } = c;
  return {
    email: c.email ?? '',
    phone: c.phone === null ? '' : `…${c.phone}`,
    firstName: levels.firstName === 'none' ? '' : `${a.first.folded} ~ ${b.first.folded}`,
    lastName: levels.lastName === 'none' ? '' : `${a.last.folded} ~ ${b.last.folded}`,
    currentCompany:
      levels.currentCompany === 'none'
        ? ''
        : `${describeCompany(a.current[c.current.a])} ~ ${describeCompany(b.current[c.current.b])}`,
    pastCompany:
      past === null || levels.pastCompany === 'none'
        ? ''
        : `${describeCompany((past.aIsPast ? a.past : a.current)[past.pick.a])} ~ ${describeCompany(
            (past.aIsPast ? b.current : b.past)[past.pick.b],
          )}`,
    currentTitle:
      levels.currentTitle === 'none'
        ? ''
        : `${describeTitle(a.currentTitles[c.currentTitle.a])} ~ ${describeTitle(b.currentTitles[c.currentTitle.b])}`,
    pastTitle:
      pastTitle === null || levels.pastTitle === 'none'
        ? ''
        : `${describeTitle((pastTitle.aIsPast ? a.pastTitles : a.currentTitles)[pastTitle.pick.a])} ~ ${describeTitle(
            (pastTitle.aIsPast ? b.currentTitles : b.pastTitles)[pastTitle.pick.b],
          )}`,
  };
}

/**
 * Confidence of a person comparison: thresholds on the total plus the identity and high gates (see
 * PERSON_THRESHOLDS). Takes the facts it needs as plain values so the per-pair path can call it too.
 */
function personConfidenceOf(
  total: number,
  hasEmail: boolean,
  hasPhone: boolean,
  lastName: string,
  firstName: string,
  hasCompany: boolean,
  sameCompany: boolean,
): Confidence {
  const hasLast = lastName !== 'none';
  const hasFirst = firstName !== 'none';
  const identity = hasEmail || hasPhone || (hasLast && hasFirst);
  if (!identity) return 'none';
  const confidence = confidenceFromTotal(total, PERSON_THRESHOLDS);
  const weakFirst = firstName === 'sound' || firstName === 'initial';
  if (confidence !== 'low' && confidence !== 'none' && weakFirst && !hasEmail && !hasPhone && !sameCompany)
    return 'low';
  if (confidence !== 'high') return confidence;
  const strongLast = lastName === 'exact' || lastName === 'partial';
  const strongFirst = hasFirst && firstName !== 'initial';
  return strongLast && strongFirst && (hasEmail || hasPhone || hasCompany) ? 'high' : 'medium';
}

function isSameCompanyLevel(level: string): boolean {
  return level === 'exact' || level === 'corroborated';
}

/** Confidence of a person comparison from its criterion levels and total. */
export function personConfidence(levels: Record<PersonCriterion, string>, total: number): Confidence {
  return personConfidenceOf(
    total,
    levels.email !== 'none',
    levels.phone !== 'none',
    levels.lastName,
    levels.firstName,
    levels.currentCompany !== 'none' || levels.pastCompany !== 'none',
    isSameCompanyLevel(levels.currentCompany),
  );
}

/** Score two prepared people: per-criterion contributions, their exact sum, and the confidence. */
export function scorePersonKeys(a: PersonKeys, b: PersonKeys): MatchScore<PersonCriterion> {
  const comparison = comparePersonKeys(a, b);
  const evidence = personEvidence(a, b, comparison);
  const contributions: Contribution<PersonCriterion>[] = [];
  let total = 0;
  for (const criterion of PERSON_CRITERIA) {
    const level = comparison.levels[criterion];
    const points = PERSON_POINTS[criterion][level] ?? 0;
    total += points;
    contributions.push({ criterion, points, level, evidence: evidence[criterion] });
  }
  return { total, contributions, confidence: personConfidence(comparison.levels, total) };
}

/**
 * Total of a pair when it is at least a 'low' match, else -1: the per-pair path of matchAll. Same rules, points
 * and confidence as scorePersonKeys (a test holds them equal), but it allocates nothing, builds no evidence and
 * stops as soon as the identity gate cannot pass.
 */
export function quickPersonTotal(a: PersonKeys, b: PersonKeys): number {
  const hasEmail = a.emails.length > 0 && b.emails.length > 0 && shareAny(a.emails, b.emails) !== null;
  const hasPhone = a.phones.length > 0 && b.phones.length > 0 && shareAny(a.phones, b.phones) !== null;
  const lastName = compareLastNames(a.last, b.last);
  if (!hasEmail && !hasPhone && lastName === 'none') return -1;
  const firstName = compareFirstNames(a.first, b.first);
  if (!hasEmail && !hasPhone && firstName === 'none') return -1;
  const current = currentCompanyLevel(
    a,
    b,
    bestLevel(a.current, b.current, comparePersonCompanies, PERSON_COMPANY_LEVELS),
  );
  const past =
    current === 'none'
      ? bestCrossLevel(a.current, a.past, b.current, b.past, comparePersonCompanies, PERSON_COMPANY_LEVELS)
      : 'none';
  const currentTitle = bestLevel(a.currentTitles, b.currentTitles, compareTitles, TITLE_LEVELS);
  const pastTitle =
    currentTitle === 'none'
      ? bestCrossLevel(a.currentTitles, a.pastTitles, b.currentTitles, b.pastTitles, compareTitles, TITLE_LEVELS)
      : 'none';
  const total =
    (hasEmail ? POINTS_EMAIL : 0) +
    (hasPhone ? POINTS_PHONE : 0) +
    (PERSON_POINTS.firstName[firstName] ?? 0) +
    (PERSON_POINTS.lastName[lastName] ?? 0) +
    (PERSON_POINTS.currentCompany[current] ?? 0) +
    (PERSON_POINTS.pastCompany[past] ?? 0) +
    (PERSON_POINTS.currentTitle[currentTitle] ?? 0) +
    (PERSON_POINTS.pastTitle[pastTitle] ?? 0);
  const confidence = personConfidenceOf(
    total,
    hasEmail,
    hasPhone,
    lastName,
    firstName,
    current !== 'none' || past !== 'none',
    isSameCompanyLevel(current),
  );
  return confidence === 'none' ? -1 : total;
}

/** Score a CRM contact or lead against a LinkedIn member. */
export function scorePerson(person: CrmPerson, member: LinkedInMember): MatchScore<PersonCriterion> {
  return scorePersonKeys(preparePerson(person), prepareMember(member));
}

/**
 * A runner-up that is itself a suggestion (medium or better) contests an auto-match that no e-mail address or phone
 * number decides: two members with the same name at the same company are told apart by those alone.
 */
export function personMatchContested(best: MatchScore<PersonCriterion>, runnerUpTotal: number): boolean {
  if (best.confidence !== 'high' || runnerUpTotal < PERSON_THRESHOLDS.medium) return false;
  for (const c of best.contributions) {
    if ((c.criterion === 'email' || c.criterion === 'phone') && c.points > 0) return false;
  }
  return true;
}
