import { companyKey, prepareCompany, withDomains, type CompanyKey } from './company';
import { companyDomainOf, normaliseEmail } from './domains';
import { prepareFirstName, prepareLastName, type FirstNameKey, type LastNameKey } from './personName';
import { phoneTail } from './phones';
import { nameBlockingKeys, type NameBlockingKeys } from './personBlocking';
import { titleTokens } from './titles';

/**
 * The two sides of people matching, CRM contacts/leads and LinkedIn members, prepared into one shape
 * (PersonKeys) once per record, so the pair loop compares ready-made values.
 */
export interface CrmPerson {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  mobilePhone?: string | null;
  title?: string | null;
  /** Account name of a contact, Company of a lead. */
  companyName?: string | null;
  accountWebsite?: string | null;
}

export interface LinkedInPosition {
  companyName?: string | null;
  /** Website or domain of the position's company, when LinkedIn knows it. */
  companyWebsite?: string | null;
  title?: string | null;
  current: boolean;
}

export interface LinkedInMember {
  id?: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  /** Only the domain of the member's e-mail, when the full address is not shared. */
  emailDomain?: string | null;
  phone?: string | null;
  positions?: readonly LinkedInPosition[];
}

/** A person prepared for comparison (either side). */
export interface PersonKeys {
  first: FirstNameKey;
  last: LastNameKey;
  emails: string[];
  phones: string[];
  current: CompanyKey[];
  past: CompanyKey[];
  currentTitles: string[][];
  pastTitles: string[][];
  /** Company domain of the person's own e-mail address (never free-mail), or null. */
  mailDomain: string | null;
  /** Name blocking keys shared by every record with the same names (set when prepared with a cache). */
  nameKeys?: NameBlockingKeys;
}

/**
 * Memo of prepared parts for one matching run: first names, last names, companies, titles and domains repeat
 * across thousands of records, so each distinct value is prepared once. Prepared parts are never mutated.
 */
export interface PrepareCache {
  firstNames: Map<string, FirstNameKey>;
  lastNames: Map<string, LastNameKey>;
  companies: Map<string, CompanyKey>;
  /** Per company name key, its variants with extra domains, by those domains. */
  companyDomains: Map<CompanyKey, Map<string, CompanyKey>>;
  titles: Map<string, string[]>;
  domains: Map<string, string | null>;
  /** Name blocking keys per last name and first name. */
  nameKeys: Map<LastNameKey, Map<FirstNameKey, NameBlockingKeys>>;
  /** One instance of each token: equal tokens of two records are then the same string, compared by identity. */
  strings: Map<string, string>;
}

export function createPrepareCache(): PrepareCache {
  return {
    firstNames: new Map(),
    lastNames: new Map(),
    companies: new Map(),
    companyDomains: new Map(),
    titles: new Map(),
    domains: new Map(),
    strings: new Map(),
    nameKeys: new Map(),
  };
}

function memo<V>(map: Map<string, V> | undefined, key: string, make: (k: string) => V): V {
  if (map === undefined) return make(key);
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}

function intern(cache: PrepareCache, value: string): string {
  const known = cache.strings.get(value);
  if (known !== undefined) return known;
  cache.strings.set(value, value);
  return value;
}

function internAll(cache: PrepareCache, values: readonly string[]): string[] {
  return values.map((v) => intern(cache, v));
}

function internedCompany(cache: PrepareCache | undefined, key: CompanyKey): CompanyKey {
  if (cache === undefined) return key;
  return companyKey(
    intern(cache, key.name),
    intern(cache, key.compact),
    internAll(cache, key.significant),
    internAll(cache, key.domains),
    key.acronym,
    key.initials,
  );
}

function cachedCompany(
  cache: PrepareCache | undefined,
  name: string | null | undefined,
  domains: (string | null)[],
): CompanyKey {
  const named = memo(cache?.companies, name ?? '', (n) => internedCompany(cache, prepareCompany(n)));
  let hasDomain = false;
  for (const d of domains) hasDomain = hasDomain || (d !== null && d !== '');
  if (!hasDomain) return named;
  // The same company with the same domains is one shared object: far fewer objects for the pair loop to touch.
  if (cache === undefined) return withDomains(named, domains);
  let variants = cache.companyDomains.get(named);
  if (variants === undefined) {
    variants = new Map();
    cache.companyDomains.set(named, variants);
  }
  const nonEmpty = domains.filter((d) => d !== null && d !== '');
  return memo(variants, nonEmpty.length === 1 ? (nonEmpty[0] as string) : nonEmpty.join(' '), () =>
    internedCompany(cache, withDomains(named, nonEmpty)),
  );
}

/** Company domain of an e-mail address or website, memoised by the part after "@" (or the whole website). */
function cachedDomain(cache: PrepareCache | undefined, emailOrWebsite: string | null | undefined): string | null {
  if (!emailOrWebsite) return null;
  const at = emailOrWebsite.lastIndexOf('@');
  const isEmail = at >= 0 && emailOrWebsite.indexOf('://') < 0;
  const key = isEmail
    ? `@${emailOrWebsite
        .slice(at + 1)
        .trim()
        .toLowerCase()}`
    : emailOrWebsite;
  return memo(cache?.domains, key, (k) => companyDomainOf(isEmail ? `x${k}` : k));
}

function cachedTitle(cache: PrepareCache | undefined, title: string | null | undefined): string[] {
  if (!title) return [];
  if (cache === undefined) return titleTokens(title);
  return memo(cache.titles, title, (raw) => internAll(cache, titleTokens(raw)));
}

function cachedNameKeys(
  cache: PrepareCache | undefined,
  first: FirstNameKey,
  last: LastNameKey,
): NameBlockingKeys | undefined {
  if (cache === undefined) return undefined;
  let byFirst = cache.nameKeys.get(last);
  if (byFirst === undefined) {
    byFirst = new Map();
    cache.nameKeys.set(last, byFirst);
  }
  let keys = byFirst.get(first);
  if (keys === undefined) {
    keys = nameBlockingKeys(first, last);
    byFirst.set(first, keys);
  }
  return keys;
}

function pushUnique(list: string[], value: string | null): void {
  if (value !== null && value !== '' && list.indexOf(value) < 0) list.push(value);
}

function hasContent(key: CompanyKey): boolean {
  return key.compact !== '' || key.domains.length > 0;
}

/** Prepare a CRM contact or lead once (pass a cache when preparing many). */
export function preparePerson(person: CrmPerson, cache?: PrepareCache): PersonKeys {
  const emails: string[] = [];
  pushUnique(emails, normaliseEmail(person.email));
  const phones: string[] = [];
  pushUnique(phones, phoneTail(person.phone));
  pushUnique(phones, phoneTail(person.mobilePhone));
  const mailDomain = cachedDomain(cache, person.email);
  const company = cachedCompany(cache, person.companyName, [mailDomain, cachedDomain(cache, person.accountWebsite)]);
  const title = cachedTitle(cache, person.title);
  const first = memo(cache?.firstNames, person.firstName ?? '', prepareFirstName);
  const last = memo(cache?.lastNames, person.lastName ?? '', prepareLastName);
  return {
    first,
    last,
    emails,
    phones,
    current: hasContent(company) ? [company] : [],
    past: [],
    currentTitles: title.length > 0 ? [title] : [],
    pastTitles: [],
    mailDomain,
    nameKeys: cachedNameKeys(cache, first, last),
  };
}

/**
 * Prepare a LinkedIn member once (pass a cache when preparing many). Their (non-free-mail) e-mail domain counts
 * as a current company domain.
 */
export function prepareMember(member: LinkedInMember, cache?: PrepareCache): PersonKeys {
  const emails: string[] = [];
  pushUnique(emails, normaliseEmail(member.email));
  const phones: string[] = [];
  pushUnique(phones, phoneTail(member.phone));
  const current: CompanyKey[] = [];
  const past: CompanyKey[] = [];
  const currentTitles: string[][] = [];
  const pastTitles: string[][] = [];
  const currentPositions: { name: string | null | undefined; domains: (string | null)[] }[] = [];
  for (const position of member.positions ?? []) {
    const domains = [cachedDomain(cache, position.companyWebsite)];
    const title = cachedTitle(cache, position.title);
    if (position.current) currentPositions.push({ name: position.companyName, domains });
    else {
      const company = cachedCompany(cache, position.companyName, domains);
      if (hasContent(company)) past.push(company);
    }
    if (title.length > 0) (position.current ? currentTitles : pastTitles).push(title);
  }
  const mailDomain =
    cachedDomain(cache, member.email) ?? cachedDomain(cache, member.emailDomain ? `x@${member.emailDomain}` : null);
  // With one current employer the mail domain is theirs; otherwise it stands alone as company evidence.
  if (mailDomain !== null && currentPositions.length === 1) currentPositions[0].domains.push(mailDomain);
  else if (mailDomain !== null) currentPositions.push({ name: '', domains: [mailDomain] });
  for (const position of currentPositions) {
    const company = cachedCompany(cache, position.name, position.domains);
    if (hasContent(company)) current.push(company);
  }
  const first = memo(cache?.firstNames, member.firstName ?? '', prepareFirstName);
  const last = memo(cache?.lastNames, member.lastName ?? '', prepareLastName);
  return {
    first,
    last,
    emails,
    phones,
    current,
    past,
    currentTitles,
    pastTitles,
    mailDomain,
    nameKeys: cachedNameKeys(cache, first, last),
  };
}
