// Export lines for the benchmarks' generated LinkedIn files.

/** One CSV line of an export (RFC 4180 quoting where a cell needs it; no formula guard: this is LinkedIn's file). */
export function csvLine(cells: readonly (string | number)[]): string {
  return cells
    .map((c) => (typeof c === 'string' && /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : String(c)))
    .join(',');
}
