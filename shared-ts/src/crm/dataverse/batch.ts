/**
 * Writes in `$batch` requests: one change set of ≤ 1000 operations each (atomic). A change set is rolled back whole
 * when one record fails a plug-in or validation, and its answer names only the failing operation; so such a set is
 * resent once as independent parts with `odata.continue-on-error` to get a result per record.
 * Updates carry the row version they were decided on (If-Match): a row changed since comes back as a conflict.
 */
import { CatalogueError } from '../../domain/errors';
import type { WriteResult } from '../gateway';
import { orderedMap } from '../../net/concurrency';
import type { DataverseClient, Rec } from './client';
import { codeOf, messageOf, retryAfterMs, type DvError } from './errors';
import { WebApiError, type PartRequest } from './webApi';

/** Operations made when their `$batch` is sent (a write of ~800,000 records keeps no operation object per record). */
export interface LazyOps {
  readonly length: number;
  at(i: number): Op;
}

export interface Op {
  ref: string;
  kind: 'update' | 'upsert' | 'create' | 'delete';
  collection: string;
  key?: string;
  data?: Rec;
  /** Updates only: the row version read (`@odata.etag`); default `*` (the row must exist, any version). */
  ifMatch?: string;
}

/**
 * 412 answers an update whose If-Match no longer matches (0x80060882: the row changed since it was read), and also a
 * duplicate alternate key: that one is a failure, not a conflict.
 */
const DUPLICATE_KEY = '0x80040237';

export class BatchWriter {
  constructor(private readonly dv: DataverseClient) {}

  /** One operation as a request of the batch. */
  private request(op: Op): PartRequest {
    const row = op.key === undefined ? op.collection : `${op.collection}(${op.key})`;
    if (op.kind === 'update')
      return { method: 'PATCH', url: row, headers: { 'If-Match': op.ifMatch ?? '*' }, body: op.data };
    if (op.kind === 'upsert') return { method: 'PATCH', url: row, body: op.data };
    if (op.kind === 'create') return { method: 'POST', url: op.collection, body: op.data };
    return { method: 'DELETE', url: row };
  }

  /**
   * One `$batch` holding one change set of ≤ 1000 operations (atomic). When the platform refuses the change set
   * (one record failed and all were rolled back), the same operations are resent as independent parts with
   * `odata.continue-on-error`, which gives a result per record: the good ones are applied, the bad ones reported.
   */
  private async sendBatch(part: Op[]): Promise<unknown[]> {
    const requests = part.map((op) => this.request(op));
    // Updates, upserts and deletes come out the same when made twice (an update guarded by a row version the
    // first attempt changed answers 412, a conflict the caller settles); a create would be doubled.
    const resendable = part.every((op) => op.kind !== 'create');
    const atomic = await this.dv.call(
      'batch',
      `$batch change set of ${part.length}`,
      () => this.dv.web.batch(requests, { changeSet: true }),
      [],
      resendable,
    );
    const failure = atomic.find((a) => a instanceof WebApiError);
    if (!failure) return part.map(() => null);
    this.dv.log(
      `dataverse change set rolled back (${messageOf(failure as DvError)}); resending ${part.length} operations independently`,
    );
    return this.dv.call(
      'batch',
      `$batch of ${part.length} (per record)`,
      () => this.dv.web.batch(requests, { changeSet: false, continueOnError: true }),
      [],
      resendable,
    );
  }

  /** Sends operations in `$batch` requests of ≤ 1000; operations answered 429 are retried after Retry-After. */
  async run(ops: Op[] | LazyOps): Promise<WriteResult> {
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    let pending: LazyOps = Array.isArray(ops) ? { length: ops.length, at: (i) => ops[i] } : ops;
    for (let round = 0; pending.length; round++) {
      const throttled: Op[] = [];
      let wait = 0;
      const size = this.dv.batchSize();
      const source = pending;
      const starts = function* () {
        for (let start = 0; start < source.length; start += size) yield start;
      };
      // Each batch's operations are made when it is sent; the batches run side by side, answered in order.
      const sent = orderedMap(starts(), this.dv.limiter.concurrency, async (start) => {
        const part: Op[] = [];
        for (let i = start; i < Math.min(start + size, source.length); i++) part.push(source.at(i));
        try {
          return { part, results: await this.sendBatch(part) };
        } catch (err) {
          if (err instanceof CatalogueError && err.kind === 'CONNECT_FAILED') throw err;
          return { part, error: err };
        }
      });
      for await (const batch of sent) {
        const { part } = batch;
        if (!('results' in batch)) {
          // The whole request failed (after its retries): nothing of it is known to be applied.
          for (const o of part) out.unprocessed.push(o.ref);
          this.dv.log(`dataverse $batch failed: ${(batch.error as CatalogueError).detail ?? String(batch.error)}`);
          continue;
        }
        const results = batch.results as unknown[];
        part.forEach((op, i) => {
          const res = results[i];
          // An operation the answer does not cover was not run.
          if (res === undefined) {
            out.unprocessed.push(op.ref);
            return;
          }
          if (!(res instanceof Error)) {
            out.succeeded.push(op.ref);
            return;
          }
          const r = res as Error & DvError;
          if (r.status === 412 && op.ifMatch && codeOf(r) !== DUPLICATE_KEY) {
            (out.conflicts ??= []).push(op.ref);
            return;
          }
          if (r.status === 429 && round < (this.dv.cfg.maxRetries ?? 5)) {
            throttled.push(op);
            wait = Math.max(wait, retryAfterMs(r.headers, round));
            return;
          }
          out.failed.push({ ref: op.ref, code: codeOf(r) || String(r.status ?? 'UNKNOWN'), message: messageOf(r) });
        });
      }
      if (throttled.length) await this.dv.sleep(wait);
      pending = { length: throttled.length, at: (i) => throttled[i] };
    }
    return out;
  }
}
