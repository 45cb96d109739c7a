/**
 * Text folding shared by every matching rule: case, diacritics (NFD + combining-mark strip), the letters NFD
 * does not decompose (ß, æ, ø, œ, ł, đ, þ, ı), apostrophes (joined: "L'Oréal" → "loreal", "D'Amico" → "damico"),
 * punctuation (→ one space) and whitespace. "&" survives as its own token because company names need it.
 * Runs once per record when it is prepared, never inside the pair loop; a character loop with a per-character
 * cache, because regular expressions with Unicode classes cost several microseconds per call.
 */
const LETTER_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŀ: 'l',
};
const COMBINING_MARKS = /\p{M}+/gu;
const LETTERS_AND_DIGITS = /^[\p{L}\p{N}]+$/u;
const APOSTROPHES = "'’‘`´ʼ";
/** What a character folds to: letters/digits (possibly several, "ß" → "ss"), '' (dropped) or ' ' (separator). */
const FOLDED_CHARS = new Map<string, string>();

function foldChar(ch: string): string {
  const known = FOLDED_CHARS.get(ch);
  if (known !== undefined) return known;
  let folded: string;
  if (APOSTROPHES.indexOf(ch) >= 0) {
    folded = '';
  } else if (ch === '&') {
    folded = '&';
  } else {
    folded = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(COMBINING_MARKS, '');
    folded = folded
      .split('')
      .map((c) => LETTER_FOLDS[c] ?? c)
      .join('');
    if (folded !== '' && !LETTERS_AND_DIGITS.test(folded)) folded = ' ';
    // A lone combining mark (text already in NFD) folds to nothing; anything else unknown separates words.
    if (folded === '' && !/^\p{M}$/u.test(ch)) folded = ' ';
  }
  if (FOLDED_CHARS.size < 20000) FOLDED_CHARS.set(ch, folded);
  return folded;
}

/** Lower-case, accent-free, punctuation-free text with single spaces; idempotent. */
export function foldText(input: string | null | undefined): string {
  if (input === null || input === undefined) return '';
  const s = String(input);
  let out = '';
  let pendingSpace = false;
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    let folded: string;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) folded = ch;
    else if (code >= 65 && code <= 90) folded = String.fromCharCode(code + 32);
    else folded = foldChar(ch);
    if (folded === ' ') {
      pendingSpace = out !== '';
    } else if (folded === '&') {
      out += out === '' ? '&' : ' &';
      pendingSpace = true;
    } else if (folded !== '') {
      if (pendingSpace) out += ' ';
      pendingSpace = false;
      out += folded;
    }
  }
  return out;
}

/** The folded text split into tokens (empty array for empty text). */
export function foldTokens(input: string | null | undefined): string[] {
  const folded = foldText(input);
  return folded === '' ? [] : folded.split(' ');
}

/** Tokens of a set that also occur in another (small arrays: a loop beats building a Set). */
export function sharedTokenCount(a: readonly string[], b: readonly string[]): number {
  let shared = 0;
  for (let i = 0; i < a.length; i++) {
    if (b.indexOf(a[i]) >= 0 && a.indexOf(a[i]) === i) shared++;
  }
  return shared;
}

/** Jaccard similarity of two token sets given as duplicate-free arrays. */
export function tokenJaccard(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const shared = sharedTokenCount(a, b);
  return shared / (a.length + b.length - shared);
}

/** Duplicate-free copy keeping first occurrences. */
export function uniqueTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const tok of tokens) {
    if (tok !== '' && out.indexOf(tok) < 0) out.push(tok);
  }
  return out;
}
