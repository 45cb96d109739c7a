/**
 * Client of LinkedIn's Sales Navigator Sync Services API (Data Validation exports, Profile Associations),
 * as documented in shared/reference/linkedin-sync-services.md. Application token by client credentials,
 * Rest.li 2.0 protocol, bounded backoff on 429/5xx, the daily limit reported as LinkedInDailyLimitError.
 */
import { CatalogueError } from '../domain/errors';
import { Limiter } from '../net/concurrency';
import { redactingLog, registerSecret } from '../net/redact';
import { backoffDelay, defaultSleep, networkErrorCode, type BackoffPolicy } from '../net/backoff';
import { outboundFetch } from '../net/http';
import type { ColumnMapping, SyncServicesConfig } from './config';
import { LinkedInDailyLimitError, nextMidnightUtc } from './errors';
import { flattenBatches, resolveColumns } from './exportRows';
import { parseExportInWorker } from './parseInWorker';
import {
  crmInstanceUrn,
  decodeComplexKey,
  encodeComplexKey,
  encodeKeyList,
  encodeUrnParam,
  type AssociationKey,
} from './restli';
import type {
  AssociationBatch,
  ExportItem,
  ExportRequest,
  LinkedInSource,
  ProfileAssociation,
  RequestCounts,
  ValidationExport,
} from './source';

const TWO_HOURS = 2 * 60 * 60 * 1000;
/** LinkedIn words the application/member daily quota as "… DAY limit …" in the 429 body. */
const DAILY_LIMIT_RE = /\bDAY\s+limit\b/i;

interface Job {
  jobId?: number | string;
  status?: string;
  exportStartAt?: number;
  exportEndAt?: number;
  nextExportStartAt?: number;
  downloadUrls?: string[];
  downloadUrl?: string;
  expireAt?: number;
}

interface AssociationJson {
  member?: string;
  profile?: string;
  profilePhoto?: string;
}

/**
 * The longest BATCH_GET URL sent: LinkedIn documents no limit; 8,192 characters is the usual request-line limit of
 * front ends (the double enforces it), less room for the method and protocol.
 */
const MAX_URL_LENGTH = 8000;

export class SyncServicesSource implements LinkedInSource {
  readonly kind = 'api' as const;
  private readonly api: string;
  private readonly tokenUrl: string;
  private readonly columns: ColumnMapping;
  private readonly policy: BackoffPolicy;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  private readonly log: (line: string) => void;
  private readonly instanceParam: string;
  private token: { value: string; expiresAt: number } | null = null;
  /** The token request in flight, shared by requests side by side (one token, not one each). */
  private tokenRequest: Promise<string> | null = null;
  private readonly batches: Limiter;
  /** Every request, retries included, within the per-second bound. */
  private readonly rate: Limiter;
  private readonly counts: RequestCounts = { total: 0, byKind: {} };

  constructor(private readonly cfg: SyncServicesConfig) {
    this.api = (cfg.apiBaseUrl ?? 'https://api.linkedin.com/v2').replace(/\/$/, '');
    this.tokenUrl = cfg.tokenUrl ?? 'https://www.linkedin.com/oauth/v2/accessToken';
    this.columns = resolveColumns(cfg.columns);
    this.policy = {
      maxRetries: cfg.maxRetries ?? 5,
      baseMs: cfg.backoffBaseMs ?? 1000,
      capMs: cfg.backoffCapMs ?? 60_000,
      random: cfg.random ?? Math.random,
    };
    this.now = cfg.now ?? Date.now;
    this.sleep = cfg.sleep ?? defaultSleep;
    this.log = redactingLog(cfg.log);
    this.instanceParam = encodeUrnParam(crmInstanceUrn(cfg.crmKey, cfg.crmInstanceValue));
    registerSecret(cfg.clientSecret);
    this.batches = new Limiter({ concurrency: cfg.concurrency ?? 4 });
    this.rate = new Limiter({ concurrency: Infinity, perSecond: cfg.requestsPerSecond ?? 20 });
  }

  requestCounts(): RequestCounts {
    return { total: this.counts.total, byKind: { ...this.counts.byKind } };
  }

  /** The URLs this client was configured with (tests assert they are loopback). */
  endpoints(): string[] {
    return [this.api, this.tokenUrl];
  }

  private count(kind: string): void {
    this.counts.total++;
    this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
  }

  // ---------- token ----------

  private async accessToken(signal?: AbortSignal): Promise<string> {
    const margin = this.cfg.tokenRefreshMarginMs ?? 5 * 60_000;
    if (this.token && this.now() < this.token.expiresAt - margin) return this.token.value;
    if (!this.tokenRequest) this.tokenRequest = this.newToken(signal).finally(() => (this.tokenRequest = null));
    return this.tokenRequest;
  }

  private async newToken(signal?: AbortSignal): Promise<string> {
    const body = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.cfg.clientId,
      client_secret: this.cfg.clientSecret,
    });
    const res = await this.send('token', 'POST', this.tokenUrl, {
      body: body.toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      auth: false,
      signal,
    });
    const json = (await res.json().catch(() => ({}))) as {
      access_token?: string;
      expires_in?: number;
      error?: string;
      error_description?: string;
    };
    if (!res.ok || !json.access_token) {
      const detail =
        `LinkedIn token request: HTTP ${res.status} ${json.error ?? ''} ${json.error_description ?? ''}`.trim();
      throw new CatalogueError(
        res.status === 400 || res.status === 401 || res.status === 403 ? 'LINKEDIN_ACCESS' : 'API_ERROR',
        detail,
        res.status,
      );
    }
    registerSecret(json.access_token);
    this.token = { value: json.access_token, expiresAt: this.now() + (json.expires_in ?? 1800) * 1000 };
    return json.access_token;
  }

  // ---------- HTTP with retries ----------

  private async send(
    kind: string,
    method: string,
    url: string,
    opts: { body?: string; headers?: Record<string, string>; auth?: boolean; signal?: AbortSignal; restli?: boolean },
  ): Promise<Response> {
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      if (opts.restli !== false && opts.auth !== false) headers['X-Restli-Protocol-Version'] = '2.0.0';
      if (opts.auth !== false) headers.Authorization = `Bearer ${await this.accessToken(opts.signal)}`;
      let res: Response;
      if (kind !== 'token' && kind !== 'download') await this.rate.pace();
      this.count(kind);
      try {
        // API calls time out (a hung connection is a LINKEDIN_CONNECT_FAILED); downloads stream for as long as they need.
        const timeout = kind === 'download' ? undefined : AbortSignal.timeout(this.cfg.requestTimeoutMs ?? 60_000);
        const signal = timeout && opts.signal ? AbortSignal.any([timeout, opts.signal]) : (timeout ?? opts.signal);
        const purpose = kind === 'token' || kind === 'download' ? kind : 'api';
        res = await outboundFetch(
          url,
          { method, headers, body: opts.body, signal },
          { platform: 'linkedin', purpose, policy: this.cfg.outbound },
        );
      } catch (err) {
        const code = networkErrorCode(err);
        if (!code) throw err;
        this.log(`linkedin ${method} ${url} → ${code}`);
        if (attempt >= this.policy.maxRetries)
          throw new CatalogueError('LINKEDIN_CONNECT_FAILED', `LinkedIn ${kind} request: ${code}`);
        await this.sleep(backoffDelay(attempt, this.policy), opts.signal);
        continue;
      }
      this.log(`linkedin ${method} ${url} → ${res.status}`);
      if (res.status === 401 && opts.auth !== false && !refreshed) {
        // Expired or revoked application token: mint a new one once.
        await res.body?.cancel();
        this.token = null;
        refreshed = true;
        attempt--;
        continue;
      }
      if (res.status === 429) {
        const text = await res.text();
        if (DAILY_LIMIT_RE.test(text) || attempt >= this.policy.maxRetries) {
          const why = DAILY_LIMIT_RE.test(text)
            ? 'LinkedIn daily request limit reached'
            : `LinkedIn kept answering 429 after ${attempt} retries`;
          throw new LinkedInDailyLimitError(nextMidnightUtc(new Date(this.now())), why);
        }
        await this.sleep(backoffDelay(attempt, this.policy), opts.signal);
        continue;
      }
      if (res.status >= 500 && attempt < this.policy.maxRetries) {
        await res.body?.cancel();
        await this.sleep(backoffDelay(attempt, this.policy), opts.signal);
        continue;
      }
      return res;
    }
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    let detail = text.slice(0, 300);
    try {
      const j = JSON.parse(text) as { serviceErrorCode?: number; code?: string; message?: string };
      detail = [j.code, j.serviceErrorCode, j.message].filter((x) => x !== undefined).join(' ');
    } catch {
      /* not JSON: keep the text */
    }
    const kind = res.status === 401 || res.status === 403 ? 'LINKEDIN_ACCESS' : 'API_ERROR';
    throw new CatalogueError(kind, `LinkedIn ${what}: HTTP ${res.status} ${detail}`.trim(), res.status);
  }

  // ---------- Data Validation export ----------

  async exportValidation(req: ExportRequest): Promise<ValidationExport> {
    const created = await this.send(
      'exportCreate',
      'POST',
      `${this.api}/crmDataValidationExportJobs?crmInstanceId=${this.instanceParam}`,
      {
        body: JSON.stringify({ exportStartAt: req.since }),
        headers: { 'Content-Type': 'application/json' },
        signal: req.signal,
      },
    );
    if (created.status !== 201 && !created.ok) await this.fail(created, 'create export job');
    await created.body?.cancel();
    const jobId =
      created.headers.get('x-restli-id') ??
      /\/crmDataValidationExportJobs\/([^/?]+)/.exec(created.headers.get('location') ?? '')?.[1];
    if (!jobId)
      throw new CatalogueError(
        'API_ERROR',
        'LinkedIn create export job: no X-RestLi-Id or Location header',
        created.status,
      );
    req.onProgress?.({ phase: 'created', jobId });

    const started = this.now();
    const timeout = this.cfg.pollTimeoutMs ?? TWO_HOURS;
    let interval = this.cfg.pollIntervalMs ?? 5000;
    let job: Job;
    for (let polls = 1; ; polls++) {
      job = await this.readJob(jobId, req.signal);
      req.onProgress?.({ phase: 'polling', jobId, polls });
      if (job.status === 'COMPLETED') break;
      if (job.status && job.status !== 'PROCESSING' && job.status !== 'ENQUEUED') {
        throw new CatalogueError('API_ERROR', `LinkedIn export job ${jobId} ended with status ${job.status}`);
      }
      if (this.now() - started + interval > timeout) {
        throw new CatalogueError(
          'API_ERROR',
          `LinkedIn export job ${jobId} did not complete within ${Math.round(timeout / 60_000)} minutes`,
        );
      }
      await this.sleep(interval, req.signal);
      interval = Math.min(this.cfg.pollIntervalCapMs ?? 5 * 60_000, Math.ceil(interval * 1.5));
    }
    const urls = downloadUrls(job);
    const exportEndAt = job.exportEndAt ?? req.now ?? this.now();
    return {
      jobId,
      exportStartAt: job.exportStartAt ?? req.since,
      exportEndAt,
      nextCursor: job.nextExportStartAt ?? exportEndAt,
      fileCount: urls.length,
      batches: () => this.download(jobId, urls, req),
      items: () => flattenBatches(this.download(jobId, urls, req)),
    };
  }

  private async readJob(jobId: string, signal?: AbortSignal): Promise<Job> {
    const res = await this.send(
      'exportGet',
      'GET',
      `${this.api}/crmDataValidationExportJobs/${encodeURIComponent(jobId)}?crmInstanceId=${this.instanceParam}`,
      { signal },
    );
    if (!res.ok) await this.fail(res, `read export job ${jobId}`);
    return (await res.json()) as Job;
  }

  /** Streams every file; an expired URL or a cut-off download re-reads the job for fresh URLs and resumes. */
  /** Every download URL in turn, one array of rows per chunk; an expired or cut-off URL re-reads the job and resumes. */
  private async *download(jobId: string, initial: string[], req: ExportRequest): AsyncGenerator<ExportItem[]> {
    let urls = initial;
    let rereads = 0;
    let rows = 0;
    for (let i = 0; i < urls.length; i++) {
      const source = `download ${i + 1} of ${urls.length}`;
      let done = 0;
      for (;;) {
        let failure: string | null = null;
        const res = await this.send('download', 'GET', urls[i], { auth: false, signal: req.signal });
        if (res.ok && res.body) {
          try {
            for await (const batch of parseExportInWorker(res.body as AsyncIterable<Uint8Array>, {
              source,
              mapping: this.columns,
              skipItems: done,
              delimiter: this.cfg.delimiter,
            })) {
              done += batch.length;
              const before = rows;
              for (const item of batch) if (item.ok) rows++;
              if (Math.floor(rows / 10_000) > Math.floor(before / 10_000))
                req.onProgress?.({ phase: 'downloading', jobId, rows });
              yield batch;
            }
            break;
          } catch (err) {
            if (!networkErrorCode(err) && !(err instanceof TypeError)) throw err;
            failure = `cut off after ${done} rows`;
          }
        } else if ([401, 403, 404, 410].includes(res.status)) {
          await res.body?.cancel();
          failure = `HTTP ${res.status} (expired)`;
        } else {
          await this.fail(res, `download ${i + 1}`);
        }
        if (++rereads > 3)
          throw new CatalogueError('API_ERROR', `LinkedIn export ${jobId}: ${source} failed: ${failure}`);
        this.log(`linkedin export ${jobId}: ${source} ${failure}; re-reading the job`);
        const fresh = downloadUrls(await this.readJob(jobId, req.signal));
        if (fresh.length !== urls.length)
          throw new CatalogueError('API_ERROR', `LinkedIn export ${jobId}: file list changed on re-read`);
        urls = fresh;
      }
    }
  }

  // ---------- Profile Associations ----------

  private key(recordId: string): AssociationKey {
    return { instanceId: this.cfg.associationInstanceId, partner: this.cfg.partner, recordId };
  }

  async getAssociation(recordId: string): Promise<ProfileAssociation | null> {
    const res = await this.send(
      'association',
      'GET',
      `${this.api}/salesNavigatorProfileAssociations/${encodeComplexKey(this.key(recordId))}`,
      {},
    );
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) await this.fail(res, 'profile association');
    return toAssociation(recordId, (await res.json()) as AssociationJson);
  }

  async getAssociations(recordIds: readonly string[]): Promise<AssociationBatch> {
    const out: AssociationBatch = { found: new Map(), notFound: [], failed: new Map() };
    const unique = [...new Set(recordIds)];
    const base = `${this.api}/salesNavigatorProfileAssociations?ids=`;
    const maxIds = this.cfg.batchMaxIds ?? 100;
    const maxLen = this.cfg.maxUrlLength ?? MAX_URL_LENGTH;
    // Each batch takes as many keys as fit (by count and URL length), its length summed as keys are added:
    // `base` + `List(` + the keys joined by commas + `)`.
    const parts: string[][] = [];
    let chunk: string[] = [];
    let length = 0;
    for (const id of unique) {
      const key = encodeComplexKey(this.key(id)).length;
      if (chunk.length && (chunk.length >= maxIds || length + 1 + key + 1 > maxLen)) {
        parts.push(chunk);
        chunk = [];
      }
      length = chunk.length ? length + 1 + key : base.length + 'List('.length + key;
      chunk.push(id);
    }
    if (chunk.length) parts.push(chunk);
    // The batches run side by side within the bound (shared by every caller of this source).
    await Promise.all(parts.map((p) => this.batches.run(() => this.batch(base, p, out))));
    return out;
  }

  private async batch(base: string, ids: string[], out: AssociationBatch): Promise<void> {
    const res = await this.send('associationBatch', 'GET', base + encodeKeyList(ids.map((r) => this.key(r))), {});
    if (!res.ok) await this.fail(res, 'profile associations batch');
    const body = (await res.json()) as {
      results?: Record<string, AssociationJson>;
      errors?: Record<string, { status?: number; message?: string }>;
      statuses?: Record<string, number>;
    };
    const seen = new Set<string>();
    const idOf = (k: string) => decodeComplexKey(k)?.recordId;
    for (const [k, v] of Object.entries(body.results ?? {})) {
      const id = idOf(k);
      if (!id) continue;
      const a = toAssociation(id, v);
      seen.add(id);
      if (a) out.found.set(id, a);
      else out.failed.set(id, { status: 200, message: 'association without member or profile' });
    }
    const problems: [string, number, string][] = [];
    for (const [k, v] of Object.entries(body.errors ?? {})) problems.push([k, v.status ?? 500, v.message ?? '']);
    for (const [k, v] of Object.entries(body.statuses ?? {})) if (v !== 200) problems.push([k, v, '']);
    for (const [k, status, message] of problems) {
      const id = idOf(k);
      if (!id || seen.has(id)) continue;
      seen.add(id);
      if (status === 404) out.notFound.push(id);
      else out.failed.set(id, { status, message });
    }
    for (const id of ids) if (!seen.has(id)) out.notFound.push(id);
  }
}

function downloadUrls(job: Job): string[] {
  if (job.downloadUrls?.length) return job.downloadUrls;
  return job.downloadUrl ? [job.downloadUrl] : [];
}

function toAssociation(recordId: string, j: AssociationJson): ProfileAssociation | null {
  if (!j.member || !j.profile) return null;
  const a: ProfileAssociation = { recordId, memberUrn: j.member, profileUrl: j.profile };
  if (j.profilePhoto) a.photoUrl = j.profilePhoto;
  return a;
}
