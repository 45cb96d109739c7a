/**
 * The Dataverse client the gateway's parts share: one dynamics-web-api instance, every request counted, logged,
 * retried after `Retry-After` (429 service protection, 503), re-authenticated once on 401 and mapped to the
 * catalogue; OData pages; entity set names.
 */
import { lookup } from 'node:dns/promises';
import { DynamicsWebApi } from 'dynamics-web-api';
import { CatalogueError } from '../../domain/errors';
import { checkUrl, refusedAddress, refused } from '../../net/outbound';
import { defaultSleep, networkErrorCode } from '../../net/backoff';
import type { DataverseConfig } from '../config';
import type { RequestCounts } from '../gateway';
import { chunks } from '../lists';
import { Limiter, collectPages, orderedMap } from '../../net/concurrency';
import { redactingLog, registerSecret } from '../../net/redact';
import { codeOf, dataverseError, retryAfterMs, type DvError } from './errors';
import { IN_CHUNK, inFilter } from './odata';

export type Rec = Record<string, unknown>;

const BATCH_MAX = 1000;

/** Dynamics 365 online environments: the commercial cloud and the US government and China clouds. */
const ONLINE_HOST = /\.(dynamics\.com|crm\.microsoftdynamics\.us|crm\.appsplatform\.us|dynamics\.cn)$/i;

export class DataverseClient {
  readonly api: DynamicsWebApi;
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
    this.api = this.newApi();
  }

  /** A client of its own for one `$batch` (dynamics-web-api composes a batch on the instance). */
  newApi(): DynamicsWebApi {
    const cfg = this.cfg;
    return new DynamicsWebApi({
      serverUrl: cfg.url,
      dataApi: { version: cfg.apiVersion ?? '9.2' },
      onTokenRefresh: async () => {
        const token = await cfg.getToken(this.forceRefresh);
        this.forceRefresh = false;
        registerSecret(token);
        return token;
      },
    });
  }

  batchSize(): number {
    return Math.min(BATCH_MAX, this.cfg.batchSize ?? BATCH_MAX);
  }

  /**
   * One Web API request: counted, logged, retried after `Retry-After` on 429 (service protection) and 503, and
   * re-authenticated once on 401.
   */
  async call<T>(kind: string, what: string, fn: () => Promise<T>, objects: readonly string[] = []): Promise<T> {
    if (!this.checked) this.checked = this.checkEnvironment();
    await this.checked;
    const max = this.cfg.maxRetries ?? 5;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      this.counts.total++;
      this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
      try {
        const r = await this.limiter.run(fn);
        this.answered = true;
        this.log(`dataverse ${kind} ${what}`);
        return r;
      } catch (err) {
        const e = (Array.isArray(err) ? {} : err) as DvError;
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
   * Before the first request: the URL under the outbound policy, Dynamics 365 online (on-premises servers and Web
   * API versions before 9 are not supported), and the host's addresses. dynamics-web-api opens its own connections,
   * so the addresses are checked here, once, rather than on every connect.
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
    const addresses = await lookup(url.hostname, { all: true }).catch(() => []);
    const bad = addresses.find((a) => refusedAddress(a.address, this.cfg.outbound));
    if (bad)
      throw refused(
        `dataverse api ${url.hostname} resolves to ${refusedAddress(bad.address, this.cfg.outbound)} (${bad.address})`,
      );
  }

  /** The entity set of a table, read from its metadata once (custom tables do not pluralise predictably). */
  async entitySetName(logicalName: string): Promise<string> {
    const cached = this.sets.get(logicalName);
    if (cached) return cached;
    const r = await this.call(
      'metadata',
      `EntityDefinitions(${logicalName})`,
      () =>
        this.api.retrieveEntity<{ EntitySetName: string }>({
          key: `LogicalName='${logicalName}'`,
          select: ['EntitySetName'],
        }),
      [logicalName],
    );
    this.sets.set(logicalName, r.EntitySetName);
    return r.EntitySetName;
  }

  /** OData query pages, following `@odata.nextLink` with the same maxpagesize. */
  async *odata<T>(
    collection: string,
    select: string[],
    filter: string | undefined,
    map: (r: Rec) => T,
    objects: readonly string[],
    orderBy?: string[],
  ): AsyncGenerator<T[]> {
    const request = {
      collection,
      select,
      ...(filter ? { filter } : {}),
      ...(orderBy ? { orderBy } : {}),
      maxPageSize: this.cfg.pageSize ?? 5000,
      includeAnnotations: 'OData.Community.Display.V1.FormattedValue',
    };
    let next: string | undefined;
    do {
      const link = next;
      const page = await this.call('query', collection, () => this.api.retrieveMultiple<Rec>(request, link), objects);
      if (page.value.length) yield page.value.map(map);
      next = page.oDataNextLink;
    } while (next);
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
    // The chunks' queries run side by side; their pages come out in the order of the ids.
    const parts = chunks([...new Set(first[1])], IN_CHUNK);
    const answers = orderedMap(parts, this.limiter.concurrency, (part) => collectPages(run([inFilter(first[0], part)])));
    for await (const pages of answers) yield* pages;
  }
}
