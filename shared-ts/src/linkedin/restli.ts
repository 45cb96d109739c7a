/**
 * Rest.li 2.0 encoding (X-Restli-Protocol-Version: 2.0.0): URNs in query parameters and complex keys in paths
 * and `ids=List(...)`. Reserved characters of the Rest.li grammar — ( ) , : ' — are percent-encoded inside
 * values, which encodeURIComponent leaves partly alone.
 */
export function restliEncode(value: string): string {
  return encodeURIComponent(value).replace(/[()'!*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `urn:li:crmInstance:(DYNAMICS,362a…)` — the CRM instance URN of the Data Validation API. */
export function crmInstanceUrn(crmKey: string, value: string): string {
  return `urn:li:crmInstance:(${crmKey},${value})`;
}

/** Query-string form of a URN: fully percent-encoded, parentheses included (as in the documented sample). */
export function encodeUrnParam(urn: string): string {
  return restliEncode(urn);
}

export interface AssociationKey {
  instanceId: string;
  partner: string;
  recordId: string;
}

/** `(instanceId:…,partner:…,recordId:…)` with fields in alphabetical order and values encoded. */
export function encodeComplexKey(key: AssociationKey): string {
  const fields = (Object.keys(key) as (keyof AssociationKey)[]).sort();
  return `(${fields.map((f) => `${f}:${restliEncode(key[f])}`).join(',')})`;
}

/** `List((…),(…))` for BATCH_GET. */
export function encodeKeyList(keys: readonly AssociationKey[]): string {
  return `List(${keys.map(encodeComplexKey).join(',')})`;
}

/** Parses one complex key as the server writes it in `results`/`errors`/`statuses` (values decoded). */
export function decodeComplexKey(text: string): Record<string, string> | null {
  const m = /^\((.*)\)$/.exec(text.trim());
  if (!m) return null;
  const out: Record<string, string> = {};
  for (const part of m[1].split(',')) {
    const i = part.indexOf(':');
    if (i <= 0) return null;
    try {
      out[part.slice(0, i)] = decodeURIComponent(part.slice(i + 1));
    } catch {
      return null;
    }
  }
  return out;
}

/** Splits `List((a),(b))` into its key texts (the double's parser; keys hold no raw parentheses). */
export function decodeKeyList(text: string): string[] | null {
  const m = /^List\((.*)\)$/.exec(text.trim());
  if (!m) return null;
  if (m[1] === '') return [];
  const keys = m[1].match(/\([^()]*\)/g) ?? [];
  return keys.join(',') === m[1] ? keys : null;
}
