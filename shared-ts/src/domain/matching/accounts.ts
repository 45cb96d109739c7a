import { compareStreets, normaliseCity, normalisePostalCode, normaliseState, streetTokens } from './address';
import { companyBlockingTokens, compareCompanies, prepareCompany, type CompanyKey } from './company';
import { companyDomainOf, hostFromWebsite } from './domains';
import { phoneTail } from './phones';
import { confidenceFromTotal, type Confidence, type Contribution, type MatchScore } from './score';
import { foldTokens, tokenJaccard, uniqueTokens } from './text';

/**
 * Account matching: a CRM account against a LinkedIn company on the documented criteria. Both sides are
 * prepared into AccountKeys once; comparing two AccountKeys is symmetric.
 */
export const ACCOUNT_CRITERIA = [
  'companyName',
  'domain',
  'website',
  'phone',
  'postalCode',
  'street',
  'city',
  'state',
  'employeeCount',
  'industry',
] as const;
export type AccountCriterion = (typeof ACCOUNT_CRITERIA)[number];

/** Points per criterion and level (a level not listed scores 0). Maximum: 107. */
export const ACCOUNT_POINTS: Record<AccountCriterion, Record<string, number>> = {
  companyName: { exact: 30, strong: 20, partial: 12 },
  domain: { exact: 30 },
  website: { exact: 5 },
  phone: { exact: 15 },
  postalCode: { exact: 8 },
  street: { exact: 6, sameStreet: 3 },
  city: { exact: 5 },
  state: { exact: 2 },
  employeeCount: { exact: 3 },
  industry: { exact: 3, similar: 2 },
};

/**
 * Thresholds on the total, with gates: without a name, domain or phone match the confidence is 'none'
 * (an address alone is a building, not a company); high also needs an exact or strong name or an equal domain.
 * So name + domain (50-65) or name + phone + postal code (53) auto-match; domain + phone (45) suggests.
 */
export const ACCOUNT_THRESHOLDS = { high: 50, medium: 35, low: 20 } as const;

/** Tolerance around a staff-count range: CRM employee counts and LinkedIn ranges drift apart. */
const EMPLOYEE_TOLERANCE = 0.25;

export interface CrmAccount {
  id?: string;
  name?: string | null;
  website?: string | null;
  phone?: string | null;
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  state?: string | null;
  employees?: number | null;
  industry?: string | null;
}

export interface LinkedInAddress {
  street?: string | null;
  postalCode?: string | null;
  city?: string | null;
  state?: string | null;
}

export interface LinkedInCompany {
  id?: string;
  name?: string | null;
  website?: string | null;
  phone?: string | null;
  headquarters?: LinkedInAddress | null;
  /** LinkedIn's staff count range: "1001-5000", "10,001+", "2-10 employees", or {start, end}. */
  staffCountRange?: string | { start: number; end?: number | null } | null;
  industry?: string | null;
}

export interface AccountKeys {
  /** Name and company domains (domains never free-mail). */
  company: CompanyKey;
  /** The same name without domains: the name criterion compares names only. */
  nameOnly: CompanyKey;
  host: string | null;
  phones: string[];
  postalCode: string;
  street: string[];
  city: string;
  state: string;
  /** Employee range [low, high] (a CRM count n is [n, n]); null when unknown. */
  employees: [number, number] | null;
  industry: string[];
}

/** Parse a staff-count range ("1001-5000", "10,001+", "51 - 200 employees"); null when not a range. */
export function parseStaffCountRange(range: LinkedInCompany['staffCountRange']): [number, number] | null {
  if (range === null || range === undefined) return null;
  if (typeof range === 'object') {
    if (!Number.isFinite(range.start)) return null;
    const end = range.end === null || range.end === undefined ? Number.POSITIVE_INFINITY : range.end;
    return [range.start, end];
  }
  const m = /^\s*([\d.,\s]+?)\s*(?:(\+)|[-–]\s*([\d.,\s]+))/.exec(range);
  if (!m) return null;
  const low = parseInt(m[1].replace(/\D/g, ''), 10);
  if (!Number.isFinite(low)) return null;
  if (m[2] === '+') return [low, Number.POSITIVE_INFINITY];
  const high = parseInt((m[3] ?? '').replace(/\D/g, ''), 10);
  return Number.isFinite(high) ? [low, high] : null;
}

function industryTokens(industry: string | null | undefined): string[] {
  return uniqueTokens(foldTokens(industry).filter((tok) => tok !== '&' && tok.length > 2));
}

function prepareAccountParts(
  name: string | null | undefined,
  website: string | null | undefined,
  phone: string | null | undefined,
  address: LinkedInAddress,
  employees: [number, number] | null,
  industry: string | null | undefined,
): AccountKeys {
  const phones: string[] = [];
  const tail = phoneTail(phone);
  if (tail !== null) phones.push(tail);
  const company = prepareCompany(name, [companyDomainOf(website)]);
  return {
    company,
    nameOnly: { ...company, domains: [] },
    host: hostFromWebsite(website),
    phones,
    postalCode: normalisePostalCode(address.postalCode),
    street: streetTokens(address.street),
    city: normaliseCity(address.city),
    state: normaliseState(address.state),
    employees,
    industry: industryTokens(industry),
  };
}

/** Prepare a CRM account once. */
export function prepareAccount(account: CrmAccount): AccountKeys {
  const n = account.employees;
  const employees: [number, number] | null = typeof n === 'number' && Number.isFinite(n) && n > 0 ? [n, n] : null;
  return prepareAccountParts(account.name, account.website, account.phone, account, employees, account.industry);
}

/** Prepare a LinkedIn company once. */
export function prepareCompanyPage(company: LinkedInCompany): AccountKeys {
  return prepareAccountParts(
    company.name,
    company.website,
    company.phone,
    company.headquarters ?? {},
    parseStaffCountRange(company.staffCountRange),
    company.industry,
  );
}

/**
 * Blocking keys a LinkedIn company is filed under: every pair that passes the identity gate (name, domain or
 * phone) shares at least one with the CRM account's query keys.
 */
export function accountBlockingKeys(keys: AccountKeys, side: 'index' | 'query' = 'index'): string[] {
  const out = companyBlockingTokens(keys.company, side);
  for (const p of keys.phones) out.push(`p:${p}`);
  return out;
}

/** Blocking keys a CRM account looks up (see accountBlockingKeys). */
export function accountQueryKeys(keys: AccountKeys): string[] {
  return accountBlockingKeys(keys, 'query');
}

function rangesOverlap(a: [number, number], b: [number, number]): boolean {
  const lowA = a[0] * (1 - EMPLOYEE_TOLERANCE);
  const highA = a[1] * (1 + EMPLOYEE_TOLERANCE);
  const lowB = b[0] * (1 - EMPLOYEE_TOLERANCE);
  const highB = b[1] * (1 + EMPLOYEE_TOLERANCE);
  return lowA <= highB && lowB <= highA;
}

function sharedPhone(a: AccountKeys, b: AccountKeys): string | null {
  for (const p of a.phones) {
    if (b.phones.indexOf(p) >= 0) return p;
  }
  return null;
}

function sharedDomain(a: CompanyKey, b: CompanyKey): string | null {
  for (const d of a.domains) {
    if (b.domains.indexOf(d) >= 0) return d;
  }
  return null;
}

function compareAccountLevels(a: AccountKeys, b: AccountKeys): Record<AccountCriterion, string> {
  const industry = tokenJaccard(a.industry, b.industry);
  return {
    companyName: compareCompanies(a.nameOnly, b.nameOnly),
    domain: sharedDomain(a.company, b.company) === null ? 'none' : 'exact',
    website: a.host !== null && a.host === b.host && sharedDomain(a.company, b.company) !== null ? 'exact' : 'none',
    phone: sharedPhone(a, b) === null ? 'none' : 'exact',
    postalCode: a.postalCode !== '' && a.postalCode === b.postalCode ? 'exact' : 'none',
    street: compareStreets(a.street, b.street),
    city: a.city !== '' && a.city === b.city ? 'exact' : 'none',
    state: a.state !== '' && a.state === b.state ? 'exact' : 'none',
    employeeCount:
      a.employees !== null && b.employees !== null && rangesOverlap(a.employees, b.employees) ? 'exact' : 'none',
    industry: industry === 1 ? 'exact' : industry >= 0.5 ? 'similar' : 'none',
  };
}

/** Confidence of an account comparison (see ACCOUNT_THRESHOLDS for the gates). */
export function accountConfidence(levels: Record<AccountCriterion, string>, total: number): Confidence {
  const identity = levels.companyName !== 'none' || levels.domain !== 'none' || levels.phone !== 'none';
  if (!identity) return 'none';
  const confidence = confidenceFromTotal(total, ACCOUNT_THRESHOLDS);
  if (confidence !== 'high') return confidence;
  const strongName = levels.companyName === 'exact' || levels.companyName === 'strong';
  return strongName || levels.domain === 'exact' ? 'high' : 'medium';
}

function describeRange(r: [number, number] | null): string {
  if (r === null) return '';
  if (r[1] === Number.POSITIVE_INFINITY) return `${r[0]}+`;
  return r[0] === r[1] ? String(r[0]) : `${r[0]}-${r[1]}`;
}

function accountEvidence(
  a: AccountKeys,
  b: AccountKeys,
  levels: Record<AccountCriterion, string>,
): Record<AccountCriterion, string> {
  function show(criterion: AccountCriterion, x: string, y: string): string {
    return levels[criterion] === 'none' ? '' : `${x} ~ ${y}`;
  }
  return {
    companyName: show('companyName', a.company.name, b.company.name),
    domain: levels.domain === 'none' ? '' : (sharedDomain(a.company, b.company) ?? ''),
    website: levels.website === 'none' ? '' : (a.host ?? ''),
    phone: levels.phone === 'none' ? '' : `…${sharedPhone(a, b) ?? ''}`,
    postalCode: show('postalCode', a.postalCode, b.postalCode),
    street: show('street', a.street.join(' '), b.street.join(' ')),
    city: show('city', a.city, b.city),
    state: show('state', a.state, b.state),
    employeeCount: show('employeeCount', describeRange(a.employees), describeRange(b.employees)),
    industry: show('industry', a.industry.join(' '), b.industry.join(' ')),
  };
}

function accountTotal(levels: Record<AccountCriterion, string>): number {
  let total = 0;
  for (const criterion of ACCOUNT_CRITERIA) total += ACCOUNT_POINTS[criterion][levels[criterion]] ?? 0;
  return total;
}

/** Score two prepared accounts: per-criterion contributions, their exact sum, and the confidence. */
export function scoreAccountKeys(a: AccountKeys, b: AccountKeys): MatchScore<AccountCriterion> {
  const levels = compareAccountLevels(a, b);
  const evidence = accountEvidence(a, b, levels);
  const contributions: Contribution<AccountCriterion>[] = [];
  let total = 0;
  for (const criterion of ACCOUNT_CRITERIA) {
    const points = ACCOUNT_POINTS[criterion][levels[criterion]] ?? 0;
    total += points;
    contributions.push({ criterion, points, level: levels[criterion], evidence: evidence[criterion] });
  }
  return { total, contributions, confidence: accountConfidence(levels, total) };
}

/** Total of a pair when it is at least a 'low' match, else -1 (the per-pair path of matchAllAccounts). */
export function quickAccountTotal(a: AccountKeys, b: AccountKeys): number {
  const levels = compareAccountLevels(a, b);
  const total = accountTotal(levels);
  return accountConfidence(levels, total) === 'none' ? -1 : total;
}

/** Score a CRM account against a LinkedIn company. */
export function scoreAccount(account: CrmAccount, company: LinkedInCompany): MatchScore<AccountCriterion> {
  return scoreAccountKeys(prepareAccount(account), prepareCompanyPage(company));
}
