/** The five languages of the source help articles. Each platform maps them to its own codes. */
export const LOCALES = ['en', 'nl', 'fr', 'it', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** Salesforce Translation Workbench language codes (custom label translations). */
export const SALESFORCE_LANGUAGE: Record<Locale, string> = {
  en: 'en_US',
  nl: 'nl_NL',
  fr: 'fr',
  it: 'it',
  de: 'de',
};

/** Dataverse LCIDs (RESX files, localized labels). */
export const DATAVERSE_LCID: Record<Locale, number> = {
  en: 1033,
  nl: 1043,
  fr: 1036,
  it: 1040,
  de: 1031,
};

/** The locale of a Dataverse user language (LCID); English for languages NavSync does not ship. */
export function localeOfLcid(lcid: number | null | undefined): Locale {
  return LOCALES.find((l) => DATAVERSE_LCID[l] === lcid) ?? 'en';
}

/** Best supported locale for a BCP-47 tag or platform code ("de-CH", "nl_NL", "fr"); English otherwise. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const base = (tag ?? '').toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(base) ? (base as Locale) : 'en';
}
