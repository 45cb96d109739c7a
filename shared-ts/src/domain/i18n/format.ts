import { selectPlurals } from './plural';

// Kept apart from the catalogues (index.ts) so a bundle that formats custom-label texts (the Salesforce record
// page) does not carry every catalogue text with it.

/**
 * Fill `{name}` placeholders, after choosing each `{name, plural, …}` form by the language's plural rule
 * (`locale`: a catalogue locale or any BCP-47 tag; English when absent). Unknown placeholders stay visible so a
 * missing value is noticed, not hidden.
 */
export function format(text: string, params: Record<string, string | number> = {}, locale: string = 'en'): string {
  return selectPlurals(text, params, locale).replace(/\{(\w+)\}/g, (whole, name: string) => {
    return Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole;
  });
}
