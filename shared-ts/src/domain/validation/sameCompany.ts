import {
  companyVerdict,
  linkedInCompanyId,
  prepareCompany,
  urnSameness,
  type CompanyKey,
  type CompanySameness,
} from '../matching/company';
import { companyDomainOf } from '../matching/domains';

/**
 * Does the company LinkedIn reports as the member's current one equal the contact's CRM account?
 * Used to tell "the rep already moved the contact to the new company" (clear the flag) from "still wrong" (flag).
 * Identity first (the matching module's companyVerdict): the LinkedIn company URN stored on the account decides
 * when both sides have one; then the company domains (free-mail never counts); names decide only without either.
 * Names that only share words ("Siemens" / "Siemens Healthineers") are neither the same nor confidently
 * different: validation leaves such a contact's flag alone and reports it as uncertain.
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

export { linkedInCompanyId };

// Account and company names repeat across millions of export rows: prepare each (name, website) once.
// A bounded memo keeps the decision fast and still a pure function of its inputs.
const KEY_CACHE = new Map<string, CompanyKey>();
// Most rows name a company without a website: those are looked up by the name alone (no key string to build).
const NAME_CACHE = new Map<string, CompanyKey>();
const KEY_CACHE_MAX = 32768;

/** The matching module's company key for a name and website/domain (memoised). */
export function validationCompanyKey(name: string | null, site: string | null): CompanyKey {
  const cache = site ? KEY_CACHE : NAME_CACHE;
  const id = site ? `${name || ''}\u0001${site}` : name || '';
  const hit = cache.get(id);
  if (hit !== undefined) return hit;
  const key = prepareCompany(name, [companyDomainOf(site)]);
  if (cache.size >= KEY_CACHE_MAX) cache.clear();
  cache.set(id, key);
  return key;
}

/** Without URNs, two prepared company keys are the same company when domains or (identity unknown) names say so. */
export function sameCompanyKeys(account: CompanyKey, current: CompanyKey): boolean {
  return companyVerdict(account, current).sameness === 'same';
}

/** Same, different, or uncertain (names that only share words, equal names on unrelated domains): URNs first. */
export function companySamenessOf(account: ValidationAccount, current: CurrentCompany): CompanySameness {
  // Validation needs the verdict alone: with both URNs known no name is prepared or compared.
  const byUrn = urnSameness(account.companyUrn, current.urn);
  if (byUrn !== null) return byUrn;
  return companyVerdict(
    validationCompanyKey(account.name, account.website),
    validationCompanyKey(current.name, current.domain),
    account.companyUrn,
    current.urn,
  ).sameness;
}

export const sameCompanyAsAccount: SameCompanyFn = (account, current) => companySamenessOf(account, current) === 'same';
