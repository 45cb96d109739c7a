/**
 * Phone numbers compared by digits with country-code tolerance: "+31 20 123 4567", "0031 20 1234567",
 * "+31 (0)20 123 45 67" and "020-1234567" are the same line. Rather than parse every numbering plan, NavSync
 * compares the last PHONE_TAIL_DIGITS digits, which are the subscriber part in every plan of the seed countries
 * and survive any prefix (+cc, 00cc, trunk 0, Italy's kept 0).
 */
export const PHONE_TAIL_DIGITS = 8;
/** Fewer digits than this is an extension or a typo, not a phone number. */
export const PHONE_MIN_DIGITS = 8;

const TRUNK_IN_PARENS = /\(\s*0\s*\)/g;
const EXTENSION = /\s*(?:ext\.?|extension|x|#|poste|durchwahl|tst\.?|toestel|int\.?|interno)\s*\d+\s*$/i;
const NON_DIGITS = /\D+/g;

/** Digits of a number with "(0)" and an extension removed, and the international prefix written as "+". */
export function normalisePhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = String(raw).replace(TRUNK_IN_PARENS, ' ').replace(EXTENSION, '').trim();
  let digits = s.replace(NON_DIGITS, '');
  if (digits.length < PHONE_MIN_DIGITS) return null;
  let international = s.startsWith('+');
  if (!international && digits.startsWith('00')) {
    digits = digits.slice(2);
    international = true;
  }
  return international ? `+${digits}` : digits;
}

/** The comparable tail of a number, or null when the number is too short or a placeholder (0000000000). */
export function phoneTail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  // The tail ignores prefixes, so only "(0)" and an extension need care; digits are read with a plain loop.
  const s =
    raw.indexOf('(') >= 0 || /[a-z#]/i.test(raw)
      ? String(raw).replace(TRUNK_IN_PARENS, ' ').replace(EXTENSION, '')
      : raw;
  let digits = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += s[i];
  }
  if (digits.length < PHONE_MIN_DIGITS) return null;
  const tail = digits.slice(-PHONE_TAIL_DIGITS);
  let allSame = true;
  for (let i = 1; i < tail.length; i++) allSame = allSame && tail[i] === tail[0];
  return allSame ? null : tail;
}

/** Same line, tolerating country codes and trunk prefixes. */
export function phonesMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  const ta = phoneTail(a);
  return ta !== null && ta === phoneTail(b);
}
