/** Bounded exponential backoff with full jitter, and the network-error → catalogue mapping shared by the clients. */
import { CatalogueError } from '../domain/errors';

export interface BackoffPolicy {
  maxRetries: number;
  baseMs: number;
  capMs: number;
  random: () => number;
}

/** Delay before retry number `attempt` (0-based): uniform in [0, min(cap, base·2^attempt)]. */
export function backoffDelay(attempt: number, p: BackoffPolicy): number {
  const ceiling = Math.min(p.capMs, p.baseMs * 2 ** attempt);
  return Math.floor(p.random() * ceiling);
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/** The error code of a failed connection (fetch wraps it in `cause`), or null when it is not a network error. */
export function networkErrorCode(err: unknown): string | null {
  let e = err as { code?: string; cause?: unknown; name?: string } | undefined;
  for (let i = 0; e && i < 4; i++) {
    if (e.code && NETWORK_CODES.has(e.code)) return e.code;
    if (e.name === 'TimeoutError') return 'ETIMEDOUT';
    e = e.cause as typeof e;
  }
  return null;
}

/** Connection refused / DNS / timeout → CONNECT_FAILED; anything else is passed through. */
export function toConnectError(err: unknown, what: string): unknown {
  const code = networkErrorCode(err);
  return code ? new CatalogueError('CONNECT_FAILED', `${what}: ${code}`) : err;
}
