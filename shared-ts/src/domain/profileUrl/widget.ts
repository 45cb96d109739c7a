/**
 * The official Sales Navigator embedded profile (Display Services iframe, linkedin-sync-services.md §1.6) and the
 * origins each CRM must trust for it: ONE definition used by the Salesforce CSP trusted site and the Dataverse
 * control alike.
 */

export const SALES_NAVIGATOR_WIDGET_BASE_URL = 'https://www.linkedin.com/sales/widget/profile-matching';

/**
 * Origins the CRM page must allow, per CSP directive: the iframe itself, and the LinkedIn media CDN that serves
 * the profile photos (`profilePhoto` of Profile Associations) shown outside the iframe.
 */
export const LINKEDIN_TRUSTED_ORIGINS = [
  { origin: 'https://www.linkedin.com', directives: ['frame-src'] },
  { origin: 'https://media.licdn.com', directives: ['img-src'] },
] as const;

export type CspDirective = (typeof LINKEDIN_TRUSTED_ORIGINS)[number]['directives'][number];

export function trustedOriginsFor(directive: CspDirective): string[] {
  return LINKEDIN_TRUSTED_ORIGINS.filter((o) => (o.directives as readonly string[]).indexOf(directive) >= 0).map(
    (o) => o.origin,
  );
}

/** Longest photo URL shown (LinkedIn's signed media URLs are a few hundred characters). */
const MAX_PHOTO_URL = 2048;
/** The characters of a URL (RFC 3986 unreserved, reserved and `%`): the stored value reaches an img src as it is. */
const URL_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/**
 * A photo URL NavSync may show: https on a trusted img-src origin, of URL characters only and of a sane length
 * (anything else in the CRM field is ignored).
 */
export function isTrustedPhotoUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > MAX_PHOTO_URL || !URL_CHARACTERS.test(url)) return false;
  for (const origin of trustedOriginsFor('img-src')) {
    if (url.startsWith(`${origin}/`)) return true;
  }
  return false;
}

/**
 * The `sandbox` of the Sales Navigator iframe in every CRM (the LWC template writes the same value, checked by a
 * test): scripts, its own origin's cookies (the linkedin.com session), pop-ups for "open in Sales Navigator", forms
 * for sign-in; no top navigation of the CRM page.
 */
export const WIDGET_IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups allow-forms';

export type WidgetCrmType = 'contact' | 'lead' | 'account' | 'opportunity';

export interface SalesNavigatorWidgetOptions {
  /** The partner application's client id; no key = no iframe mode. */
  apiKey: string | null | undefined;
  crmRecordId?: string | null;
  crmOrgId?: string | null;
  /** Value LinkedIn assigns per partner (undocumented), from configuration. */
  crmSourceType?: string | null;
  crmType: WidgetCrmType;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  companyName?: string | null;
  /** Sales Access Token; without it the iframe relies on the linkedin.com session and shows Sign in. */
  sat?: string | null;
  /** Documented defaults: `TopCard2,RelatedLeads`, version 2.1, not inline. */
  modules?: string;
  version?: string;
  isInlineMode?: boolean;
  /** Parameters LinkedIn documents elsewhere or adds later, passed through as configured. */
  extra?: Record<string, string>;
  baseUrl?: string;
}

export const WIDGET_DEFAULTS = { modules: 'TopCard2,RelatedLeads', version: '2.1', isInlineMode: false } as const;

/**
 * The iframe src, every value URL-encoded; null when no API key is configured (or the base URL is not trusted) (the UI then shows NavSync's own
 * profile card). Empty values are left out rather than sent blank.
 */
export function buildSalesNavigatorWidgetUrl(options: SalesNavigatorWidgetOptions): string | null {
  const apiKey = (options.apiKey || '').trim();
  if (apiKey === '') return null;
  const params: [string, string | null | undefined][] = [
    ['apiKey', apiKey],
    ['firstName', options.firstName],
    ['lastName', options.lastName],
    ['email', options.email],
    ['companyName', options.companyName],
    ['crmRecordId', options.crmRecordId],
    ['crmOrgId', options.crmOrgId],
    ['crmSourceType', options.crmSourceType],
    ['crmType', options.crmType],
    ['modules', options.modules || WIDGET_DEFAULTS.modules],
    ['version', options.version || WIDGET_DEFAULTS.version],
    ['isInlineMode', String(options.isInlineMode === undefined ? WIDGET_DEFAULTS.isInlineMode : options.isInlineMode)],
    ['sat', options.sat],
  ];
  const documented = params.map((p) => p[0]);
  for (const key of Object.keys(options.extra || {}).sort()) {
    // Documented parameters are set above; configuration may not override them silently.
    if (documented.indexOf(key) < 0) params.push([key, (options.extra as Record<string, string>)[key]]);
  }
  const query = params
    .filter((p): p is [string, string] => typeof p[1] === 'string' && p[1].trim() !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v.trim())}`)
    .join('&');
  const base = options.baseUrl || SALES_NAVIGATOR_WIDGET_BASE_URL;
  // A configured base URL must stay on a trusted frame origin, or the CRM's CSP would block the iframe anyway.
  if (!trustedOriginsFor('frame-src').some((o) => base.startsWith(`${o}/`))) return null;
  return `${base}?${query}`;
}
