/**
 * The one CSV writer: csv-stringify (the sibling of the csv-parse that reads exports), RFC 4180 quoting, CRLF line
 * ends. For files a person opens in a spreadsheet (the auto-save files) a cell that a spreadsheet program could
 * run as a formula gets an apostrophe in front (OWASP's advice against CSV injection): one starting with = + - @,
 * also after leading white space (some programs trim it) and in the full-width forms ＝ ＋ － ＠ (some programs fold
 * them to ASCII), and one starting with a tab or a carriage return. Machine-to-machine files turn the guard off
 * to keep values byte-exact.
 */
import { stringify } from 'csv-stringify/sync';

export interface CsvOptions {
  formulaGuard?: boolean;
  /** CRLF (RFC 4180, what spreadsheet programs write) unless a platform's files use LF. */
  lineEnd?: '\r\n' | '\n';
}

export type CsvCell = string | number | null | undefined;

const FORMULA = /^(?:[\s\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;

/** The cell as the file holds it: the apostrophe before anything a spreadsheet could run. */
export function guardFormula(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Spaces around a value are kept: such a cell is quoted (a reader that trims unquoted cells keeps them). */
const QUOTED_TOO = /^\s|\s$/;

export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  opts: CsvOptions = {},
): string {
  const guard = opts.formulaGuard !== false;
  const cell = (v: CsvCell): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return guard ? guardFormula(s) : s;
  };
  return stringify([header.map(cell), ...rows.map((r) => r.map(cell))], {
    record_delimiter: opts.lineEnd ?? '\r\n',
    quoted_match: QUOTED_TOO,
  });
}
