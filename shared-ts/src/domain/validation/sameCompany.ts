/**
 * Does the company LinkedIn reports as the member's current one equal the contact's CRM account?
 * Used to tell "the rep already moved the contact to the new company" (clear the flag) from "still wrong" (flag).
 * Strongest evidence first: the LinkedIn company URN stored on the account, then the website domain, then the
 * name. The name comparison here is deliberately strict (case, accents, punctuation and spacing only); the
 * engine may pass the matching module's richer company comparison through `ValidationOptions.sameCompany`.
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

/** Host of a website or bare domain without scheme, port, path or a leading "www."; null when empty. */
export function websiteHost(site: string | null): string | null {
  if (!site) return null;
  let s = site.trim().toLowerCase();
  const scheme = s.indexOf('://');
  if (scheme >= 0) s = s.slice(scheme + 3);
  const end = s.search(/[/?#:]/);
  if (end >= 0) s = s.slice(0, end);
  if (s.startsWith('www.')) s = s.slice(4);
  return s.length > 0 && s.indexOf('.') > 0 ? s : null;
}

/** Name key for the strict comparison: case, accents, punctuation and whitespace removed. */
export function strictCompanyKey(name: string | null): string {
  if (!name) return '';
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

export const sameCompanyStrict: SameCompanyFn = (account, current) => {
  const a = linkedInCompanyId(account.companyUrn);
  const b = linkedInCompanyId(current.urn);
  if (a !== null && b !== null) return a === b;
  const ha = websiteHost(account.website);
  const hb = websiteHost(current.domain);
  if (ha !== null && hb !== null && ha === hb) return true;
  const na = strictCompanyKey(account.name);
  return na.length > 0 && na === strictCompanyKey(current.name);
};
