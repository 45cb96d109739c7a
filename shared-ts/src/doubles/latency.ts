/**
 * A latency model in front of a loopback double: a loopback HTTP proxy that forwards every request to the double
 * and answers only after the time a platform would take (a per-request delay plus a per-record server time), and
 * that enforces the platform's concurrency and rate limits with the platform's documented error. It counts
 * requests by kind and the most that were in flight at once, so a benchmark can put the engine's requests next
 * to the platform's minimum.
 *
 * Limits (see ../../../../shared/reference/, cited per platform below):
 * - Salesforce: concurrent long-running requests (25 in production orgs) and the rolling 24 h API allocation both
 *   answer 403 `REQUEST_LIMIT_EXCEEDED` (never 429). The model applies the concurrency limit to every request,
 *   which is stricter than the platform (it counts only requests lasting ≥ 20 s).
 * - Dataverse service protection, per user per 5-minute window: 52 concurrent requests, 6,000 requests and
 *   1,200,000 ms of execution time; each answers 429 with `Retry-After` and its error code.
 * - LinkedIn: daily application limits and infrastructure protection answer 429 without `Retry-After`; per-second
 *   and per-endpoint limits are not published, so the model's figures for them are assumptions.
 */
import { Agent, createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, listenOnLoopback, type LoopbackDouble } from './server';

export type Platform = 'salesforce' | 'dataverse' | 'linkedin';

export interface LatencyModel {
  /** Network round trip plus the server's fixed cost, per request. */
  requestMs: number;
  /** Server time per record read or written by the request. */
  recordMs: number;
  /** Requests the platform serves at once; one more is refused with its documented error. */
  maxConcurrent: number;
  /** Requests allowed per rolling window (Dataverse 6,000 per 5 min; LinkedIn per second, per day). */
  windows?: { requests: number; ms: number; daily?: boolean }[];
  /** Server execution time allowed per rolling window (Dataverse: 1,200,000 ms per 300 s). */
  executionMs?: { ms: number; windowMs: number };
}

/** Defaults per platform (150 ms per request, 0.05 ms per record): the figures of the documented limits. */
export function defaultModel(platform: Platform, requestMs = 150, recordMs = 0.05): LatencyModel {
  if (platform === 'salesforce') {
    // Daily allocation: 100,000 + 1,000 per Enterprise licence (salesforce-api.md §7); 25 concurrent.
    return { requestMs, recordMs, maxConcurrent: 25, windows: [{ requests: 200_000, ms: 86_400_000, daily: true }] };
  }
  if (platform === 'dataverse') {
    return {
      requestMs,
      recordMs,
      maxConcurrent: 52,
      windows: [{ requests: 6_000, ms: 300_000 }],
      executionMs: { ms: 1_200_000, windowMs: 300_000 },
    };
  }
  // LinkedIn publishes no per-second figure: 10 at once and 25 a second are the model's assumption.
  return {
    requestMs,
    recordMs,
    maxConcurrent: 10,
    windows: [
      { requests: 25, ms: 1_000 },
      { requests: 100_000, ms: 86_400_000, daily: true },
    ],
  };
}

export interface LatencyStats {
  total: number;
  byKind: Record<string, number>;
  /** Records counted per kind (what the per-record server time was charged on). */
  recordsByKind: Record<string, number>;
  maxInFlight: number;
  /** Requests refused by a limit, per limit. */
  refused: Record<string, number>;
}

type Refusal = { status: number; headers: Record<string, string>; body: string; why: string };

/** The documented answer of each platform to a request over one of its limits. */
function refusal(
  platform: Platform,
  limit: 'concurrent' | 'window' | 'daily' | 'execution',
  retryAfterS: number,
): Refusal {
  if (platform === 'salesforce') {
    const message = limit === 'concurrent' ? 'ConcurrentPerOrgLongTxn Limit exceeded' : 'TotalRequests Limit exceeded.';
    return {
      status: 403,
      headers: {},
      body: JSON.stringify([{ message, errorCode: 'REQUEST_LIMIT_EXCEEDED' }]),
      why: limit,
    };
  }
  if (platform === 'dataverse') {
    const [code, message] =
      limit === 'concurrent'
        ? ['0x80072326', 'Number of concurrent requests exceeded the limit of 52.']
        : limit === 'execution'
          ? [
              '0x80072321',
              'Combined execution time of incoming requests exceeded limit of 1,200,000 milliseconds over time window of 300 seconds.',
            ]
          : ['0x80072322', 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.'];
    return {
      status: 429,
      headers: { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterS))) },
      body: JSON.stringify({ error: { code, message } }),
      why: limit,
    };
  }
  const message =
    limit === 'daily'
      ? 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.'
      : 'Too many requests';
  return { status: 429, headers: {}, body: JSON.stringify({ status: 429, message }), why: limit };
}

/**
 * Records a request reads or writes, as a server would meter them: CSV lines (Bulk uploads and results, export
 * downloads), the parts of a multipart `$batch`, or the elements of a JSON answer or body.
 */
export function countRecords(body: Buffer, contentType: string): number {
  if (!body.length) return 0;
  if (/csv/.test(contentType)) {
    let n = 0;
    for (let i = body.indexOf(10); i !== -1; i = body.indexOf(10, i + 1)) n++;
    return Math.max(0, n - 1);
  }
  if (/multipart/.test(contentType)) {
    // Each part is one operation; a part answering a query counts the records of its page.
    const text = body.toString('utf8');
    const parts = text.split(/^--[^\r\n]+\r?$/m).filter((p) => /^Content-Type: application\/http/im.test(p));
    let n = 0;
    for (const p of parts) {
      const json = p.indexOf('\n{');
      n += json < 0 ? 1 : Math.max(1, countRecords(Buffer.from(p.slice(json + 1).trim()), 'application/json'));
    }
    return n;
  }
  if (/json/.test(contentType)) {
    try {
      const v = JSON.parse(body.toString('utf8')) as unknown;
      if (Array.isArray(v)) return v.length;
      if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        for (const k of ['records', 'value', 'elements']) if (Array.isArray(o[k])) return (o[k] as unknown[]).length;
        if (o.results && typeof o.results === 'object')
          return Object.keys(o.results).length + Object.keys((o.errors as object) ?? {}).length;
      }
    } catch {
      return 1;
    }
    return 1;
  }
  return 0;
}

// A fresh connection to the double per request: a kept-alive one can be closed by the double's idle timeout just
// as it is reused ("socket hang up").
const toDouble = new Agent({ keepAlive: false });

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class LatencyProxy {
  private server: Server | null = null;
  private inFlight = 0;
  private readonly starts: number[][] = [];
  private readonly execution: { at: number; ms: number }[] = [];
  private target = '';
  url = '';
  readonly stats: LatencyStats = { total: 0, byKind: {}, recordsByKind: {}, maxInFlight: 0, refused: {} };

  private constructor(
    private readonly platform: Platform,
    private readonly model: LatencyModel,
    private readonly kindOf: (method: string, path: string) => string,
  ) {
    this.starts = (model.windows ?? []).map(() => []);
  }

  /** A proxy in front of `double` (its request kinds are the double's). */
  static async start(
    double: LoopbackDouble,
    platform: Platform,
    model: LatencyModel = defaultModel(platform),
  ): Promise<LatencyProxy> {
    const p = new LatencyProxy(platform, model, (m, path) => double.requestKind(m, path));
    p.target = double.url;
    await p.listen();
    return p;
  }

  /** The proxy's URL in place of the double's: the same path and query. */
  to(doubleUrl: string): string {
    return doubleUrl.replace(this.target, this.url);
  }

  resetStats(): void {
    Object.assign(this.stats, { total: 0, byKind: {}, recordsByKind: {}, maxInFlight: 0, refused: {} });
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => void this.serve(req, res));
    this.server.keepAliveTimeout = 60_000;
    this.url = await listenOnLoopback(this.server);
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await closeServer(s);
  }

  /** The limit this request would break now, if any (windows are sliding, as Dataverse's is). */
  private overLimit(now: number): Refusal | null {
    if (this.inFlight > this.model.maxConcurrent) return refusal(this.platform, 'concurrent', 1);
    const windows = this.model.windows ?? [];
    for (let w = 0; w < windows.length; w++) {
      const starts = this.starts[w];
      while (starts.length && starts[0] <= now - windows[w].ms) starts.shift();
      if (starts.length >= windows[w].requests)
        return refusal(this.platform, windows[w].daily ? 'daily' : 'window', (starts[0] + windows[w].ms - now) / 1000);
    }
    const ex = this.model.executionMs;
    if (ex) {
      while (this.execution.length && this.execution[0].at <= now - ex.windowMs) this.execution.shift();
      const used = this.execution.reduce((a, e) => a + e.ms, 0);
      if (used >= ex.ms) return refusal(this.platform, 'execution', (this.execution[0].at + ex.windowMs - now) / 1000);
    }
    return null;
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const path = req.url ?? '/';
    const kind = this.kindOf(req.method ?? 'GET', path);
    this.stats.total++;
    this.stats.byKind[kind] = (this.stats.byKind[kind] ?? 0) + 1;
    this.inFlight++;
    this.stats.maxInFlight = Math.max(this.stats.maxInFlight, this.inFlight);
    try {
      const body = await readAll(req);
      const refused = kind === 'token' ? null : this.overLimit(started);
      if (refused) {
        this.stats.refused[refused.why] = (this.stats.refused[refused.why] ?? 0) + 1;
        // A refusal costs the round trip only (Dataverse: "returned immediately").
        await sleep(this.model.requestMs);
        res.writeHead(refused.status, { 'Content-Type': 'application/json', ...refused.headers });
        res.end(refused.body);
        return;
      }
      for (const s of this.starts) s.push(started);
      const answer = await this.forward(req, body);
      const records = Math.max(
        countRecords(body, String(req.headers['content-type'] ?? '')),
        countRecords(answer.body, String(answer.headers['content-type'] ?? '')),
      );
      this.stats.recordsByKind[kind] = (this.stats.recordsByKind[kind] ?? 0) + records;
      const serverMs = records * this.model.recordMs;
      this.execution.push({ at: started, ms: serverMs });
      // The double's own time counts as part of the modelled time (its CPU is not the platform's).
      const wait = this.model.requestMs + serverMs - (Date.now() - started);
      if (wait > 0) await sleep(wait);
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    } catch (err) {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(`latency proxy: ${String((err as Error).message ?? err)}`);
    } finally {
      this.inFlight--;
    }
  }

  /** Sends the request to the double; its own URL in the answer becomes the proxy's, so links come back here. */
  private forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const target = new URL(this.target);
    return new Promise((resolve, reject) => {
      const out = request(
        {
          agent: toDouble,
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host, connection: 'close' },
        },
        (r) => {
          void readAll(r).then((raw) => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(r.headers)) {
              if (
                v === undefined ||
                k === 'content-length' ||
                k === 'transfer-encoding' ||
                k === 'connection' ||
                k === 'keep-alive'
              )
                continue;
              headers[k] = (Array.isArray(v) ? v.join(', ') : v).split(this.target).join(this.url);
            }
            const text = raw.includes(this.target)
              ? Buffer.from(raw.toString('latin1').split(this.target).join(this.url), 'latin1')
              : raw;
            resolve({ status: r.statusCode ?? 502, headers, body: text });
          }, reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }
}

function readAll(s: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on('data', (c: Buffer) => chunks.push(c));
    s.on('end', () => resolve(Buffer.concat(chunks)));
    s.on('error', reject);
  });
}
