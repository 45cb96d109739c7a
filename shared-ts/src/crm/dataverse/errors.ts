/** Dataverse failures: Web API / network errors mapped to the catalogue, per-record refusals, Retry-After. */
import { CatalogueError } from '../../domain/errors';
import { networkErrorCode } from '../../net/backoff';
import { refusalIn } from '../../net/outbound';
import type { TestContactResult, WriteResult } from '../gateway';

export interface DvError {
  status?: number;
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Errors parsed from `$batch` parts keep the body's `error` object as is. */
  error?: { code?: string; message?: string };
}

export const codeOf = (e: DvError | undefined) => e?.code || e?.error?.code || '';
export const messageOf = (e: DvError | undefined) => e?.error?.message || e?.message || '';

const ACCESS_CODES = new Set(['0x80040220', '0x80048306', '0x80048405']);

/** Maps a Web API / network failure to the catalogue (platform code and message in the detail). */
export function dataverseError(err: unknown, what: string, objects: readonly string[] = []): CatalogueError {
  if (err instanceof CatalogueError) return err;
  const refusal = refusalIn(err);
  if (refusal) return refusal;
  const net = networkErrorCode(err);
  if (net) return new CatalogueError('CONNECT_FAILED', `Dataverse ${what}: ${net}`);
  const e = err as DvError;
  const status = e?.status;
  const detail = `Dataverse ${what}: ${status ?? ''} ${codeOf(e)}: ${messageOf(e) || String(err)}`
    .replace(/\s+/g, ' ')
    .trim();
  if (objects.length && status === 404 && codeOf(e) === '0x8006088a')
    return new CatalogueError('OBJECTS_UNREADABLE', detail, status);
  if (status === 401 || status === 403 || ACCESS_CODES.has(codeOf(e)))
    return new CatalogueError('INSUFFICIENT_ACCESS', detail, status);
  return new CatalogueError('API_ERROR', detail, status);
}

/** A refusal of one record (validation, business rule, privilege, duplicate, not found); others are thrown on. */
export function recordRefusal(err: unknown): Extract<TestContactResult, { ok: false }> | null {
  const e = err as DvError;
  if (!e || typeof e.status !== 'number' || e.status < 400 || e.status >= 500 || e.status === 401 || e.status === 429)
    return null;
  return { ok: false, httpStatus: e.status, code: codeOf(e), message: messageOf(e) };
}

/** Deleting a row that no longer exists (0x80040217) leaves nothing behind: it counts as removed. */
export function goneIsRemoved(
  r: WriteResult,
  into: WriteResult = { succeeded: [], failed: [], unprocessed: [] },
): WriteResult {
  into.succeeded.push(...r.succeeded, ...r.failed.filter((f) => f.code === '0x80040217').map((f) => f.ref));
  into.failed.push(...r.failed.filter((f) => f.code !== '0x80040217'));
  into.unprocessed.push(...r.unprocessed);
  return into;
}

export function retryAfterMs(headers: Record<string, string> | undefined, attempt: number): number {
  const h = headers ? (headers['retry-after'] ?? headers['Retry-After']) : undefined;
  const secs = h === undefined ? NaN : Number(h);
  return Number.isFinite(secs) ? secs * 1000 : Math.min(60_000, 1000 * 2 ** attempt);
}
