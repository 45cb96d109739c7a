/**
 * The connections NavSync opens: undici agents whose DNS lookup is `guardedLookup` (so the address checked is the
 * address connected to), a fetch that checks every URL and every redirect against the outbound policy, and response
 * size limits: raw bytes on the socket, and decoded bytes after decompression (a small gzip body may not inflate past
 * a hundred times its size).
 */
import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';
import { setDispatcher } from 'jsforce/lib/request';
import { CatalogueError } from '../domain/errors';
import {
  checkRedirect,
  checkUrl,
  guardedLookup,
  refusalIn,
  refused,
  type OutboundPolicy,
  type Platform,
  type Purpose,
} from './outbound';

const MiB = 1024 * 1024;
/** Largest decoded body per purpose: token answers are tiny, API pages and Bulk results large, export files larger. */
export const MAX_BODY_BYTES: Record<Purpose, number> = { token: 1 * MiB, api: 512 * MiB, download: 4096 * MiB };
/** A compressed body may decode to at most this many times its size (and at least 16 MiB). */
const MAX_INFLATION = 100;
const MIN_INFLATED = 16 * MiB;
const MAX_REDIRECTS = 5;

function tooLarge(limit: number, what: string): CatalogueError {
  return new CatalogueError('RESPONSE_TOO_LARGE', `${what}: more than ${Math.round(limit / MiB)} MiB`);
}

/** Bytes of one response as they came off the socket (compressed, when the body is). */
interface RawCount {
  bytes: number;
}

/** Counts the bytes of each response a dispatcher receives and aborts it past `limit`. */
class CappedHandler implements Dispatcher.DispatchHandler {
  constructor(
    private readonly limit: number,
    private readonly what: string,
    private readonly inner: Dispatcher.DispatchHandler,
    private readonly raw: RawCount = { bytes: 0 },
  ) {}
  onRequestStart(c: Dispatcher.DispatchController, ctx: unknown) {
    return this.inner.onRequestStart?.(c, ctx);
  }
  onRequestUpgrade(c: Dispatcher.DispatchController, s: number, h: Record<string, string | string[]>, sock: never) {
    return this.inner.onRequestUpgrade?.(c, s, h, sock);
  }
  onResponseStart(c: Dispatcher.DispatchController, s: number, h: Record<string, string | string[]>, m?: string) {
    return this.inner.onResponseStart?.(c, s, h, m);
  }
  onResponseData(c: Dispatcher.DispatchController, chunk: Buffer) {
    this.raw.bytes += chunk.length;
    if (this.raw.bytes > this.limit) return c.abort(tooLarge(this.limit, this.what));
    return this.inner.onResponseData?.(c, chunk);
  }
  onResponseEnd(c: Dispatcher.DispatchController, trailers: Record<string, string | string[]>) {
    return this.inner.onResponseEnd?.(c, trailers);
  }
  onResponseError(c: Dispatcher.DispatchController, err: Error) {
    return this.inner.onResponseError?.(c, err);
  }
}

const agents = new Map<boolean, Agent>();

/** One connection pool per policy: connections only to addresses the policy allows. */
function guardedAgent(policy: OutboundPolicy): Agent {
  const key = policy.allowLoopback === true;
  let agent = agents.get(key);
  if (!agent) {
    agent = new Agent({ connect: { lookup: guardedLookup(policy) as never } });
    agents.set(key, agent);
  }
  return agent;
}

/** The guarded pool with a body limit: each response's bytes off the socket are counted into `raw` and capped. */
export function outboundAgent(
  policy: OutboundPolicy = {},
  limit = MAX_BODY_BYTES.download,
  what = 'response',
  raw?: RawCount,
): Dispatcher {
  return guardedAgent(policy).compose(
    (dispatch) => (opts, handler) => dispatch(opts, new CappedHandler(limit, what, handler, raw)),
  );
}

let jsforceGuarded = false;
/**
 * jsforce sends through one process-wide undici dispatcher: it gets the guarded lookup (names resolving to private,
 * loopback or link-local addresses are refused; the doubles are reached by their literal 127.0.0.1 address, which the
 * per-request URL check allows) and the API body limit.
 */
export function guardJsforce(): void {
  if (jsforceGuarded) return;
  setDispatcher(outboundAgent({}, MAX_BODY_BYTES.api, 'Salesforce response'));
  jsforceGuarded = true;
}

/**
 * Wraps a body so that reading past `limit` decoded bytes fails, and, for a compressed body, past a hundred times
 * the bytes received so far (at least 16 MiB): the ratio holds whether or not the server gave a Content-Length.
 */
function capBody(res: Response, limit: number, what: string, raw: RawCount, encoded: boolean): Response {
  if (!res.body) return res;
  let seen = 0;
  const counted = res.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        seen += chunk.byteLength;
        const cap = encoded ? Math.min(limit, Math.max(MIN_INFLATED, raw.bytes * MAX_INFLATION)) : limit;
        if (seen > cap) ctl.error(tooLarge(cap, what));
        else ctl.enqueue(chunk);
      },
    }),
  );
  return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
}

export interface OutboundRequest {
  platform: Platform;
  purpose: Purpose;
  policy?: OutboundPolicy;
}

/**
 * `fetch` under the outbound policy: the URL and every redirect target are checked (redirects are followed only
 * within the same origin), connections go through the guarded agent, and the body is capped.
 */
export async function outboundFetch(url: string, init: RequestInit, o: OutboundRequest): Promise<Response> {
  let target = checkUrl(url, o.platform, o.purpose, o.policy);
  let req = init;
  const limit = MAX_BODY_BYTES[o.purpose];
  const what = `${o.platform} ${o.purpose} response`;
  for (let hops = 0; ; hops++) {
    let res: Response;
    const raw: RawCount = { bytes: 0 };
    try {
      res = (await undiciFetch(target, {
        ...(req as object),
        redirect: 'manual',
        dispatcher: outboundAgent(o.policy, limit, what, raw),
      })) as unknown as Response;
    } catch (err) {
      throw refusalIn(err) ?? err;
    }
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      await res.body?.cancel();
      if (hops >= MAX_REDIRECTS) throw refused(`${o.platform} ${o.purpose}: more than ${MAX_REDIRECTS} redirects`);
      target = checkUrl(checkRedirect(target, location), o.platform, o.purpose, o.policy);
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && req.method === 'POST')) {
        req = { ...req, method: 'GET', body: undefined };
      }
      continue;
    }
    const length = Number(res.headers.get('content-length'));
    const encoded = !!res.headers.get('content-encoding') && res.headers.get('content-encoding') !== 'identity';
    if (!encoded && length > limit) {
      await res.body?.cancel();
      throw tooLarge(limit, what);
    }
    return capBody(res, limit, what, raw, encoded);
  }
}
