/**
 * Stable GUIDs from names, so a component keeps its id across builds and environments (an import matches
 * components by id). Four FNV-1a passes with different seeds give 128 bits; no crypto API is needed, so the same
 * function runs in Node (packer) and in the browser (enable flow).
 */
export function stableGuid(name: string): string {
  const words: number[] = [];
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x7f4a7c15]) {
    let h = seed >>> 0;
    for (let i = 0; i < name.length; i++) {
      h ^= name.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    words.push(h >>> 0);
  }
  const hex = words.map((w) => w.toString(16).padStart(8, '0')).join('');
  // Mark as version 5 / RFC 4122 variant so tools that check the layout accept it.
  const v = `${hex.slice(0, 12)}5${hex.slice(13, 16)}${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}
