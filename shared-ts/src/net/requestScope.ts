/**
 * Requests counted per piece of work while other work runs beside it: a client counts each request it sends in
 * the scope it was started from (async context), so a write's requests are told apart from the reads that run
 * side by side with it on the same client.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  requests: number;
}

const scopes = new AsyncLocalStorage<Scope>();

/** Called by a client for every request it sends (retries included). */
export function countRequest(): void {
  const s = scopes.getStore();
  if (s) s.requests++;
}

/** Runs `fn`, counting the requests sent on its behalf (added to `into.requests`, also when it throws). */
export async function countedRequests<T>(into: { requests: number }, fn: () => Promise<T>): Promise<T> {
  const scope: Scope = { requests: 0 };
  try {
    return await scopes.run(scope, fn);
  } finally {
    into.requests += scope.requests;
  }
}
