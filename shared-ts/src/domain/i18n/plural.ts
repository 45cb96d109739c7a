/**
 * Plural forms inside one catalogue text, so a text stays one string (one custom label, one RESX entry) in every
 * language: `{days, plural, one {Synced # day ago} other {Synced # days ago}}`, the ICU MessageFormat subset.
 * The form is chosen by the language's CLDR rule (`Intl.PluralRules`: French says "0 jour", English "0 days");
 * `=N` picks an exact number first; `other` is the fallback every plural must have. `#` is the number.
 * Placeholders `{name}` inside a form are filled by the caller's format afterwards.
 */
const PLURAL = /\{(\w+),\s*plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

const rules: Record<string, Intl.PluralRules> = {};

function pluralCategory(locale: string, n: number): string {
  // Platform codes ("nl_NL") are BCP-47 tags with an underscore.
  if (!rules[locale]) rules[locale] = new Intl.PluralRules(locale.replace(/_/g, '-'));
  return rules[locale].select(n);
}

/** The `{name, plural, …}` forms of a text: argument name → the forms it offers (`one`, `other`, `=0` …). */
export function pluralForms(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const m of text.matchAll(PLURAL)) {
    out[m[1]] = [...m[2].matchAll(FORM)].map((f) => f[1]);
  }
  return out;
}

/** Replace each `{name, plural, …}` by the form the number `params[name]` needs in `locale`. */
export function selectPlurals(text: string, params: Record<string, string | number>, locale: string): string {
  return text.replace(PLURAL, (whole, name: string, body: string) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return whole;
    const n = Number(params[name]);
    const forms: Record<string, string> = {};
    for (const f of body.matchAll(FORM)) forms[f[1]] = f[2];
    const chosen = forms[`=${n}`] ?? forms[Number.isFinite(n) ? pluralCategory(locale, n) : 'other'] ?? forms.other;
    return chosen === undefined ? whole : chosen.replace(/#/g, String(params[name]));
  });
}
