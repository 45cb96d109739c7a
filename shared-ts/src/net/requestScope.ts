/**
 * Requests counted per piece of work while other work runs beside it: a client counts each request it sends in
 * the scope it was started from (async context), so a write's requests are told apart from the reads that run
 * side by side with it on the same client. A write also tells its scope what it sent, as the platform's minimum
 * for it depends on more than the number of records (a Bulk upload has a size limit).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

/** One object's write as sent: its records and the bytes of its Bulk CSV (0 when it went as JSON calls). */
export interface Written {
  records: number;
  bytes: number;
}

/** What one piece of work sent: requests (retries included) and its writes. */
export interface RequestTally {
  requests: number;
  written: Written[];
}

const scopes = new AsyncLocalStorage<RequestTally>();

/** Called by a client for every request it sends (retries included). */
export function countRequest(): void {
  const s = scopes.getStore();
  if (s) s.requests++;
}

/** Called by a writer once per object it wrote (or began to write, when it throws). */
export function countWritten(w: Written): void {
  scopes.getStore()?.written.push(w);
}

/** Runs `fn`, counting what was sent on its behalf into `into` (also when it throws). */
export async function countedRequests<T>(into: RequestTally, fn: () => Promise<T>): Promise<T> {
  const scope: RequestTally = { requests: 0, written: [] };
  try {
    return await scopes.run(scope, fn);
  } finally {
    into.requests += scope.requests;
    into.written.push(...scope.written);
  }
}
