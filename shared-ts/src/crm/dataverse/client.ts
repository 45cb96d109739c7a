/**
 * The Dataverse client the gateway's parts share: one Web API transport on the guarded connections, every request
 * counted, logged, retried after `Retry-After` (429 service protection, 503), re-authenticated once on 401 and
 * mapped to the catalogue; OData pages; entity set names.
 */
import { CatalogueError } from '../../domain/errors';
import { checkUrl, refusedAddress } from '../../net/outbound';
import { defaultSleep, networkErrorCode } from '../../net/backoff';
import type { DataverseConfig } from '../config';
import type { RequestCounts } from '../gateway';
import { chunks } from '../lists';
import { Limiter, collectPages, orderedMap } from '../../net/concurrency';
import { redactingLog, registerSecret } from '../../net/redact';
import { countRequest } from '../../net/requestScope';
import { codeOf, dataverseError, retryAfterMs, type DvError } from './errors';
import { IN_CHUNK, inFilter } from './odata';
import { WebApi, partError, preferences, queryPath, WebApiError } from './webApi';

export type Rec = Record<string, unknown>;
/** One page of an OData query. */
export type Page = { value: Rec[]; '@odata.nextLink'?: string } & Rec;

const BATCH_MAX = 1000;
/**
 * Id-chunk queries per `$batch`: 20 × 100 ids is one validation chunk (2,000 rows) in one request, and a `$batch`
 * of 20 GETs of ~4 kB each stays far below the platform's limits (1,000 requests per batch, 64 kB per URL).
 */
export const QUERIES_PER_BATCH = 20;
/** A connection closed under the request (not a refused or timed-out one; undici reports it as a socket error). */
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);

/** Dynamics 365 online environments: the commercial cloud and the US government and China clouds. */
const ONLINE_HOST = /\.(dynamics\.com|crm\.microsoftdynamics\.us|crm\.appsplatform\.us|dynamics\.cn)$/i;

export class DataverseClient {
  readonly web: WebApi;
  readonly log: (line: string) => void;
  readonly sleep: (ms: number) => Promise<void>;
  readonly counts: RequestCounts = { total: 0, byKind: {} };
  private forceRefresh = false;
  private checked: Promise<void> | null = null;
  /** Until a first call succeeded, a 404 without a Dataverse error code means there is no Web API v9 here. */
  private answered = false;
  private readonly sets = new Map<string, string>();
  /** Every request of this client, side by side up to the configured bound. */
  readonly limiter: Limiter;

  constructor(readonly cfg: DataverseConfig) {
    this.log = redactingLog(cfg.log);
    this.sleep = cfg.sleep ?? ((ms) => defaultSleep(ms));
    this.limiter = new Limiter({ concurrency: cfg.concurrency ?? 16 });
    this.web = new WebApi({
      url: cfg.url,
      version: this.version(),
      // Without a timeout a connection that stays open without an answer would hold the run for ever.
      timeoutMs: this.timeoutMs(),
      policy: cfg.outbound,
      token: async () => {
        const token = await cfg.getToken(this.forceRefresh);
        this.forceRefresh = false;
        registerSecret(token);
        return token;
      },
    });
  }

  /**
   * Dataverse ends a request's own execution after 2 minutes (the limit of ExecuteMultiple, which `$batch` is);
   * the default leaves room for throttled transfers of large pages before a silent connection is given up.
   */
  private timeoutMs(): number {
    return this.cfg.requestTimeoutMs ?? 300_000;
  }

  batchSize(): number {
    return Math.min(BATCH_MAX, this.cfg.batchSize ?? BATCH_MAX);
  }

  /**
   * One Web API request: counted, logged, retried after `Retry-After` on 429 (service protection) and 503, and
   * re-authenticated once on 401. A request that `resendable` (a read, or writes that come out the same when made
   * twice) is sent once more when its connection was reset: a pooled connection the server closed while it sat
   * idle (the platform's load balancer does so after a few minutes) is reused before the client sees it closed.
   */
  async call<T>(
    kind: string,
    what: string,
    fn: () => Promise<T>,
    objects: readonly string[] = [],
    resendable = false,
  ): Promise<T> {
    let reset = false;
    if (!this.checked) this.checked = this.checkEnvironment();
    await this.checked;
    const max = this.cfg.maxRetries ?? 5;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      this.counts.total++;
      countRequest();
      this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
      try {
        const r = await this.limiter.run(fn);
        this.answered = true;
        this.log(`dataverse ${kind} ${what}`);
        return r;
      } catch (err) {
        const e = err as DvError;
        this.log(`dataverse ${kind} ${what} → ${e.status ?? networkErrorCode(err) ?? 'error'} ${codeOf(e)}`);
        if (e.status === 401 && !refreshed) {
          refreshed = true;
          this.forceRefresh = true;
          continue;
        }
        if ((e.status === 429 || e.status === 503) && attempt < max) {
          await this.sleep(retryAfterMs(e.headers, attempt));
          continue;
        }
        if ((err as Error)?.name === 'TimeoutError')
          throw new CatalogueError(
            'CONNECT_FAILED',
            `Dataverse ${what}: no answer within ${this.timeoutMs() / 1000} s`,
          );
        if (resendable && !reset && RESET_CODES.has(networkErrorCode(err) ?? '')) {
          reset = true;
          continue;
        }
        if (!this.answered && e.status === 404 && !codeOf(e))
          throw new CatalogueError(
            'DATAVERSE_UNSUPPORTED',
            `Dataverse: no Web API v${this.version()} at ${this.cfg.url}`,
            404,
          );
        throw dataverseError(err, what, objects);
      }
    }
  }

  private version(): string {
    return this.cfg.apiVersion ?? '9.2';
  }

  /**
   * Before the first request: the URL under the outbound policy, and Dynamics 365 online (on-premises servers and
   * Web API versions before 9 are not supported). The addresses are checked on every connection (`outboundFetch`).
   */
  private async checkEnvironment(): Promise<void> {
    const url = checkUrl(this.cfg.url, 'dataverse', 'api', this.cfg.outbound);
    if (!/^9\.\d+$/.test(this.version()))
      throw new CatalogueError(
        'DATAVERSE_UNSUPPORTED',
        `Dataverse: Web API version ${this.version()} (NavSync needs 9.x)`,
      );
    if (this.cfg.outbound?.allowLoopback && refusedAddress(url.hostname) === 'a loopback address') return;
    if (!ONLINE_HOST.test(url.hostname))
      throw new CatalogueError('DATAVERSE_UNSUPPORTED', `Dataverse: ${url.hostname} is not a Dynamics 365 online host`);
  }

  /** The entity set of a table, read from its metadata once (custom tables do not pluralise predictably). */
  async entitySetName(logicalName: string): Promise<string> {
    const cached = this.sets.get(logicalName);
    if (cached) return cached;
    const r = await this.call(
      'metadata',
      `EntityDefinitions(${logicalName})`,
      () =>
        this.web.get<{ EntitySetName: string }>(
          `EntityDefinitions(LogicalName='${logicalName}')?$select=EntitySetName`,
        ),
      [logicalName],
    );
    this.sets.set(logicalName, r.EntitySetName);
    return r.EntitySetName;
  }

  /** A query's page size and annotations (formatted values: lookups' names, choices' labels). */
  private queryHeaders(): Record<string, string> {
    return {
      Prefer: preferences({
        maxPageSize: this.cfg.pageSize ?? 5000,
        annotations: 'OData.Community.Display.V1.FormattedValue',
      }),
    };
  }

  /** OData query pages, following `@odata.nextLink` with the same maxpagesize. */
  async *odata<T>(
    collection: string,
    select: string[],
    filter: string | undefined,
    map: (r: Rec) => T,
    objects: readonly string[],
    orderBy?: string[],
    after?: string,
  ): AsyncGenerator<T[]> {
    let next: string | undefined = after ?? queryPath(collection, { select, filter, orderBy });
    while (next) {
      const link: string = next;
      const page: Page = await this.call(
        'query',
        collection,
        () => this.web.get<Page>(link, this.queryHeaders()),
        objects,
        true,
      );
      if (page.value.length) yield page.value.map(map);
      next = page['@odata.nextLink'];
    }
  }

  /**
   * The first page of several queries in one `$batch` (one request toward the service protection count, however
   * many queries it holds); a query with more pages goes on with its `@odata.nextLink`, on its own.
   */
  private async batchedPages<T>(
    collection: string,
    select: string[],
    filters: string[],
    map: (r: Rec) => T,
    objects: readonly string[],
  ): Promise<T[][]> {
    if (filters.length === 1) return collectPages(this.odata(collection, select, filters[0], map, objects));
    const firsts = await this.call(
      'batch',
      `${filters.length} queries of ${collection}`,
      () =>
        this.web.batch(
          filters.map((filter) => ({
            method: 'GET' as const,
            url: queryPath(collection, { select, filter }),
            headers: this.queryHeaders(),
          })),
          { changeSet: false },
        ),
      objects,
      true,
    );
    const out: T[][] = [];
    for (let i = 0; i < filters.length; i++) {
      const a = firsts[i];
      const r = (a && !(a instanceof WebApiError) ? a.body : undefined) as Page | undefined;
      if (!r || !Array.isArray(r.value))
        throw dataverseError(
          a ?? partError({ status: 500, headers: {}, body: 'no answer' }),
          `query ${collection}`,
          objects,
        );
      if (r.value.length) out.push(r.value.map(map));
      const link = r['@odata.nextLink'];
      if (link)
        out.push(...(await collectPages(this.odata(collection, select, filters[i], map, objects, undefined, link))));
    }
    return out;
  }

  /** Runs a query per chunk of the first id filter (URLs stay short); other filters are ANDed. */
  async *chunked<T>(
    collection: string,
    select: string[],
    where: string[],
    lists: [string, readonly string[] | undefined][],
    map: (r: Rec) => T,
    objects: readonly string[],
  ): AsyncGenerator<T[]> {
    const given = lists.filter((l): l is [string, readonly string[]] => l[1] !== undefined);
    if (given.some(([, ids]) => ids.length === 0)) return;
    const [first, ...rest] = given;
    const fixed = [...where, ...rest.map(([col, ids]) => inFilter(col, ids))];
    const run = (extra: string[]) => {
      const all = [...fixed, ...extra];
      return this.odata(collection, select, all.length ? all.join(' and ') : undefined, map, objects);
    };
    if (!first) {
      yield* run([]);
      return;
    }
    // The chunks' queries go QUERIES_PER_BATCH to a `$batch`, the batches side by side; their pages come out in
    // the order of the ids.
    const filter = (part: readonly string[]) => [...fixed, inFilter(first[0], part)].join(' and ');
    const groups = chunks(chunks([...new Set(first[1])], IN_CHUNK), QUERIES_PER_BATCH);
    const answers = orderedMap(groups, this.limiter.concurrency, (group) =>
      this.batchedPages(collection, select, group.map(filter), map, objects),
    );
    for await (const pages of answers) yield* pages;
  }
}
