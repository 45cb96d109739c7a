import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { redact } from '../net/redact';
import { resolveLocale, type Locale } from '../domain/i18n/index';
import { receiveActivities } from './activities';
import type { ServeScheduler } from './service';
import { renderStatusPage } from './statusPage';

/**
 * The HTTP surface of `navsync serve`:
 *   GET  /healthz          200 while serving (503 once stopping)
 *   GET  /                 the status page (HTML; `?lang=de` or the browser's language)
 *   GET  /status.json      the same as JSON
 *   GET  /runs, /runs/<id> the run history and each run's report (JSON)
 *   POST /run              "run now"                          (Authorization: Bearer <NAVSYNC_SERVE_TOKEN>)
 *   POST /activities       write-back activities as JSON      (same token)
 * `?connection=<name>` picks the connection where there are several.
 */
export const SERVE_TOKEN_ENV = 'NAVSYNC_SERVE_TOKEN';
const MAX_BODY = 1 << 20;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Compared as SHA-256 digests with timingSafeEqual: equal lengths, and time that says nothing about the token. */
export function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const given = createHash('sha256')
    .update(m ? m[1] : '')
    .digest();
  const want = createHash('sha256').update(token).digest();
  return timingSafeEqual(given, want) && !!m;
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
  });
  res.end(body);
}

const json = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, redact(JSON.stringify(value, null, 2)), 'application/json; charset=utf-8');

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HttpError(413, `request body over ${MAX_BODY} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function pageLocale(url: URL, req: IncomingMessage, fallback: string | undefined): Locale {
  return resolveLocale(
    url.searchParams.get('lang') ?? req.headers['accept-language']?.split(',')[0] ?? fallback ?? 'en',
  );
}

export class ServeHttp {
  private server: Server | null = null;
  private stopping = false;

  constructor(
    private readonly service: ServeScheduler,
    private readonly token: string | undefined,
    private readonly locale?: string,
  ) {}

  private connectionName(url: URL): string {
    const given = url.searchParams.get('connection');
    const names = this.service.connections.map((c) => c.name);
    if (given) {
      if (!names.includes(given)) throw new HttpError(404, `no connection "${given}"`, { connections: names });
      return given;
    }
    if (names.length !== 1)
      throw new HttpError(400, 'several connections: add ?connection=<name>', { connections: names });
    return names[0];
  }

  private authorize(req: IncomingMessage): void {
    if (!this.token) throw new HttpError(403, `this endpoint is off: set ${SERVE_TOKEN_ENV} to turn it on`);
    if (!tokenMatches(req.headers.authorization, this.token)) throw new HttpError(401, 'missing or wrong token');
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://navsync.invalid');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    const method = req.method ?? 'GET';
    const only = (m: string) => {
      if (method !== m) throw new HttpError(405, `use ${m}`);
    };
    if (path === '/healthz') {
      only('GET');
      return json(res, this.stopping ? 503 : 200, { ok: !this.stopping });
    }
    if (path === '/' || path === '/status') {
      only('GET');
      return send(
        res,
        200,
        renderStatusPage(await this.service.status(), pageLocale(url, req, this.locale)),
        'text/html; charset=utf-8',
      );
    }
    if (path === '/status.json') {
      only('GET');
      return json(res, 200, await this.service.status());
    }
    if (path === '/runs') {
      only('GET');
      return json(res, 200, {
        runs: await this.service.store.recentRuns(100, url.searchParams.get('connection') ?? undefined),
      });
    }
    const run = /^\/runs\/(\d+)$/.exec(path);
    if (run) {
      only('GET');
      const row = await this.service.store.run(Number(run[1]));
      if (!row) throw new HttpError(404, `no run ${run[1]}`);
      return json(res, 200, { run: row, report: await this.service.store.report(row.id) });
    }
    if (path === '/run') {
      only('POST');
      this.authorize(req);
      const name = this.connectionName(url);
      const r = await this.service.runNow(name);
      if (!r) throw new HttpError(503, 'stopping: no new runs');
      return json(res, r.started ? 202 : 409, {
        ...(r.run ? { run: r.run } : {}),
        ...(r.job ? { job: r.job } : {}),
        started: r.started,
        ...(r.started ? {} : { message: 'a run of this connection is going on' }),
      });
    }
    if (path === '/activities') {
      only('POST');
      this.authorize(req);
      const name = this.connectionName(url);
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
        throw new HttpError(415, 'send Content-Type: application/json');
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch (e) {
        if (e instanceof HttpError) throw e;
        throw new HttpError(400, 'the body is not valid JSON');
      }
      const r = receiveActivities(body, new Date(this.service.clock.now()).toISOString());
      if (!r.ok) throw new HttpError(422, 'activities refused; nothing was stored', { errors: r.errors });
      // Stored (one SQLite transaction, synced to disk) before the answer: an acknowledged activity is never lost.
      const { accepted, duplicates } = await this.service.store.addActivities(name, r.items);
      return json(res, 202, {
        accepted,
        duplicates,
        keys: r.items.map((i) => i.key),
        pending: await this.service.store.pendingCount(name),
      });
    }
    throw new HttpError(404, 'not found');
  }

  async listen(host: string, port: number): Promise<string> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e: unknown) => {
        const status = e instanceof HttpError ? e.status : 500;
        const extra = e instanceof HttpError ? e.extra : {};
        if (!res.headersSent)
          json(res, status, { error: e instanceof HttpError ? e.message : 'internal error', ...extra });
        else res.destroy();
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.server?.once('error', reject);
      this.server?.listen(port, host, () => resolve());
    });
    const a = this.server.address() as AddressInfo;
    return `http://${a.family === 'IPv6' ? `[${a.address}]` : a.address}:${a.port}`;
  }

  /** Answer 503 on /healthz from now on, finish the requests in flight, accept no more. */
  async close(): Promise<void> {
    this.stopping = true;
    const s = this.server;
    if (!s) return;
    s.closeIdleConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
