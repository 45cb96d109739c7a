/**
 * A pasted Sales Navigator or LinkedIn profile URL, for matching a CRM person by hand. Accepts what people copy
 * from a browser (country subdomains, mobile host, missing scheme, query strings, fragments, trailing slashes,
 * percent-encoding) and refuses anything that is not a LinkedIn member profile, each refusal with its own i18n key.
 * Written without the URL class: the domain layer has no DOM or Node types.
 */

export type ProfileIdentifierType = 'vanityName' | 'salesNavigatorId';

export interface ParsedProfileUrl {
  /** What the URL identifies the member by. */
  identifierType: ProfileIdentifierType;
  /** Public vanity name (lower case, decoded) or the Sales Navigator member id (e.g. `ACwAAA…`). */
  identifier: string;
  /** Canonical https://www.linkedin.com URL without query, fragment or trailing slash. */
  normalizedUrl: string;
  /** For Sales Navigator URLs: the path kind as pasted. */
  salesPath?: 'lead' | 'people' | 'profile';
}

export type ProfileUrlResult = { ok: true; value: ParsedProfileUrl } | { ok: false; errorKey: string };

/** Each refusal's i18n key (area `profile`). */
export const PROFILE_URL_ERRORS = {
  empty: 'profile.urlEmpty',
  tooLong: 'profile.urlTooLong',
  scheme: 'profile.urlScheme',
  notLinkedIn: 'profile.urlNotLinkedIn',
  shortLink: 'profile.urlShortLink',
  company: 'profile.urlCompany',
  notProfile: 'profile.urlNotProfile',
  badIdentifier: 'profile.urlBadIdentifier',
  malformed: 'profile.urlMalformed',
} as const;

const MAX_URL_LENGTH = 2048;
const LINKEDIN_ORIGIN = 'https://www.linkedin.com';

/** linkedin.com, www., m., mobile. and two-letter country/language subdomains (nl.linkedin.com). */
function isLinkedInHost(host: string): boolean {
  return /^(?:(?:www|m|mobile|[a-z]{2})\.)?linkedin\.com$/.test(host);
}

function refuse(reason: keyof typeof PROFILE_URL_ERRORS): ProfileUrlResult {
  return { ok: false, errorKey: PROFILE_URL_ERRORS[reason] };
}

function hasControlOrSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0xfeff) return true;
  }
  return false;
}

/** Percent-decode one path segment; null when the encoding is broken. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch (e) {
    // A binding (not `catch {`): PMD's JavaScript parser, which Code Analyzer runs on the LWC module, rejects the
    // bare form and would skip the whole file.
    if (e instanceof URIError) return null;
    throw e;
  }
}

// Vanity names: letters (any script), digits, hyphens; 3–100 characters. Underscores occur in old ones.
const VANITY = /^[\p{L}\p{N}_-]{3,100}$/u;
// Sales Navigator member ids are URL-safe base64 (ACwAAA…).
const SALES_ID = /^[A-Za-z0-9_-]{8,200}$/;
const SALES_EXTRA = /^[A-Za-z0-9_-]*$/;

export function parseProfileUrl(input: unknown): ProfileUrlResult {
  if (typeof input !== 'string') return refuse('empty');
  // Browsers drop tabs and line breaks inside a pasted URL; so do we. Other control characters are refused.
  const raw = input.replace(/[\t\n\r]/g, '').trim();
  if (raw === '') return refuse('empty');
  if (raw.length > MAX_URL_LENGTH) return refuse('tooLong');
  if (hasControlOrSpace(raw)) return refuse('malformed');

  let rest = raw;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(rest);
  if (rest.startsWith('//')) rest = rest.slice(2);
  else if (scheme && /^[0-9]/.test(rest.slice(scheme[0].length))) {
    // "linkedin.com:443/in/x": a host with a port, not a scheme.
  } else if (scheme) {
    const name = scheme[1].toLowerCase();
    if (name !== 'http' && name !== 'https') return refuse('scheme');
    rest = rest.slice(scheme[0].length);
    if (!rest.startsWith('//')) return refuse('malformed');
    rest = rest.slice(2);
  }

  const end = rest.search(/[/?#\\]/);
  const authority = (end < 0 ? rest : rest.slice(0, end)).toLowerCase();
  let pathAndMore = end < 0 ? '' : rest.slice(end);
  // A backslash is a path separator to browsers ("linkedin.com\\in\\x"); treat it as one.
  pathAndMore = pathAndMore.replace(/\\/g, '/');
  if (authority.indexOf('@') >= 0) return refuse('notLinkedIn');
  const portMatch = /^(.*?)(?::(\d*))?$/.exec(authority);
  const host = (portMatch ? portMatch[1] : authority).replace(/\.$/, '');
  const port = portMatch && portMatch[2] !== undefined ? portMatch[2] : '';
  if (host === 'lnkd.in') return refuse('shortLink');
  if (!isLinkedInHost(host)) return refuse('notLinkedIn');
  if (port !== '' && port !== '80' && port !== '443') return refuse('notLinkedIn');

  const cut = pathAndMore.search(/[?#]/);
  const path = cut < 0 ? pathAndMore : pathAndMore.slice(0, cut);
  const rawSegments = path.split('/').filter((s) => s !== '');
  const segments: string[] = [];
  for (const s of rawSegments) {
    const decoded = decodeSegment(s);
    if (decoded === null) return refuse('malformed');
    segments.push(decoded);
  }
  // The mobile web app prefixes profile paths with /mwlite.
  if (segments[0] === 'mwlite') segments.shift();
  const first = (segments[0] || '').toLowerCase();

  if (first === 'in') {
    const vanity = (segments[1] || '').toLowerCase();
    if (!VANITY.test(vanity)) return refuse('badIdentifier');
    return {
      ok: true,
      value: {
        identifierType: 'vanityName',
        identifier: vanity,
        normalizedUrl: `${LINKEDIN_ORIGIN}/in/${encodeURIComponent(vanity)}`,
      },
    };
  }

  if (first === 'sales') {
    const kind = (segments[1] || '').toLowerCase();
    if (kind === 'company' || kind === 'account') return refuse('company');
    if (kind !== 'lead' && kind !== 'people' && kind !== 'profile') return refuse('notProfile');
    // "<memberId>,<authType>,<authToken>": the first part is the member; the others open the profile.
    const parts = (segments[2] || '').split(',');
    const id = parts[0];
    if (!SALES_ID.test(id)) return refuse('badIdentifier');
    if (!parts.slice(1).every((p) => SALES_EXTRA.test(p))) return refuse('badIdentifier');
    const tail = parts.length > 1 ? `,${parts.slice(1).join(',')}` : '';
    return {
      ok: true,
      value: {
        identifierType: 'salesNavigatorId',
        identifier: id,
        normalizedUrl: `${LINKEDIN_ORIGIN}/sales/${kind}/${id}${tail}`,
        salesPath: kind,
      },
    };
  }

  if (first === 'company' || first === 'school' || first === 'showcase') return refuse('company');
  return refuse('notProfile');
}

/** Two profile URLs point at the same member (same identifier of the same type). */
export function sameProfile(a: string, b: string): boolean {
  const x = parseProfileUrl(a);
  const y = parseProfileUrl(b);
  return x.ok && y.ok && x.value.identifierType === y.value.identifierType && x.value.identifier === y.value.identifier;
}

/**
 * The one rule for a profile URL that NavSync stores or renders (LWC, PCF, web resources, engine): an explicit
 * `https:` URL of a LinkedIn member profile, returned in its canonical form; anything else (another scheme or
 * site, a company page, a malformed value) is null and is shown as "no profile link". Rendering the canonical
 * form means no character of the stored value ever reaches an `href` as it stands.
 */
export function renderableProfileUrl(stored: unknown): string | null {
  if (typeof stored !== 'string' || !/^\s*https:\/\//i.test(stored)) return null;
  const parsed = parseProfileUrl(stored);
  return parsed.ok ? parsed.value.normalizedUrl : null;
}
