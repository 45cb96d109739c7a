/** SOQL literals and id-list filters: every value that goes into a query passes through here. */
import { CatalogueError } from '../../domain/errors';

/** Ids per IN list, so a query URL stays short. */
export const IN_CHUNK = 200;

/** SOQL string literal: backslash escapes per the SOQL reference (quotes, backslash, control characters). */
export function soqlString(value: string): string {
  const map: Record<string, string> = {
    '\\': '\\\\',
    "'": "\\'",
    '"': '\\"',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
    '\b': '\\b',
    '\f': '\\f',
  };
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => map[c])}'`;
}

/** SOQL datetime literal (no quotes, no milliseconds). */
export function soqlDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new CatalogueError('API_ERROR', `not a datetime: ${iso}`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const ID_RE = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

export function idList(ids: readonly string[]): string {
  if (!ids.length) return '()';
  for (const id of ids)
    if (!ID_RE.test(id)) throw new CatalogueError('API_ERROR', `not a Salesforce id: ${id.slice(0, 40)}`);
  return `(${ids.map((i) => `'${i}'`).join(',')})`;
}

/** The id-list filters given; the first is split into chunks, the others are ANDed whole. */
export function idFilters(
  candidates: [string, readonly string[] | undefined][],
): { field: string; ids: readonly string[] }[] {
  return candidates
    .filter((c): c is [string, readonly string[]] => c[1] !== undefined)
    .map(([field, ids]) => ({ field, ids }));
}
