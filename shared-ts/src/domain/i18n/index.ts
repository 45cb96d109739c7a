import { AREAS } from './catalogues/index';
import { LOCALES, type Locale } from './locales';
import { format } from './format';

export * from './locales';
export { pluralForms, selectPlurals } from './plural';
export { format } from './format';
export { defineArea, type AreaCatalogue } from './catalogue';

/** Full key `<area>.<key>` → text, per locale; built once from the area files. */
export type Catalogue = Record<string, string>;

function flatten(): Record<Locale, Catalogue> {
  const out = {} as Record<Locale, Catalogue>;
  for (const locale of LOCALES) {
    out[locale] = {};
    for (const { area, texts } of AREAS) {
      for (const [key, text] of Object.entries(texts[locale] as Record<string, string>)) {
        out[locale][`${area}.${key}`] = text;
      }
    }
  }
  return out;
}

// Pure: a bundle that never calls `t` (the PCF control reads RESX) drops every catalogue.
export const CATALOGUES: Record<Locale, Catalogue> = /*#__PURE__*/ flatten();

/** Salesforce custom label name for a catalogue key: `profile.updateAccount` → `NavSync_profile_updateAccount`. */
export function labelName(key: string): string {
  return `NavSync_${key.replace(/\./g, '_')}`;
}

/** Text for a key in a locale, falling back to English, then to the key itself (never an empty string). */
export function t(key: string, locale: Locale = 'en', params?: Record<string, string | number>): string {
  const text = CATALOGUES[locale][key] ?? CATALOGUES.en[key] ?? key;
  return format(text, params, locale);
}
