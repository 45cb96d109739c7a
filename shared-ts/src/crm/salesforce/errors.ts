/** Salesforce failures: jsforce / network errors mapped to the catalogue, and per-record save results. */
import { CatalogueError, type ErrorKind } from '../../domain/errors';
import { networkErrorCode } from '../../net/backoff';
import { refusalIn } from '../../net/outbound';
import type { WriteFailure } from '../gateway';

/** The integration user signed in but may not do this (permission set, API Enabled). */
const ACCESS_CODES = new Set([
  'API_CURRENTLY_DISABLED',
  'INSUFFICIENT_ACCESS',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_PRIVILEGES',
]);

/** The credentials were refused (OAuth token endpoint) or the session could not be renewed. */
const SIGN_IN_CODES = new Set([
  'INVALID_SESSION_ID',
  'invalid_client',
  'invalid_grant',
  'invalid_client_id',
  'unauthorized_client',
]);

/** Platform codes with an entry of their own: the org's edition has no API; the configured API version is unknown. */
const OWN_ENTRY = new Map<string, ErrorKind>([
  ['API_DISABLED_FOR_ORG', 'SF_API_DISABLED'],
  ['UNSUPPORTED_API_VERSION', 'SF_API_VERSION'],
]);

/** Maps a jsforce / network failure to the catalogue (the platform's code and message in the detail). */
export function salesforceError(err: unknown, what: string, objects: readonly string[] = []): CatalogueError {
  if (err instanceof CatalogueError) return err;
  const refusal = refusalIn(err);
  if (refusal) return refusal;
  const net = networkErrorCode(err);
  if (net) return new CatalogueError('CONNECT_FAILED', `Salesforce ${what}: ${net}`);
  const e = err as { errorCode?: string; name?: string; message?: string };
  const code = e.errorCode ?? e.name ?? 'UNKNOWN';
  const detail = `Salesforce ${what}: ${code}: ${e.message ?? ''}`.trim();
  const own = OWN_ENTRY.get(code);
  if (own) return new CatalogueError(own, detail);
  if (SIGN_IN_CODES.has(code)) return new CatalogueError('CRM_SIGN_IN', detail);
  if (ACCESS_CODES.has(code)) return new CatalogueError('INSUFFICIENT_ACCESS', detail);
  if ((code === 'INVALID_TYPE' || code === 'NOT_FOUND') && objects.length)
    return new CatalogueError('OBJECTS_UNREADABLE', detail);
  return new CatalogueError('API_ERROR', detail);
}

/** A save result of sObject Collections / the sObject resource. */
export interface SaveResultLike {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: { statusCode?: string; errorCode?: string; message?: string; fields?: string[] }[];
}

export function errorText(r: SaveResultLike): string {
  return (r.errors ?? []).map((e) => `${e.statusCode ?? e.errorCode}: ${e.message}`).join('; ');
}

export function failure(ref: string, r: SaveResultLike): WriteFailure {
  const e = r.errors?.[0];
  return { ref, code: e?.statusCode ?? e?.errorCode ?? 'UNKNOWN', message: e?.message ?? '' };
}
