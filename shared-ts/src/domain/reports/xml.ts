/** XML escaping for text and attribute values (names, labels and values all pass through here). */
export function xmlEscape(value: string | number): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `name="value"` pairs in the given order; undefined values are left out. */
export function xmlAttrs(attrs: [string, string | number | undefined][]): string {
  let out = '';
  for (const [name, value] of attrs) {
    if (value !== undefined) out += ` ${name}="${xmlEscape(value)}"`;
  }
  return out;
}
