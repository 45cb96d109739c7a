/** The jsforce connection: pinned API version, client-credentials login and refresh, every request counted. */
import { Connection } from 'jsforce';
import type { TokenResponse } from 'jsforce/lib/oauth2';
import { CatalogueError } from '../../domain/errors';
import type { SalesforceConfig } from '../config';
import type { RequestCounts } from '../gateway';
import { guardJsforce } from '../../net/http';
import { checkUrl } from '../../net/outbound';
import { registerSecret } from '../../net/redact';
import { countRequest } from '../../net/requestScope';
import { salesforceRequestKind } from './requestKind';

type Rec = Record<string, unknown>;

export async function openConnection(
  cfg: SalesforceConfig,
  version: string,
  counts: RequestCounts,
  log: (line: string) => void,
): Promise<Connection> {
  const { clientId, clientSecret } = cfg;
  const loginUrl = cfg.loginUrl ?? cfg.instanceUrl;
  if (cfg.getToken) {
    const getToken = cfg.getToken;
    const first = await getToken();
    const conn = new Connection({
      instanceUrl: first.instanceUrl ?? cfg.instanceUrl,
      accessToken: first.value,
      version,
      // The token source refreshes (and keeps a rotated refresh token); jsforce's own refresh would not.
      refreshFn: (_c: Connection, cb: (err: Error | null, token?: string) => void) => {
        getToken(true)
          .then((t) => cb(null, t.value))
          .catch((e: Error) => cb(e));
      },
    });
    guardJsforce();
    instrument(conn, cfg, counts, log);
    return conn;
  }
  const conn = new Connection({
    instanceUrl: cfg.instanceUrl,
    accessToken: cfg.accessToken,
    version,
    ...(clientId && clientSecret
      ? {
          oauth2: { loginUrl, clientId, clientSecret },
          // Client-credentials sessions have no refresh token: mint a new one on INVALID_SESSION_ID.
          refreshFn: (c: Connection, cb: (err: Error | null, token?: string, res?: TokenResponse) => void) => {
            c.oauth2
              .requestToken({ grant_type: 'client_credentials' })
              .then((t) => {
                registerSecret(t.access_token);
                cb(null, t.access_token, t);
              })
              .catch((e: Error) => cb(e));
          },
        }
      : {}),
  });
  guardJsforce();
  instrument(conn, cfg, counts, log);
  if (!cfg.accessToken && clientId && clientSecret) {
    await conn.authorize({ grant_type: 'client_credentials' });
    registerSecret(conn.accessToken ?? undefined);
  } else if (!cfg.accessToken) {
    throw new CatalogueError('INSUFFICIENT_ACCESS', 'Salesforce: no access token and no client credentials configured');
  }
  return conn;
}

/** Counts and logs every HTTP request jsforce sends, and applies our retry settings. */
function instrument(conn: Connection, cfg: SalesforceConfig, counts: RequestCounts, log: (line: string) => void): void {
  const transports = [
    conn._transport,
    (conn.oauth2 as unknown as { _transport?: Connection['_transport'] })._transport,
  ].filter(Boolean);
  for (const transport of transports) {
    const t = transport as unknown as { httpRequest: (req: { method: string; url: string }, opts?: Rec) => unknown };
    const original = t.httpRequest.bind(t);
    t.httpRequest = (req, opts = {}) => {
      const path = new URL(req.url, cfg.instanceUrl).pathname;
      const kind = salesforceRequestKind(req.method, path);
      // Every request under the outbound policy: token endpoints only on Salesforce's login and My Domain hosts.
      checkUrl(
        new URL(req.url, cfg.instanceUrl),
        'salesforce',
        /\/oauth2\/token$/.test(path) ? 'token' : 'api',
        cfg.outbound,
      );
      // Uncompressed answers, so that the connection's byte limit is the decoded size; redirects are not followed.
      const r = req as { headers?: Record<string, string> };
      r.headers = { ...(r.headers ?? {}), 'Accept-Encoding': 'identity' };
      counts.total++;
      countRequest();
      counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
      log(`salesforce ${req.method} ${req.url}`);
      // A Bulk upload's body is a stream that one attempt consumes: bulk.ts sends it again, made anew.
      const retry =
        kind === 'bulkUpload'
          ? { retry: { maxRetries: 0 } }
          : cfg.retry
            ? { retry: { maxRetries: cfg.retry.maxRetries, minTimeout: cfg.retry.minTimeoutMs } }
            : {};
      return original(req, { ...opts, ...retry, followRedirect: false });
    };
  }
}
