/**
 * Bulk API 2.0 query jobs of the Salesforce double (Bulk API 2.0 Developer Guide, "Query Jobs"):
 * - `POST /jobs/query` `{ operation: query | queryAll, query, contentType: CSV, columnDelimiter, lineEnding }` → the
 *   job's info, state `UploadComplete`;
 * - `GET /jobs/query/{id}` → the info: `InProgress`, then `JobComplete` with `numberRecordsProcessed`;
 * - `GET /jobs/query/{id}/results?maxRecords=&locator=` → CSV (header: the selected fields as written in the query,
 *   `Account.Name` for a parent's field; an empty cell for null), with `Sforce-NumberOfRecords` (rows in this set)
 *   and `Sforce-Locator` (the next set's locator, or the string `null` after the last set);
 * - `PATCH /jobs/query/{id}` `{ state: Aborted }`, `DELETE /jobs/query/{id}`, `GET /jobs/query` (one page here).
 * The platform runs the query once, when the job starts: the rows are chosen at creation and later changes to the
 * records do not show in the results.
 */
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { csvDocument } from '../net/csv';
import { sendJson } from './server';

/** What the double gives a query job: the selected records and how to read a field (or `Rel.Field`) of one. */
export interface QuerySource {
  readonly version: string;
  readonly userId: string;
  /** Polls answered InProgress before the job completes. */
  readonly pollsUntilComplete: number;
  select(soql: string): { object: string; fields: string[]; records: Record<string, unknown>[] };
  value(object: string, record: Record<string, unknown>, field: string): unknown;
}

interface QueryJob {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  fields: string[];
  records: Record<string, unknown>[];
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Aborted' | 'Failed';
  polls: number;
  createdDate: string;
}

/** The server's set size when the client gives no maxRecords (the platform picks one by the results' size). */
const DEFAULT_MAX_RECORDS = 50_000;

export class BulkQueryJobs {
  private readonly jobs = new Map<string, QueryJob>();
  /** Results requests answered, with the maxRecords each asked for (tests check a client pages). */
  readonly resultSets: { job: string; maxRecords: number | null; records: number }[] = [];

  constructor(private readonly source: QuerySource) {}

  private info(j: QueryJob): Record<string, unknown> {
    return {
      id: j.id,
      operation: j.operation,
      object: j.object,
      createdById: this.source.userId,
      createdDate: j.createdDate,
      systemModstamp: j.createdDate,
      state: j.state,
      concurrencyMode: 'Parallel',
      contentType: 'CSV',
      apiVersion: Number(this.source.version),
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      ...(j.state === 'JobComplete'
        ? { numberRecordsProcessed: j.records.length, retries: 0, totalProcessingTime: 0 }
        : {}),
    };
  }

  /** Answers one request of `kind` (salesforceRequestKind) on `path` (below /services/data/vXX.X). */
  handle(
    kind: string,
    path: string,
    query: URLSearchParams,
    body: Buffer,
    res: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const error = (status: number, errorCode: string, message: string) =>
      sendJson(res, status, [{ errorCode, message }], headers);
    if (kind === 'bulkQueryCreate') {
      const spec = JSON.parse(body.toString('utf8') || '{}') as {
        operation?: string;
        query?: string;
        contentType?: string;
      };
      if (spec.operation !== 'query' && spec.operation !== 'queryAll')
        return error(400, 'INVALIDJOB', `Invalid operation: ${String(spec.operation)}`);
      if (!spec.query) return error(400, 'INVALIDJOB', 'query is required');
      if (spec.contentType && spec.contentType !== 'CSV')
        return error(400, 'INVALIDJOB', `Invalid content type: ${spec.contentType}`);
      const selected = this.source.select(spec.query);
      const j: QueryJob = {
        id: `7505e${randomBytes(5).toString('hex').toUpperCase()}QRY`,
        operation: spec.operation,
        object: selected.object,
        fields: selected.fields,
        records: selected.records,
        state: 'UploadComplete',
        polls: 0,
        createdDate: new Date().toISOString(),
      };
      this.jobs.set(j.id, j);
      return sendJson(res, 200, this.info(j), headers);
    }
    if (kind === 'bulkQueryList')
      return sendJson(
        res,
        200,
        { done: true, nextRecordsUrl: null, records: [...this.jobs.values()].map((j) => this.info(j)) },
        headers,
      );
    const j = this.jobs.get(path.split('/')[3] ?? '');
    if (!j) return error(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (kind === 'bulkQueryPoll') {
      if (j.state === 'UploadComplete' || j.state === 'InProgress')
        j.state = ++j.polls > this.source.pollsUntilComplete ? 'JobComplete' : 'InProgress';
      return sendJson(res, 200, this.info(j), headers);
    }
    if (kind === 'bulkQueryAbort') {
      const { state } = JSON.parse(body.toString('utf8') || '{}') as { state?: string };
      if (state !== 'Aborted') return error(400, 'INVALIDJOBSTATE', `cannot change state to ${String(state)}`);
      if (j.state === 'JobComplete' || j.state === 'Failed')
        return error(400, 'INVALIDJOBSTATE', `the job is already ${j.state}`);
      j.state = 'Aborted';
      j.records = [];
      return sendJson(res, 200, this.info(j), headers);
    }
    if (kind === 'bulkQueryDelete') {
      this.jobs.delete(j.id);
      res.writeHead(204, headers);
      res.end();
      return;
    }
    // results
    if (j.state !== 'JobComplete') return error(400, 'INVALIDJOBSTATE', `the job is ${j.state}, not JobComplete`);
    const asked = query.get('maxRecords');
    const max = asked === null ? DEFAULT_MAX_RECORDS : Number(asked);
    if (!Number.isInteger(max) || max < 1) return error(400, 'INVALIDREQUEST', `Invalid maxRecords: ${asked}`);
    const locator = query.get('locator');
    const start = locator ? fromLocator(locator) : 0;
    if (start === null || start > j.records.length) return error(400, 'INVALIDLOCATOR', `Invalid locator: ${locator}`);
    const end = Math.min(j.records.length, start + max);
    const rows: string[][] = [];
    for (let i = start; i < end; i++)
      rows.push(j.fields.map((f) => cell(this.source.value(j.object, j.records[i], f))));
    this.resultSets.push({ job: j.id, maxRecords: asked === null ? null : max, records: rows.length });
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/csv',
      'Sforce-NumberOfRecords': String(rows.length),
      'Sforce-Locator': end < j.records.length ? toLocator(end) : 'null',
    });
    res.end(csvDocument(j.fields, rows, { formulaGuard: false, lineEnd: '\n' }));
  }
}

/** Locators are opaque to the client: here the position of the next set, base64url. */
function toLocator(position: number): string {
  return Buffer.from(`p${position}`).toString('base64url');
}

function fromLocator(locator: string): number | null {
  const m = /^p(\d+)$/.exec(Buffer.from(locator, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

/** A field as Bulk query CSV gives it: null as an empty cell, booleans as true/false, numbers as written. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}
