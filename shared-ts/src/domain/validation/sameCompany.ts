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

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function computeKey(name: string): string {
  let s = name;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      s = s.normalize('NFKD');
      break;
    }
  }
  // A character loop: ASCII (most names after decomposition) never touches a Unicode regex.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 97 && c <= 122)) out += s.charAt(i);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
    else if (c > 127 && !(c >= 0x300 && c <= 0x36f)) {
      const astral = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length;
      const ch = astral ? s.slice(i, i + 2) : s.charAt(i);
      if (astral) i++;
      if (LETTER_OR_DIGIT.test(ch)) out += ch.toLowerCase();
    }
  }
  return out;
}

// Account and company names repeat across millions of rows; a bounded memo keeps the decide fast and pure.
const KEY_CACHE = new Map<string, string>();
const KEY_CACHE_MAX = 8192;

/** Name key for the strict comparison: case, accents, punctuation and whitespace removed. */
export function strictCompanyKey(name: string | null): string {
  if (!name) return '';
  const hit = KEY_CACHE.get(name);
  if (hit !== undefined) return hit;
  const key = computeKey(name);
  if (KEY_CACHE.size >= KEY_CACHE_MAX) KEY_CACHE.clear();
  KEY_CACHE.set(name, key);
  return key;
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
