/**
 * Text from data (names, file cells, CRM messages) printed to a terminal: control characters (C0 but line feed,
 * DEL, C1) and the bidirectional and invisible format characters are shown escaped, so a cell cannot move the
 * cursor, clear the screen, recolour the output or reorder what a line appears to say.
 */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

const escapeChar = (c: string) => {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, '0')}` : `\\u${n.toString(16).padStart(4, '0')}`;
};

/** One piece of data as a terminal shows it (line feeds escaped too: a value is never more than one line). */
export function terminalValue(s: string): string {
  return s.replace(UNSAFE_ALL, escapeChar);
}

/** Lines for a terminal: every unsafe character escaped, line feeds kept. */
export function terminalText(s: string): string {
  return s.replace(UNSAFE, escapeChar);
}

/** JSON for a terminal: the characters JSON.stringify leaves raw (DEL, C1, format characters) as \u escapes. */
export function terminalJson(json: string): string {
  return json.replace(UNSAFE_ALL, (c) => (c === '\n' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}
