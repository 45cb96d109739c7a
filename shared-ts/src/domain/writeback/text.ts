/**
 * Text limits and trimming for written-back activities. Lengths are in UTF-16 code units (what both platforms
 * count, and never more than the characters a user sees), and a cut never splits a surrogate pair, so an
 * emoji or a CJK extension character is kept whole or dropped whole.
 */
export const SF_TEXT_LIMITS = {
  subject: 255,
  description: 32000,
  personName: 255,
  personUrn: 255,
  activityKey: 255,
  noteTitle: 255,
} as const;

/** Our custom activity tables' columns (dynamics-solution model) and the standard phonecall/annotation ones. */
export const DV_TEXT_LIMITS = {
  subject: 200,
  description: 2000,
  annotationSubject: 500,
  annotationText: 100000,
  personName: 200,
  personUrn: 100,
  activityKey: 200,
} as const;

const ELLIPSIS = '\u2026';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Cut `str` to at most `max` code units, ending with "…" when cut, never inside a surrogate pair. */
export function trimToLength(str: string, max: number): string {
  if (str.length <= max) return str;
  if (max <= 0) return '';
  let end = max - 1; // room for the ellipsis
  if (end > 0 && isHighSurrogate(str.charCodeAt(end - 1))) end--;
  return str.slice(0, end).replace(/\s+$/, '') + ELLIPSIS;
}

// A loop, not a regex: the LWC lint config forbids control characters in regular expressions.
function replaceControls(str: string, keepNewlines: boolean, replacement: string): string {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    const control = c < 32 || c === 127;
    if (!control || (keepNewlines && (c === 10 || c === 9))) out += str.charAt(i);
    else out += replacement;
  }
  return out;
}

/** One line: control characters and runs of whitespace (incl. newlines) become single spaces. */
export function singleLine(str: string): string {
  return replaceControls(str, false, ' ').replace(/\s+/g, ' ').trim();
}

/** Multi-line body: CRLF/CR → LF, other control characters removed, trailing whitespace trimmed. */
export function cleanBody(str: string): string {
  return replaceControls(str.replace(/\r\n?/g, '\n'), true, '').replace(/\s+$/, '');
}
