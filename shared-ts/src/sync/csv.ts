/**
 * CSV for the auto-save files (Sales Navigator account and lead list upload) and other exports. Cells are
 * quoted when needed (RFC 4180). For files a person opens in a spreadsheet, a cell that would run as a formula
 * (=, +, -, @, tab, CR) is prefixed with an apostrophe (OWASP's advice against CSV injection), so
 * `=HYPERLINK(...)` stays text; machine-to-machine files can turn that guard off to keep values byte-exact.
 */
export interface CsvOptions {
  formulaGuard?: boolean;
}

export function csvCell(value: string | number | null | undefined, opts: CsvOptions = {}): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (opts.formulaGuard !== false && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: readonly (string | number | null | undefined)[], opts: CsvOptions = {}): string {
  return cells.map((c) => csvCell(c, opts)).join(',');
}

export function csvDocument(
  header: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
  opts: CsvOptions = {},
): string {
  return [csvLine(header, opts), ...rows.map((r) => csvLine(r, opts))].join('\r\n') + '\r\n';
}
