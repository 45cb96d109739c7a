/**
 * The Dataverse Web API requests NavSync makes, sent over NavSync's own guarded connections (`outboundFetch`: the
 * outbound policy on every URL, the checked DNS lookup on every connection, the response size cap). dynamics-web-api's
 * Node transport opens its connections through module-level agents that take no lookup, and reads every answer
 * whole into memory, so it cannot give those guarantees; the requests themselves are the documented ones
 * (dataverse-api.md §5–6): OData headers, `Prefer` preferences, `If-Match`, `$batch` multipart bodies.
 */
import { refused } from '../../net/outbound';
import type { OutboundPolicy } from '../../net/outbound';
import { outboundFetch } from '../../net/http';
import type { DvError } from './errors';
import { bodyOf, composeBatch, parseBatch, type PartAnswer, type PartRequest } from './multipart';

export type { PartAnswer, PartRequest };

/** The longest GET URL sent as it is (the length dynamics-web-api also keeps to). */
const LONG_GET = 2048;

export interface WebApiOptions {
  /** The environment's URL, e.g. https://contoso.crm.dynamics.com */
  url: string;
  version: string;
  timeoutMs: number;
  /** The bearer token for each request; `refresh` after a 401. */
  token: () => Promise<string>;
  policy?: OutboundPolicy;
}

/** A Web API answer with an error status: the platform's error object, status and headers. */
export class WebApiError extends Error implements DvError {
  readonly code: string;
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly error: { code?: string; message?: string },
  ) {
    super(error.message || `HTTP ${status}`);
    this.code = error.code ?? '';
  }
}

/** The error of an answer part (its `error` object, or the text it carried). */
export function partError(a: PartAnswer): WebApiError {
  const body = a.body as { error?: { code?: string; message?: string }; Message?: string } | string | undefined;
  const error =
    typeof body === 'object' && body
      ? (body.error ?? { message: body.Message })
      : { message: typeof body === 'string' ? body : undefined };
  return new WebApiError(a.status, a.headers, error);
}

function headersOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  res.headers.forEach((v, k) => (out[k] = v));
  return out;
}

/** `Prefer` preferences of a query: page size and the annotations to include. */
export function preferences(o: { maxPageSize?: number; annotations?: string; continueOnError?: boolean }): string {
  const p: string[] = [];
  if (o.maxPageSize) p.push(`odata.maxpagesize=${o.maxPageSize}`);
  if (o.annotations) p.push(`odata.include-annotations="${o.annotations}"`);
  if (o.continueOnError) p.push('odata.continue-on-error');
  return p.join(',');
}

export interface Query {
  select?: readonly string[];
  filter?: string;
  orderBy?: readonly string[];
  top?: number;
}

/** `set?$select=…&$filter=…` with OData's own encoding of each option. */
export function queryPath(set: string, q: Query): string {
  const params: string[] = [];
  if (q.select?.length) params.push(`$select=${q.select.join(',')}`);
  if (q.filter) params.push(`$filter=${encodeURIComponent(q.filter)}`);
  if (q.orderBy?.length) params.push(`$orderby=${encodeURIComponent(q.orderBy.join(','))}`);
  if (q.top !== undefined) params.push(`$top=${q.top}`);
  return params.length ? `${set}?${params.join('&')}` : set;
}

export class WebApi {
  /** The service root, ending in `/`: https://org.crm.dynamics.com/api/data/v9.2/ */
  readonly root: string;

  constructor(private readonly o: WebApiOptions) {
    this.root = `${o.url.replace(/\/+$/, '')}/api/data/v${o.version}/`;
  }

  /** A path relative to the service root, or an absolute URL the service gave (a next link) on the same origin. */
  resolve(path: string): string {
    if (!/^https?:/i.test(path)) return this.root + path;
    if (new URL(path).origin !== new URL(this.root).origin)
      throw refused(`dataverse api: next link to ${new URL(path).host} not followed`);
    return path;
  }

  private async fetch(method: string, path: string, headers: Record<string, string>, body?: string) {
    const token = await this.o.token();
    return outboundFetch(
      this.resolve(path),
      {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          'OData-MaxVersion': '4.0',
          'OData-Version': '4.0',
          ...(body !== undefined && !headers['Content-Type'] ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body } : {}),
        signal: AbortSignal.timeout(this.o.timeoutMs),
      },
      { platform: 'dataverse', purpose: 'api', policy: this.o.policy },
    );
  }

  /**
   * One request; an answer of 400 and above is thrown as a `WebApiError`. A GET whose URL is longer than the
   * front end takes (id filters, next links of such queries, FetchXML) goes inside a `$batch` of its own, where
   * URLs may be up to 64 KB (dataverse-api.md §5.1): still one request.
   */
  async send(r: PartRequest): Promise<PartAnswer> {
    if (r.method === 'GET' && this.resolve(r.url).length > LONG_GET) {
      const [answer] = await this.batch([r], { changeSet: false });
      if (!answer) throw new WebApiError(500, {}, { message: 'the $batch answer holds no part' });
      if (answer instanceof WebApiError) throw answer;
      return answer;
    }
    const res = await this.fetch(
      r.method,
      r.url,
      r.headers ?? {},
      r.body === undefined ? undefined : JSON.stringify(r.body),
    );
    const answer = { status: res.status, headers: headersOf(res), body: bodyOf(await res.text()) };
    if (res.status >= 400) throw partError(answer);
    return answer;
  }

  async get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return (await this.send({ method: 'GET', url: path, headers })).body as T;
  }

  /** Creates a row; its id comes from the `OData-EntityId` header. */
  async create(set: string, data: unknown, headers: Record<string, string> = {}): Promise<string> {
    const a = await this.send({ method: 'POST', url: set, body: data, headers });
    const entity = a.headers['odata-entityid'] ?? '';
    return /\(([0-9a-f-]{36})\)\s*$/i.exec(entity)?.[1] ?? entity;
  }

  /**
   * One `$batch`. `changeSet`: the requests are one change set, applied whole or not at all. The answer holds one
   * entry per request in order: its answer, or a `WebApiError` for a part with an error status. A batch whose
   * own status is an error without parts (a malformed batch, throttling, auth) is thrown.
   */
  async batch(
    requests: readonly PartRequest[],
    o: { changeSet: boolean; continueOnError?: boolean },
  ): Promise<(PartAnswer | WebApiError)[]> {
    const { contentType, body } = composeBatch(
      requests.map((r) => ({ ...r, url: this.resolve(r.url) })),
      o.changeSet,
    );
    const prefer = preferences({ continueOnError: o.continueOnError });
    const res = await this.fetch(
      'POST',
      '$batch',
      { 'Content-Type': contentType, ...(prefer ? { Prefer: prefer } : {}) },
      body,
    );
    const text = await res.text();
    const type = res.headers.get('content-type');
    if (!/multipart\/mixed/i.test(type ?? ''))
      throw partError({ status: res.status, headers: headersOf(res), body: bodyOf(text) });
    return parseBatch(text, type).map((a) => (a.status >= 400 ? partError(a) : a));
  }
}
