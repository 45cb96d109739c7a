/**
 * The Salesforce client the gateway's parts share: one jsforce connection, every call mapped to the catalogue and
 * logged, SOQL pages, and the write router (sObject Collections ≤ threshold, Bulk API 2.0 above).
 */
import type { Connection } from 'jsforce';
import type { QueryResult } from 'jsforce/lib/query';
import { sfName } from '../../domain/crmSchema';
import type { SalesforceConfig } from '../config';
import type { RequestCounts, WriteEngine, WriteResult } from '../gateway';
import { chunks } from '../lists';
import { Limiter, collectPages, orderedMap } from '../../net/concurrency';
import { redactingLog, registerSecret } from '../../net/redact';
import { countWritten } from '../../net/requestScope';
import { bulkWrite, listRows, type BulkContext, type WriteRows } from './bulk';
import { bulkQuery, type BulkQueryContext, type ColumnTypes } from './bulkQuery';
import { openConnection } from './connection';
import { failure, salesforceError, type SaveResultLike } from './errors';
import { IN_CHUNK, idList } from './soql';

export type Rec = Record<string, unknown>;

export const COLLECTION_MAX = 200;
/**
 * Records above which a query is read through Bulk API 2.0 (3 requests and a few results sets) rather than query
 * pages of 2,000 read one after the other: at 10,000 that is 5 pages against about 4 requests.
 */
export const BULK_QUERY_THRESHOLD = 10_000;

export class SalesforceClient {
  readonly ns: string | null;
  readonly log: (line: string) => void;
  readonly counts: RequestCounts = { total: 0, byKind: {} };
  readonly version: string;
  private conn: Promise<Connection> | null = null;
  /** Every request of this client, side by side up to the configured bound. */
  readonly limiter: Limiter;

  constructor(readonly cfg: SalesforceConfig) {
    this.ns = cfg.namespace === undefined ? 'navsync' : cfg.namespace || null;
    this.version = cfg.apiVersion ?? '66.0';
    this.log = redactingLog(cfg.log);
    this.limiter = new Limiter({ concurrency: cfg.concurrency ?? 8 });
    registerSecret(cfg.clientSecret);
    registerSecret(cfg.accessToken);
  }

  /** An API name with the package namespace. */
  n(api: string): string {
    return sfName(api, this.ns);
  }

  engineFor(n: number): WriteEngine {
    return n > (this.cfg.bulkThreshold ?? COLLECTION_MAX) ? 'bulk' : 'collections';
  }

  private connection(): Promise<Connection> {
    if (!this.conn) {
      this.conn = openConnection(this.cfg, this.version, this.counts, this.log).catch((err: unknown) => {
        this.conn = null;
        throw salesforceError(err, 'login');
      });
    }
    return this.conn;
  }

  async call<T>(what: string, fn: (c: Connection) => Promise<T>, objects: readonly string[] = []): Promise<T> {
    const conn = await this.connection();
    try {
      return await this.limiter.run(() => fn(conn));
    } catch (err) {
      const mapped = salesforceError(err, what, objects);
      this.log(`salesforce ${what} failed: ${mapped.detail ?? mapped.message}`);
      throw mapped;
    }
  }

  /**
   * Runs a SOQL query and yields its pages, following query locators (queryMore). Given the column types of its
   * boolean and number fields (Bulk query CSV is text), a query whose first page says it selects more than the
   * bulk query threshold is read through one Bulk API 2.0 query job instead of a long chain of pages.
   */
  async *soql<T>(
    soql: string,
    map: (r: Rec) => T,
    objects: readonly string[] = [],
    bulkTypes?: ColumnTypes,
  ): AsyncGenerator<T[]> {
    let res: QueryResult<Rec> = await this.call(
      'query',
      async (c) => (await c.query<Rec>(soql, { autoFetch: false })) as QueryResult<Rec>,
      objects,
    );
    if (bulkTypes && !res.done && res.totalSize > (this.cfg.bulkQueryThreshold ?? BULK_QUERY_THRESHOLD)) {
      yield* this.restOnBulk(res.records, soql, map, objects, bulkTypes);
      return;
    }
    for (;;) {
      if (res.records.length) yield res.records.map(map);
      if (res.done || !res.nextRecordsUrl) return;
      const locator = res.nextRecordsUrl;
      res = await this.call('queryMore', async (c) => (await c.queryMore<Rec>(locator)) as QueryResult<Rec>, objects);
    }
  }

  /**
   * The rest of a large query through one Bulk API 2.0 query job (far fewer requests than the rest of its pages).
   * The first page is handed on at once, so the caller works on it while the job starts, and the job's rows of
   * that page are skipped; each results set is read while the caller works on the one before.
   */
  private async *restOnBulk<T>(
    first: Rec[],
    soql: string,
    map: (r: Rec) => T,
    objects: readonly string[],
    bulkTypes: ColumnTypes,
  ): AsyncGenerator<T[]> {
    const sets = bulkQuery(this.bulkQueryContext(), soql, (r) => r, objects, bulkTypes);
    // Without ids the first page cannot be told apart in the job's rows: it is not used then.
    const seen = first.every((r) => typeof r.Id === 'string') ? new Set(first.map((r) => r.Id as string)) : null;
    let next = sets.next();
    next.catch(() => undefined);
    try {
      if (seen && first.length) yield first.map(map);
      for (;;) {
        const got = await next;
        if (got.done) return;
        next = sets.next();
        next.catch(() => undefined);
        const rows = seen ? got.value.filter((r) => !seen.has(r.Id as string)) : got.value;
        if (rows.length) yield rows.map(map);
      }
    } finally {
      // Stopped early: the set being read is awaited so the job is dropped (bulkQuery's own clean-up).
      await next.catch(() => undefined);
      await sets.return(undefined);
    }
  }

  /** Splits one id-list filter into IN chunks so the query URL stays short; other conditions are ANDed. */
  async *chunked<T>(
    base: string,
    where: string[],
    list: { field: string; ids?: readonly string[] } | null,
    tail: string,
    map: (r: Rec) => T,
    object: string,
    bulkTypes?: ColumnTypes,
  ): AsyncGenerator<T[]> {
    // An empty id filter selects nothing (and `IN ()` is not valid SOQL).
    if (where.some((w) => w.endsWith(' IN ()'))) return;
    const run = (extra: string[]) => {
      const all = [...where, ...extra];
      return this.soql(`${base}${all.length ? ` WHERE ${all.join(' AND ')}` : ''}${tail}`, map, [object], bulkTypes);
    };
    if (!list?.ids) {
      yield* run([]);
      return;
    }
    const parts = chunks([...new Set(list.ids)], IN_CHUNK);
    if (parts.length === 1) {
      // One query (e.g. the records of a few owners, maybe a million): its pages stream, none is held back.
      yield* run([`${list.field} IN ${idList(parts[0])}`]);
      return;
    }
    // The chunks' queries run side by side; their pages come out in the order of the ids.
    const answers = orderedMap(parts, this.limiter.concurrency, (part) =>
      collectPages(run([`${list.field} IN ${idList(part)}`])),
    );
    for await (const pages of answers) yield* pages;
  }

  /** Routes a write: ≤ threshold through sObject Collections, above through one Bulk API 2.0 job. */
  write(
    object: string,
    op: 'update' | 'upsert',
    rows: WriteRows | { ref: string; rec: Rec }[],
    extField?: string,
  ): Promise<WriteResult> {
    const r = Array.isArray(rows) ? listRows(rows) : rows;
    if (this.engineFor(r.length) === 'bulk') return bulkWrite(this.bulkContext(), object, op, r, extField);
    countWritten({ records: r.length, bytes: 0 });
    const list = Array.isArray(rows)
      ? rows
      : Array.from({ length: r.length }, (_, i) => ({ ref: r.ref(i), rec: r.rec(i) }));
    return this.collections(object, op, list, extField);
  }

  bulkQueryContext(): BulkQueryContext {
    return {
      call: (what, fn, objects) => this.call(what, fn, objects),
      log: this.log,
      version: this.version,
      pollIntervalMs: this.cfg.bulkPollIntervalMs,
      pollTimeoutMs: this.cfg.bulkPollTimeoutMs,
      maxRecords: this.cfg.bulkQueryMaxRecords,
      createAttempts: 1 + (this.cfg.retry?.maxRetries ?? 5),
      retryMs: this.cfg.retry?.minTimeoutMs,
    };
  }

  bulkContext(): BulkContext {
    return {
      call: (what, fn, objects) => this.call(what, fn, objects),
      log: this.log,
      pollIntervalMs: this.cfg.bulkPollIntervalMs,
      pollTimeoutMs: this.cfg.bulkPollTimeoutMs,
      uploadAttempts: 1 + (this.cfg.retry?.maxRetries ?? 2),
      uploadRetryMs: this.cfg.retry?.minTimeoutMs,
      maxUploadBytes: this.cfg.bulkMaxUploadBytes,
      collections: (object, op, rows, extField) => this.collections(object, op, rows, extField),
    };
  }

  async collections(
    object: string,
    op: 'create' | 'update' | 'upsert',
    rows: { ref: string; rec: Rec }[],
    extField?: string,
  ): Promise<WriteResult> {
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [], created: [] };
    for (const part of chunks(rows, COLLECTION_MAX)) {
      const records = part.map((r) => r.rec);
      const res = (await this.call(
        `${op} ${object}`,
        (c) => {
          const so = c.sobject(object);
          if (op === 'upsert') return so.upsert(records as never, extField as string, { allOrNone: false });
          if (op === 'create') return so.create(records as never, { allOrNone: false });
          return so.update(records as never, { allOrNone: false });
        },
        [object],
      )) as SaveResultLike[];
      res.forEach((r, i) => {
        const ref = part[i].ref;
        if (r.success) {
          out.succeeded.push(ref);
          if (r.created) out.created?.push(ref);
        } else out.failed.push(failure(ref, r));
      });
    }
    return out;
  }
}
