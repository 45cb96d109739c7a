import type { Locale } from './locales';

/**
 * One area of UI text (e.g. "profile", "admin"): the same keys in every locale.
 * Keys are camelCase; the full key is `<area>.<key>` and the Salesforce label name `NavSync_<area>_<key>`.
 * Placeholders are written `{name}`.
 */
export type AreaCatalogue<K extends string> = Record<Locale, Record<K, string>>;

/** Declare an area: the English keys define the key set, the type system makes the other four match it. */
export function defineArea<K extends string>(
  area: string,
  texts: AreaCatalogue<K>,
): { area: string; texts: AreaCatalogue<K> } {
  return { area, texts };
}
