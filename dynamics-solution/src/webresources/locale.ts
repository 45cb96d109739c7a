import { localeOfLcid, type Locale } from '@navsync/shared-ts';

type Scope = { Xrm?: typeof Xrm; parent?: unknown; opener?: unknown };

function xrmOf(scope: Scope): typeof Xrm | undefined {
  try {
    const xrm = scope.Xrm;
    return xrm?.Utility ? xrm : undefined;
  } catch {
    return undefined; // a cross-origin window
  }
}

function parentOf(scope: Scope): Scope | undefined {
  try {
    const parent = scope.parent as Scope | undefined;
    return parent && parent !== scope ? parent : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The client API: a form script sees `Xrm` on its own window; a web resource page runs in an iframe, where `Xrm`
 * lives on a hosting page — the parent, or further up when the page sits in an iframe of a form, dashboard or
 * another web resource; a page opened in a new window finds it on its opener. A cross-origin window throws on
 * access, so it counts as absent.
 */
export function hostXrm(from: unknown = globalThis): typeof Xrm | undefined {
  const own = from as Scope;
  let scope: Scope | undefined = own;
  // Dynamics nests its pages a few frames deep at most; the bound keeps an odd host from looping.
  for (let depth = 0; scope && depth < 8; depth++) {
    const xrm = xrmOf(scope);
    if (xrm) return xrm;
    scope = parentOf(scope);
  }
  try {
    const opener = own.opener as Scope | null | undefined;
    return opener ? xrmOf(opener) : undefined;
  } catch {
    return undefined;
  }
}

/** A positive LCID, or null ("1043" from a URL counts). */
function lcidOf(value: unknown): number | null {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

/** The user's LCID from the client API: userSettings.languageId, or getUserLcid() where a host has only that. */
function lcidOfXrm(xrm: typeof Xrm | undefined): number | null {
  try {
    const context = xrm?.Utility.getGlobalContext() as
      (Partial<Xrm.GlobalContext> & { getUserLcid?: () => number }) | undefined;
    return lcidOf(context?.userSettings?.languageId) ?? lcidOf(context?.getUserLcid?.());
  } catch {
    return null;
  }
}

/**
 * The user's LCID from the web resource's URL: Dynamics appends `userlcid` to the page parameters; a caller that
 * opens the page with `data` may pass it there ("userlcid=1043", encoded once).
 */
function lcidOfQuery(search: string): number | null {
  const params = new URLSearchParams(search);
  const direct = lcidOf(params.get('userlcid'));
  if (direct !== null) return direct;
  const data = params.get('data');
  return data ? lcidOf(new URLSearchParams(data).get('userlcid')) : null;
}

function ownSearch(): string {
  const location = (globalThis as { location?: { search?: string } }).location;
  return typeof location?.search === 'string' ? location.search : '';
}

/**
 * The signed-in user's language: from the client API when it is there, else from the page's URL parameters;
 * English for a language NavSync has no texts in.
 */
export function userLocale(xrm: typeof Xrm | undefined = hostXrm(), search: string = ownSearch()): Locale {
  return localeOfLcid(lcidOfXrm(xrm) ?? lcidOfQuery(search));
}
