import { localeOfLcid, type Locale } from '@navsync/shared-ts';

/**
 * The client API: a form script sees `Xrm` on its own window; a web resource page runs in an iframe, where `Xrm`
 * lives on the hosting page (a cross-origin parent throws on access, so it counts as absent).
 */
export function hostXrm(): typeof Xrm | undefined {
  const own = globalThis as unknown as { Xrm?: typeof Xrm; parent?: unknown };
  for (const scope of [own, own.parent]) {
    try {
      const xrm = (scope as { Xrm?: typeof Xrm } | undefined)?.Xrm;
      if (xrm?.Utility) return xrm;
    } catch {
      // cross-origin parent
    }
  }
  return undefined;
}

/** The signed-in user's language, read from the client API when it is there. */
export function userLocale(xrm: typeof Xrm | undefined = hostXrm()): Locale {
  try {
    return localeOfLcid(xrm?.Utility.getGlobalContext().userSettings.languageId);
  } catch {
    return 'en';
  }
}
