/**
 * Loopback double of LinkedIn Sync Services (shared/reference/linkedin-sync-services.md): the client-credentials
 * token endpoint, `crmDataValidationExportJobs` (create → 201 + X-RestLi-Id/Location, poll, signed download
 * URLs served by this same server) and `salesNavigatorProfileAssociations` (GET and BATCH_GET with
 * `results`/`errors`/`statuses`). Answers 429 without Retry-After headers, as LinkedIn does.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeComplexKey, decodeKeyList, encodeComplexKey } from '../linkedin/restli';
import { LoopbackDouble, sendJson, streamOut } from './server';

/** A file: its whole text, or a generator of chunks (for large generated exports). */
export type ExportFile = string | (() => Iterable<string> | AsyncIterable<string>);

export interface AssociationSeed {
  recordId: string;
  member: string;
  profile: string;
  profilePhoto?: string;
}

export interface LinkedInDoubleOptions {
  clientId?: string;
  clientSecret?: string;
  /** Lifetime of issued tokens, seconds (default 1800). */
  tokenTtlSec?: number;
  /** Polls answered PROCESSING before a job completes (default 1). */
  pollsUntilComplete?: number;
  /** Export files served for every new job. */
  exportFiles?: ExportFile[];
  associations?: AssociationSeed[];
}

interface JobState {
  id: number;
  exportStartAt: number;
  exportEndAt: number;
  polls: number;
  files: ExportFile[];
  crmInstanceId: string;
}

export const MAX_URL_LENGTH = 8192;

export const DAILY_LIMIT_BODY = JSON.stringify({
  status: 429,
  serviceErrorCode: 101,
  message: 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
});

export class LinkedInDouble extends LoopbackDouble {
  readonly clientId: string;
  readonly clientSecret: string;
  private tokens = new Map<string, number>();
  private jobs = new Map<number, JobState>();
  private nextJobId = 148;
  private urlGeneration = randomBytes(6).toString('hex');
  private associations = new Map<string, AssociationSeed>();
  private exportFiles: ExportFile[];
  private dailyLimitReached = false;
  private cutNextDownloadAt: number | undefined;
  private scopeDenied = false;
  /** Every crmInstanceId / complex key instanceId the client sent (decoded), for contract assertions. */
  readonly seenInstances = new Set<string>();
  /** Tokens issued so far (the test of token refresh reads this). */
  tokensIssued = 0;

  constructor(private readonly opts: LinkedInDoubleOptions = {}) {
    super();
    this.clientId = opts.clientId ?? 'navsync-demo-client';
    this.clientSecret = opts.clientSecret ?? 'demo-secret-not-real-0001';
    this.exportFiles = opts.exportFiles ?? [];
    for (const a of opts.associations ?? []) this.associations.set(a.recordId, a);
  }

  static async start(opts: LinkedInDoubleOptions = {}): Promise<LinkedInDouble> {
    return new LinkedInDouble(opts).listen();
  }

  get apiBaseUrl(): string {
    return `${this.url}/v2`;
  }
  get tokenUrl(): string {
    return `${this.url}/oauth/v2/accessToken`;
  }

  // ---------- seeding and faults ----------

  seedExport(files: ExportFile[]): void {
    this.exportFiles = files;
  }
  seedAssociations(list: AssociationSeed[]): void {
    for (const a of list) this.associations.set(a.recordId, a);
  }
  /** Every later API call answers 429 "APPLICATION DAY limit" until cleared. */
  setDailyLimit(reached: boolean): void {
    this.dailyLimitReached = reached;
  }
  /** Invalidate every issued token (the next API call gets 401). */
  expireTokens(): void {
    this.tokens.clear();
  }
  /** Signed download URLs handed out so far stop working (403); re-reading the job gives fresh ones. */
  expireDownloadUrls(): void {
    this.urlGeneration = randomBytes(6).toString('hex');
  }
  /** The next download is cut off after this many bytes. */
  cutNextDownload(afterBytes: number): void {
    this.cutNextDownloadAt = afterBytes;
  }
  /** The app lacks the r_sales_nav_* permission: API calls answer 403. */
  denyScope(denied: boolean): void {
    this.scopeDenied = denied;
  }
  jobCount(): number {
    return this.jobs.size;
  }

  // ---------- routing ----------

  protected kindOf(method: string, path: string): string {
    if (path.startsWith('/oauth/v2/accessToken')) return 'token';
    if (path.startsWith('/ambry/')) return 'download';
    if (path.startsWith('/v2/crmDataValidationExportJobs')) return method === 'POST' ? 'exportCreate' : 'exportGet';
    if (path.startsWith('/v2/salesNavigatorProfileAssociations?')) return 'associationBatch';
    if (path.startsWith('/v2/salesNavigatorProfileAssociations/')) return 'association';
    return 'unknown';
  }

  protected handle(kind: string, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> | void {
    if (kind === 'token') return this.token(req, res, body);
    if (kind === 'download') return this.download(req, res);
    if (kind === 'unknown') return sendJson(res, 404, { status: 404, message: `No resource for ${req.url}` });
    // Front-end servers refuse longer request lines; the client must chunk BATCH_GET ids below this.
    if ((req.url ?? '').length > MAX_URL_LENGTH)
      return sendJson(res, 414, { status: 414, message: 'Request-URI Too Long' });
    // Every Sync Services call: application token + Rest.li 2.0.
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const expires = auth ? this.tokens.get(auth) : undefined;
    if (!auth || expires === undefined || expires < Date.now()) {
      return sendJson(res, 401, {
        status: 401,
        serviceErrorCode: 65601,
        code: 'EXPIRED_ACCESS_TOKEN',
        message: 'The token used in the request has expired',
      });
    }
    if (req.headers['x-restli-protocol-version'] !== '2.0.0') {
      return sendJson(res, 400, {
        status: 400,
        message: 'Missing or unsupported X-Restli-Protocol-Version (expected 2.0.0)',
      });
    }
    if (this.dailyLimitReached) {
      res.writeHead(429, { 'Content-Type': 'application/json' });
      res.end(DAILY_LIMIT_BODY);
      return;
    }
    if (this.scopeDenied) {
      return sendJson(res, 403, {
        status: 403,
        serviceErrorCode: 100,
        code: 'ACCESS_DENIED',
        message: 'Not enough permissions to access: partnerApiSalesNavigator',
      });
    }
    if (kind === 'exportCreate') return this.createJob(req, res, body);
    if (kind === 'exportGet') return this.getJob(req, res);
    if (kind === 'association') return this.association(req, res);
    return this.associationBatch(req, res);
  }

  private token(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const form = new URLSearchParams(body.toString('utf8'));
    if (req.method !== 'POST' || form.get('grant_type') !== 'client_credentials') {
      return sendJson(res, 400, {
        error: 'invalid_request',
        error_description: 'A required parameter "grant_type" is missing or invalid',
      });
    }
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return sendJson(res, 401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    }
    const token = `AQV${randomBytes(24).toString('base64url')}`;
    const ttl = this.opts.tokenTtlSec ?? 1800;
    this.tokens.set(token, Date.now() + ttl * 1000);
    this.tokensIssued++;
    sendJson(res, 200, { access_token: token, expires_in: ttl });
  }

  /** The raw (still percent-encoded) value of a query parameter: Rest.li values must not be decoded twice. */
  private rawParam(req: IncomingMessage, name: string): string | undefined {
    const q = (req.url ?? '').split('?')[1] ?? '';
    for (const part of q.split('&')) {
      const i = part.indexOf('=');
      if (i > 0 && part.slice(0, i) === name) return part.slice(i + 1);
    }
    return undefined;
  }

  private instance(req: IncomingMessage, res: ServerResponse): string | null {
    const raw = this.rawParam(req, 'crmInstanceId');
    let urn = '';
    try {
      urn = raw === undefined ? '' : decodeURIComponent(raw);
    } catch {
      urn = '';
    }
    if (!raw || /[()]/.test(raw) || !/^urn:li:crmInstance:\([A-Z_]+,[^,()]+\)$/.test(urn)) {
      sendJson(res, 400, {
        status: 400,
        message: 'crmInstanceId must be a URL-encoded urn:li:crmInstance:(CRM_KEY,VALUE)',
      });
      return null;
    }
    this.seenInstances.add(urn);
    return urn;
  }

  private createJob(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const urn = this.instance(req, res);
    if (!urn) return;
    let exportStartAt: unknown;
    try {
      exportStartAt = (JSON.parse(body.toString('utf8')) as { exportStartAt?: unknown }).exportStartAt;
    } catch {
      exportStartAt = undefined;
    }
    if (typeof exportStartAt !== 'number' || !Number.isInteger(exportStartAt)) {
      return sendJson(res, 400, { status: 400, message: 'exportStartAt (epoch milliseconds) is required' });
    }
    const id = this.nextJobId++;
    this.jobs.set(id, {
      id,
      exportStartAt,
      exportEndAt: Date.now(),
      polls: 0,
      files: [...this.exportFiles],
      crmInstanceId: urn,
    });
    res.writeHead(201, { Location: `/crmDataValidationExportJobs/${id}`, 'X-RestLi-Id': String(id) });
    res.end();
  }

  private getJob(req: IncomingMessage, res: ServerResponse): void {
    const urn = this.instance(req, res);
    if (!urn) return;
    const id = Number(/^\/v2\/crmDataValidationExportJobs\/(\d+)/.exec(req.url ?? '')?.[1]);
    const job = this.jobs.get(id);
    if (!job || job.crmInstanceId !== urn)
      return sendJson(res, 404, { status: 404, message: `Export job ${id} not found` });
    job.polls++;
    const done = job.polls > (this.opts.pollsUntilComplete ?? 1);
    sendJson(res, 200, {
      jobId: job.id,
      exportStartAt: job.exportStartAt,
      exportEndAt: job.exportEndAt,
      status: done ? 'COMPLETED' : 'PROCESSING',
      ...(done
        ? {
            downloadUrls: job.files.map(
              (_, i) => `${this.url}/ambry/?x-li-ambry-ep=${this.urlGeneration}.${job.id}.${i}`,
            ),
            nextExportStartAt: job.exportEndAt,
            expireAt: Date.now() + 3600_000,
          }
        : {}),
    });
  }

  private async download(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sig = new URL(req.url ?? '/', this.url).searchParams.get('x-li-ambry-ep') ?? '';
    const [gen, jobId, index] = sig.split('.');
    const file = this.jobs.get(Number(jobId))?.files[Number(index)];
    if (gen !== this.urlGeneration || file === undefined) {
      res.writeHead(403, { 'Content-Type': 'text/plain' });
      res.end('Signature expired');
      return;
    }
    const cut = this.cutNextDownloadAt;
    this.cutNextDownloadAt = undefined;
    res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
    await streamOut(res, typeof file === 'string' ? [file] : file(), cut);
  }

  private association(req: IncomingMessage, res: ServerResponse): void {
    const raw = (req.url ?? '').slice('/v2/salesNavigatorProfileAssociations/'.length).split('?')[0];
    const key = decodeComplexKey(raw);
    if (!key || !key.instanceId || !key.partner || !key.recordId) {
      return sendJson(res, 400, { status: 400, message: 'Invalid key: expected (instanceId:…,partner:…,recordId:…)' });
    }
    this.seenInstances.add(`${key.partner}:${key.instanceId}`);
    const a = this.associations.get(key.recordId);
    if (!a) return sendJson(res, 404, { status: 404, message: 'No high-confidence match for this record' });
    sendJson(res, 200, toJson(a));
  }

  private associationBatch(req: IncomingMessage, res: ServerResponse): void {
    const raw = this.rawParam(req, 'ids');
    const keys = raw === undefined ? null : decodeKeyList(raw);
    if (!keys)
      return sendJson(res, 400, { status: 400, message: 'ids must be List((instanceId:…,partner:…,recordId:…),…)' });
    const results: Record<string, unknown> = {};
    const errors: Record<string, unknown> = {};
    const statuses: Record<string, number> = {};
    for (const k of keys) {
      const key = decodeComplexKey(k);
      if (!key || !key.recordId || !key.instanceId || !key.partner) {
        return sendJson(res, 400, { status: 400, message: `Invalid key ${k}` });
      }
      this.seenInstances.add(`${key.partner}:${key.instanceId}`);
      // Keys come back in the server's canonical form.
      const canonical = encodeComplexKey({ instanceId: key.instanceId, partner: key.partner, recordId: key.recordId });
      const a = this.associations.get(key.recordId);
      if (a) {
        results[canonical] = toJson(a);
        statuses[canonical] = 200;
      } else {
        statuses[canonical] = 404;
        errors[canonical] = { status: 404, message: 'No high-confidence match for this record' };
      }
    }
    sendJson(res, 200, { statuses, results, errors });
  }
}

function toJson(a: AssociationSeed): Record<string, string> {
  // profilePhoto is omitted when the member has no public photo.
  return { member: a.member, profile: a.profile, ...(a.profilePhoto ? { profilePhoto: a.profilePhoto } : {}) };
}
