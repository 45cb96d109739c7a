import { DATAVERSE_LCID, LOCALES, type Locale } from '@navsync/shared-ts';

/** The NavSync locale of a Dataverse user language (LCID); English for languages NavSync does not ship. */
export function localeOfLcid(lcid: number | undefined): Locale {
  return LOCALES.find((l) => DATAVERSE_LCID[l] === lcid) ?? 'en';
}

/** The signed-in user's language, read from the client API when it is there. */
export function userLocale(): Locale {
  try {
    return localeOfLcid(Xrm.Utility.getGlobalContext().userSettings.languageId);
  } catch {
    return 'en';
  }
}
