/**
 * The one CSV writer: csv-stringify (the sibling of the csv-parse that reads exports), RFC 4180 quoting. It lives in
 * net/ because both the engine's files and the CRM gateways' uploads (Salesforce Bulk API 2.0) are written with it.
 *
 * A file a person opens in a spreadsheet (the auto-save files; the default) guards formulas: a cell that a
 * spreadsheet program could run as a formula gets an apostrophe in front (OWASP's advice against CSV injection): one
 * starting with = + - @, also after leading white space (some programs trim it) and in the full-width forms ＝ ＋ － ＠
 * (some programs fold them to ASCII), and one starting with a tab or a carriage return; a value with spaces at its
 * ends is quoted, so a reader that trims unquoted cells keeps them. A machine-to-machine file turns the guard off
 * and keeps values byte-exact with the least quoting.
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

const EDGE_SPACE = /^\s|\s$/;

/** The records, each ended by the line end (no header: a streamed upload writes its header once). */
export function csvRows(rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): string {
  const lineEnd = opts.lineEnd ?? '\r\n';
  if (opts.formulaGuard === false) return stringify(rows as CsvCell[][], { record_delimiter: lineEnd });
  const cell = (v: CsvCell): string => guardFormula(v === null || v === undefined ? '' : String(v));
  return stringify(
    rows.map((r) => r.map(cell)),
    { record_delimiter: lineEnd, quoted_match: EDGE_SPACE },
  );
}

export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  opts: CsvOptions = {},
): string {
  return csvRows([header, ...rows], opts);
}
