/**
 * Bulk API 2.0 ingest: one job per upload under the size limit (normally one), its CSV made while it is uploaded,
 * and the per-record results read back only when the job reports failures or unprocessed records.
 */
import { Readable } from 'node:stream';
import type { Connection } from 'jsforce';
import { CatalogueError } from '../../domain/errors';
import { csvRows, type CsvCell } from '../../net/csv';
import { countWritten } from '../../net/requestScope';
import type { WriteResult } from '../gateway';
import { merge } from './results';

type Rec = Record<string, unknown>;

/**
 * Raw CSV bytes per Bulk upload: the splitter's limit and the platform minimum's (`minimumWriteRequests`) both.
 * One upload may hold at most 150 MB once the platform has base64-encoded it, and Salesforce's guidance is to keep
 * the raw CSV to 100 MB ("Upload Job Data", Bulk API 2.0 developer guide; ../shared/reference/salesforce-api.md
 * §8.2). Base64 makes 4 bytes of 3, so 100 MiB raw is 133.3 MiB (139.8 MB) encoded: under 150 MB whichever
 * megabyte the limit means, with room to spare.
 */
export const BULK_MAX_BYTES = 100 * 1024 * 1024;

/** The raw CSV bytes one upload may hold: a configured smaller size (tests of the split), never more than the limit. */
export function bulkUploadLimit(configured?: number): number {
  return Math.min(configured ?? BULK_MAX_BYTES, BULK_MAX_BYTES);
}
/** What a Bulk CSV cell holds to clear a field. */
const NULL_TEXT = '#N/A';
/** Lines joined into one piece of a streamed Bulk upload. */
const BULK_PIECE_ROWS = 2000;

/** The records of one write, made when asked: a million-row Bulk job keeps no object per row but the caller's. */
export interface WriteRows {
  readonly length: number;
  ref(i: number): string;
  rec(i: number): Rec;
}

export function listRows(list: readonly { ref: string; rec: Rec }[]): WriteRows {
  return { length: list.length, ref: (i) => list[i].ref, rec: (i) => list[i].rec };
}

/** What a Bulk job needs of the gateway: its mapped, logged calls and the polling settings. */
export interface BulkContext {
  call<T>(what: string, fn: (c: Connection) => Promise<T>, objects?: readonly string[]): Promise<T>;
  log(line: string): void;
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  /** Attempts of one upload (each with a fresh body) and the first wait between them. */
  uploadAttempts?: number;
  uploadRetryMs?: number;
  /** sObject Collections writes (JSON), for rows Bulk CSV cannot carry. */
  collections(
    object: string,
    op: 'update' | 'upsert',
    rows: { ref: string; rec: Rec }[],
    extField?: string,
  ): Promise<WriteResult>;
  /** Raw CSV bytes per upload (default BULK_MAX_BYTES). */
  maxUploadBytes?: number;
}

/**
 * The CSV is made while it is uploaded, in pieces of BULK_PIECE_ROWS lines pulled by the request stream: no object
 * per line and no string of the whole file (nor jsforce's copy of it) is ever held, whatever the number of rows.
 */
export async function bulkWrite(
  ctx: BulkContext,
  object: string,
  op: 'update' | 'upsert',
  rows: WriteRows,
  extField?: string,
): Promise<WriteResult> {
  const columnSet = new Set<string>();
  for (let i = 0; i < rows.length; i++) for (const k of Object.keys(rows.rec(i))) columnSet.add(k);
  const columns = [...columnSet];
  const refColumn = op === 'upsert' ? (extField as string) : 'Id';
  const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
  const lf = { formulaGuard: false, lineEnd: '\n' } as const;
  const header = csvRows([columns], lf);
  const maxBytes = bulkUploadLimit(ctx.maxUploadBytes);
  // Bulk CSV has no way to write the text "#N/A" (it means "clear the field"): such rows go through sObject
  // Collections (JSON) after the jobs, so a value that is that text is kept as written.
  const literal = new Set<number>();
  const cellsOf = (i: number): CsvCell[] | null => {
    const rec = rows.rec(i);
    const cells = columns.map((c) => bulkCell(rec[c]));
    return columns.some((c) => rec[c] === NULL_TEXT) ? null : cells;
  };
  // The rows from `start` that fit in one upload; `upload.end` is where the next job starts. Made anew for each
  // attempt, so a retried job uploads the same rows again.
  const upload = { end: 0, bytes: 0 };
  function* csvFrom(start: number): Generator<string> {
    yield header;
    let bytes = Buffer.byteLength(header);
    let sent = false;
    let i = start;
    while (i < rows.length) {
      const end = Math.min(rows.length, i + BULK_PIECE_ROWS);
      const cells: CsvCell[][] = [];
      const at: number[] = [];
      for (let k = i; k < end; k++) {
        const c = cellsOf(k);
        if (c) {
          cells.push(c);
          at.push(k);
        } else literal.add(k);
      }
      const piece = csvRows(cells, lf);
      const size = Buffer.byteLength(piece);
      if (bytes + size <= maxBytes) {
        if (piece) yield piece;
        bytes += size;
        sent ||= cells.length > 0;
        i = end;
        continue;
      }
      // The piece crosses the upload's limit: its lines go one by one up to it (a first line always goes).
      let n = 0;
      for (; n < cells.length; n++) {
        const line = csvRows([cells[n]], lf);
        const lineSize = Buffer.byteLength(line);
        if (sent && bytes + lineSize > maxBytes) break;
        yield line;
        bytes += lineSize;
        sent = true;
      }
      i = n < at.length ? at[n] : end;
      break;
    }
    upload.end = i;
    upload.bytes = bytes;
  }
  // The write's CSV as one file would be (one header): what the platform minimum is measured by. Each job adds the
  // bytes of the attempt that went through, so a retried upload is not counted twice.
  const headerBytes = Buffer.byteLength(header);
  let written = headerBytes;
  try {
    for (let first = 0; first < rows.length; first = upload.end) {
      const start = first;
      upload.end = start;
      const uploaded = () => {
        written += upload.bytes - headerBytes;
        const out: string[] = [];
        for (let k = start; k < upload.end; k++) if (!literal.has(k)) out.push(rows.ref(k));
        return out;
      };
      merge(out, await bulkJob(ctx, object, op, () => csvFrom(start), uploaded, refColumn, extField), true);
      if (upload.end <= start) {
        throw new CatalogueError(
          'API_ERROR',
          `Salesforce bulk ${op} ${object}: the upload ended before its rows were sent`,
        );
      }
    }
  } finally {
    countWritten({ records: rows.length, bytes: written });
  }
  if (literal.size) {
    const list = [...literal].sort((x, y) => x - y).map((k) => ({ ref: rows.ref(k), rec: rows.rec(k) }));
    merge(out, await ctx.collections(object, op, list, extField), true);
  }
  return out;
}

async function bulkJob(
  ctx: BulkContext,
  object: string,
  op: 'update' | 'upsert',
  csv: () => Iterable<string>,
  /** Called once the upload has gone through: the refs of the rows it carried. */
  uploaded: () => string[],
  refColumn: string,
  extField?: string,
): Promise<WriteResult> {
  return ctx.call(
    `bulk ${op} ${object}`,
    async (c) => {
      c.bulk2.pollInterval = ctx.pollIntervalMs ?? 2000;
      c.bulk2.pollTimeout = ctx.pollTimeoutMs ?? 30 * 60_000;
      let job: IngestJob = c.bulk2.createJob({
        object,
        operation: op,
        lineEnding: 'LF',
        ...(extField ? { externalIdFieldName: extField } : {}),
      });
      await job.open();
      let refs: string[];
      try {
        job = await uploadFresh(ctx, c, job, csv);
        refs = uploaded();
        await job.close();
        await job.poll();
      } catch (err) {
        // A job that cannot be completed is aborted, never left Open or UploadComplete for a later run to wonder
        // about; the error names it (the run report shows it).
        const aborted = await abortQuietly(job);
        const e = err as { message?: string };
        throw Object.assign(err instanceof Error ? err : new Error(String(err)), {
          message: `${e.message ?? String(err)} (Bulk job ${job.id} ${aborted ? 'aborted' : 'could not be aborted'})`,
        });
      }
      const info = job.getInfo() as { numberRecordsProcessed?: number; numberRecordsFailed?: number };
      const failed = (info.numberRecordsFailed ?? 0) > 0 ? ((await job.getFailedResults()) as unknown as Rec[]) : [];
      const unprocessed =
        (info.numberRecordsProcessed ?? refs.length) < refs.length
          ? ((await job.getUnprocessedRecords()) as unknown as Rec[])
          : [];
      const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
      const bad = new Set<string>();
      for (const f of failed) {
        const ref = String(f[refColumn] ?? f.sf__Id ?? '');
        const [code, ...rest] = String(f.sf__Error ?? '').split(':');
        out.failed.push({
          ref,
          code: code || 'UNKNOWN',
          message: rest
            .join(':')
            .replace(/:[^:]*--\s*$/, '')
            .trim(),
        });
        bad.add(ref);
      }
      for (const u of unprocessed) {
        const ref = String(u[refColumn] ?? '');
        out.unprocessed.push(ref);
        bad.add(ref);
      }
      for (const ref of refs) if (!bad.has(ref)) out.succeeded.push(ref);
      ctx.log(
        `salesforce bulk ${op} ${object} ${job.id}: ${out.succeeded.length} ok, ${out.failed.length} failed, ${out.unprocessed.length} unprocessed`,
      );
      return out;
    },
    [object],
  );
}

type IngestJob = ReturnType<Connection['bulk2']['createJob']>;

/**
 * Uploads the job data; a failed attempt is repeated with a new stream of the same rows, through a new handle on
 * the same job (jsforce lets one handle upload once). Returns the handle that uploaded.
 */
async function uploadFresh(
  ctx: BulkContext,
  c: Connection,
  first: IngestJob,
  csv: () => Iterable<string>,
): Promise<IngestJob> {
  const attempts = ctx.uploadAttempts ?? 3;
  let job = first;
  for (let attempt = 1; ; attempt++) {
    try {
      await job.uploadData(Readable.from(csv()));
      return job;
    } catch (err) {
      if (attempt >= attempts) throw err;
      ctx.log(`salesforce bulk upload ${job.id} failed (attempt ${attempt}): sending the rows again`);
      await new Promise((resolve) => setTimeout(resolve, (ctx.uploadRetryMs ?? 500) * 2 ** (attempt - 1)));
      job = c.bulk2.job('ingest', { id: first.id });
    }
  }
}

/** PATCH state Aborted; false when the platform refused (e.g. the job had already finished). */
async function abortQuietly(job: IngestJob): Promise<boolean> {
  try {
    await job.abort();
    return true;
  } catch {
    return false;
  }
}

/** Bulk CSV cell: null clears the field (#N/A), undefined leaves it unchanged (empty). */
function bulkCell(v: unknown): CsvCell {
  if (v === undefined) return '';
  if (v === null) return NULL_TEXT;
  return typeof v === 'number' ? v : String(v);
}
