/**
 * A copy of a string that does not hold on to the text it was cut from. A value parsed from an export is a slice
 * of its whole download chunk (V8 keeps slices of 13 characters or more as views), so a value kept in a
 * long-lived cache would keep that chunk alive; the copy keeps only its own characters.
 */
export function detach(s: string): string {
  return ` ${s}`.slice(1);
}
