/**
 * How parsed export items cross from the parsing worker to the main thread (see parseInWorker.ts). Objects sent by
 * postMessage are structured-cloned at ~3.6 µs a row, more than parsing them; columns are a memory copy: the kept
 * strings of a batch joined into one, their end offsets, and a byte or number per field. Rejected rows are rare and
 * go as they are. Rebuilding the rows costs the main thread ~0.2 µs a row.
 */
import type { CrmRecordType, ExportItem, RejectedRow, ValidationRow, ValidationStatus } from './source';

/** The optional and required strings of a row, in the order they are joined. */
const STRINGS = ['recordId', 'memberUrn', 'crmAccountId', 'currentCompanyName', 'currentCompanyUrn'] as const;
const N = STRINGS.length;
const TYPES: readonly CrmRecordType[] = ['contact', 'lead'];
const STATUSES: readonly ValidationStatus[] = ['NOT_AT_COMPANY', 'AT_COMPANY'];
const REJECTED = 255;

export interface EncodedBatch {
  source: string;
  text: string;
  /** End offset of each string (N per row; an empty one is an absent value: values arrive non-empty or absent). */
  ends: Int32Array;
  /** Per item: record type index, or REJECTED. */
  types: Uint8Array;
  statuses: Uint8Array;
  /** NaN: no date. */
  times: Float64Array;
  lines: Int32Array;
  rejected: RejectedRow[];
}

/** All items of one batch come from one source (one file or one download). */
export function encodeBatch(items: readonly ExportItem[]): EncodedBatch {
  const n = items.length;
  const parts: string[] = [];
  const ends = new Int32Array(n * N);
  const types = new Uint8Array(n);
  const statuses = new Uint8Array(n);
  const times = new Float64Array(n);
  const lines = new Int32Array(n);
  const rejected: RejectedRow[] = [];
  let source = '';
  let end = 0;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (!item.ok) {
      types[i] = REJECTED;
      rejected.push(item.rejected);
      for (let j = 0; j < N; j++) ends[i * N + j] = end;
      continue;
    }
    source = item.source;
    const row = item.row;
    for (let j = 0; j < N; j++) {
      const v = row[STRINGS[j]];
      if (v !== undefined) {
        parts.push(v);
        end += v.length;
      }
      ends[i * N + j] = end;
    }
    types[i] = TYPES.indexOf(row.recordType);
    statuses[i] = STATUSES.indexOf(row.status);
    times[i] = row.flaggedAt === undefined ? NaN : row.flaggedAt;
    lines[i] = item.line;
  }
  return { source, text: parts.join(''), ends, types, statuses, times, lines, rejected };
}

export function decodeBatch(b: EncodedBatch): ExportItem[] {
  const n = b.types.length;
  const out = new Array<ExportItem>(n);
  const { text, ends, source } = b;
  let rejected = 0;
  let start = 0;
  const value = (k: number): string | undefined => {
    const s = start;
    start = ends[k];
    return start > s ? text.slice(s, start) : undefined;
  };
  for (let i = 0; i < n; i++) {
    if (b.types[i] === REJECTED) {
      out[i] = { ok: false, rejected: b.rejected[rejected++] };
      start = ends[i * N + N - 1];
      continue;
    }
    const k = i * N;
    const t = b.times[i];
    // The same shape (and field order) as the parser's rows.
    const row: ValidationRow = {
      recordId: value(k) as string,
      recordType: TYPES[b.types[i]],
      status: STATUSES[b.statuses[i]],
      memberUrn: value(k + 1),
      crmAccountId: value(k + 2),
      currentCompanyName: value(k + 3),
      currentCompanyUrn: value(k + 4),
      flaggedAt: Number.isNaN(t) ? undefined : t,
    };
    out[i] = { ok: true, row, source, line: b.lines[i] };
  }
  return out;
}
