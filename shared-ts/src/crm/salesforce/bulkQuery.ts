/**
 * Bulk API 2.0 query: a large read as one job instead of a chain of query pages (2,000 records each, one after the
 * other) or of thousands of `IN (…)` queries. Create the job, poll its state, then read the results in sets of at
 * most `maxRecords` rows, each set naming the next through its `Sforce-Locator` header (`null` after the last).
 * A job that cannot finish (failed, aborted, timed out) is reported; one this run gives up on is aborted.
 */
import type { Connection } from 'jsforce';
import HttpApi from 'jsforce/lib/http-api';
import { CatalogueError } from '../../domain/errors';

type Rec = Record<string, unknown>;

/** Rows per results set: small enough that one answer stays a few MB, large enough that sets are few. */
export const BULK_QUERY_MAX_RECORDS = 50_000;
/** Rows of the first results set: few, so the caller can start on them soon (the next sets are read meanwhile). */
export const BULK_QUERY_FIRST_RECORDS = 10_000;

/** What a query job needs of the client: its mapped, logged calls, the API version and the polling settings. */
export interface BulkQueryContext {
  call<T>(what: string, fn: (c: Connection) => Promise<T>, objects?: readonly string[]): Promise<T>;
  log(line: string): void;
  version: string;
  pollIntervalMs?: number;
  pollTimeoutMs?: number;
  maxRecords?: number;
  /** Attempts to create the job, and the first wait between them. */
  createAttempts?: number;
  retryMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** How a column's text is read back: Bulk query CSV gives every value as text, null as an empty cell. */
export type ColumnTypes = Record<string, 'boolean' | 'number'>;

interface QueryJobInfo {
  id: string;
  state: string;
  errorMessage?: string;
  numberRecordsProcessed?: number;
}

/**
 * Runs `soql` as a Bulk API 2.0 query job and yields its rows set by set, as records shaped like a REST query's
 * (`Account.Name` nested as `{ Account: { Name } }`; `types` names the boolean and number columns).
 */
export async function* bulkQuery<T>(
  ctx: BulkQueryContext,
  soql: string,
  map: (r: Rec) => T,
  objects: readonly string[],
  types: ColumnTypes = {},
): AsyncGenerator<T[]> {
  const base = `/services/data/v${ctx.version}/jobs/query`;
  const job = await createJob(ctx, base, soql, objects);
  let complete = false;
  let finished = false;
  try {
    await untilComplete(ctx, `${base}/${job.id}`, objects);
    complete = true;
    const max = ctx.maxRecords ?? BULK_QUERY_MAX_RECORDS;
    for (let locator: string | null = ''; locator !== null;) {
      const size = locator === '' ? Math.min(max, BULK_QUERY_FIRST_RECORDS) : max;
      const url: string = `${base}/${job.id}/results?maxRecords=${size}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
      const set = await ctx.call('bulk query results', (c) => resultsSet(c, url), objects);
      locator = set.locator;
      if (set.rows.length) yield set.rows.map((r) => map(shape(r, types)));
    }
    finished = true;
  } finally {
    // Given up half-way (an error, or the reader stopped): a running job is aborted so it stops using the org's
    // limits; a complete one cannot be, and its results are deleted instead of kept for seven days.
    if (!finished) await dropQuietly(ctx, `${base}/${job.id}`, complete);
  }
}

/** HTTP statuses after which creating a query job is tried again (throttling, a server that is busy or down). */
const RETRIED = new Set([429, 500, 502, 503, 504]);

/**
 * POST /jobs/query. The client repeats no POST (its body is spent), but creating a query job changes no record:
 * after a throttling or server answer it is sent again, with a growing wait.
 */
async function createJob(
  ctx: BulkQueryContext,
  base: string,
  soql: string,
  objects: readonly string[],
): Promise<QueryJobInfo> {
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const body = JSON.stringify({
    operation: 'query',
    query: soql,
    contentType: 'CSV',
    columnDelimiter: 'COMMA',
    lineEnding: 'LF',
  });
  for (let attempt = 1; ; attempt++) {
    let status = 0;
    try {
      return await ctx.call(
        'bulk query',
        (c) => {
          const api = new HttpApi(c, {});
          api.on('response', (res: { statusCode: number }) => (status = res.statusCode));
          const url = new URL(base, c.instanceUrl).toString();
          return api.request({
            method: 'POST',
            url,
            body,
            headers: { 'Content-Type': 'application/json' },
          }) as Promise<QueryJobInfo>;
        },
        objects,
      );
    } catch (err) {
      if (attempt >= (ctx.createAttempts ?? 3) || !RETRIED.has(status)) throw err;
      ctx.log(`salesforce bulk query create answered ${status} (attempt ${attempt}): sent again`);
      await sleep((ctx.retryMs ?? 500) * 2 ** (attempt - 1));
    }
  }
}

async function untilComplete(ctx: BulkQueryContext, url: string, objects: readonly string[]): Promise<void> {
  const sleep = ctx.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + (ctx.pollTimeoutMs ?? 30 * 60_000);
  for (;;) {
    const info = await ctx.call('bulk query poll', (c) => c.request<QueryJobInfo>(url), objects);
    if (info.state === 'JobComplete') return;
    if (info.state === 'Failed' || info.state === 'Aborted')
      throw new CatalogueError(
        'API_ERROR',
        `Salesforce bulk query ${info.id} ${info.state}${info.errorMessage ? `: ${info.errorMessage}` : ''}`,
      );
    if (Date.now() >= deadline)
      throw new CatalogueError('API_ERROR', `Salesforce bulk query ${info.id} did not complete in time`);
    await sleep(ctx.pollIntervalMs ?? 2000);
  }
}

/** One results set: its rows (jsforce parses the CSV), and the next set's locator (null after the last). */
async function resultsSet(
  c: Connection,
  url: string,
): Promise<{ rows: Record<string, string>[]; locator: string | null }> {
  const api = new HttpApi(c, {});
  let locator: string | null = null;
  api.on('response', (res: { headers: Record<string, string | undefined> }) => {
    const next = res.headers['sforce-locator'];
    locator = next && next !== 'null' ? next : null;
  });
  const absolute = new URL(url, c.instanceUrl).toString();
  const body = (await api.request({ method: 'GET', url: absolute, headers: { Accept: 'text/csv' } })) as unknown;
  return { rows: Array.isArray(body) ? (body as Record<string, string>[]) : [], locator };
}

/** A CSV row as a REST record: empty cells are null, typed columns read back, `Parent.Field` nested. */
function shape(row: Record<string, string>, types: ColumnTypes): Rec {
  const out: Rec = {};
  for (const key in row) {
    const text = row[key];
    const type = types[key];
    const value =
      text === '' || text === undefined
        ? null
        : type === 'boolean'
          ? text === 'true'
          : type === 'number'
            ? Number(text)
            : text;
    const dot = key.indexOf('.');
    if (dot < 0) {
      out[key] = value;
      continue;
    }
    const rel = key.slice(0, dot);
    const parent = (out[rel] as Rec | null | undefined) ?? {};
    parent[key.slice(dot + 1)] = value;
    out[rel] = parent;
  }
  // A parent whose fields are all empty is no parent (a REST query gives null).
  for (const key in out) {
    const v = out[key];
    if (v && typeof v === 'object' && Object.values(v).every((x) => x === null)) out[key] = null;
  }
  return out;
}

async function dropQuietly(ctx: BulkQueryContext, url: string, complete: boolean): Promise<void> {
  try {
    await ctx.call(complete ? 'delete bulk query' : 'abort bulk query', (c) =>
      complete
        ? c.request({ method: 'DELETE', url })
        : c.request({
            method: 'PATCH',
            url,
            body: JSON.stringify({ state: 'Aborted' }),
            headers: { 'Content-Type': 'application/json' },
          }),
    );
  } catch (err) {
    ctx.log(`salesforce could not drop bulk query ${url.split('/').pop()}: ${(err as Error).message}`);
  }
}
