import { isSameCompany, prepareCompany, type CompanyKey } from '../matching/company';
import { companyDomainOf } from '../matching/domains';

/**
 * Does the company LinkedIn reports as the member's current one equal the contact's CRM account?
 * Used to tell "the rep already moved the contact to the new company" (clear the flag) from "still wrong" (flag).
 * Strongest evidence first: the LinkedIn company URN stored on the account decides when both sides have one;
 * otherwise the matching module's company comparison must say 'exact' (same name across legal forms, languages,
 * accents and "&"/"and"/"und"/"et"/"e", or a shared company website domain — free-mail domains never count).
 * Closer but not equal names ("Siemens" / "Siemens Nederland") stay different: a subsidiary is another account.
 */
export interface ValidationAccount {
  id: string;
  name: string | null;
  website: string | null;
  /** LinkedIn company URN stored on the account (urn:li:organization:N / urn:li:company:N / urn:li:salesCompany:N). */
  companyUrn: string | null;
}

export interface CurrentCompany {
  name: string | null;
  urn: string | null;
  /** Website or domain of the member's current company, if the export carries it. */
  domain: string | null;
}

export type SameCompanyFn = (account: ValidationAccount, current: CurrentCompany) => boolean;

/** The numeric id of a LinkedIn company URN, whatever its entity type; null if it is not one. */
export function linkedInCompanyId(urn: string | null): string | null {
  if (!urn) return null;
  const m = /^urn:li:(?:organization|company|salesCompany|fsd_company):(\d+)$/.exec(urn.trim());
  return m ? m[1] : null;
}

// Account and company names repeat across millions of export rows: prepare each (name, website) once.
// A bounded memo keeps the decision fast and still a pure function of its inputs.
const KEY_CACHE = new Map<string, CompanyKey>();
const KEY_CACHE_MAX = 32768;

/** The matching module's company key for a name and website/domain (memoised). */
export function validationCompanyKey(name: string | null, site: string | null): CompanyKey {
  const id = `${name || ''}\u0001${site || ''}`;
  const hit = KEY_CACHE.get(id);
  if (hit !== undefined) return hit;
  const key = prepareCompany(name, [companyDomainOf(site)]);
  if (KEY_CACHE.size >= KEY_CACHE_MAX) KEY_CACHE.clear();
  KEY_CACHE.set(id, key);
  return key;
}

/** Without URNs on both sides, two prepared company keys are the same company only when the comparison is exact. */
export function sameCompanyKeys(account: CompanyKey, current: CompanyKey): boolean {
  return isSameCompany(account, current);
}

export const sameCompanyAsAccount: SameCompanyFn = (account, current) => {
  const a = linkedInCompanyId(account.companyUrn);
  const b = linkedInCompanyId(current.urn);
  if (a !== null && b !== null) return a === b;
  return sameCompanyKeys(validationCompanyKey(account.name, account.website), validationCompanyKey(current.name, current.domain));
};
