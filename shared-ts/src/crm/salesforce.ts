/**
 * `CrmGateway` for Salesforce, on jsforce (API version pinned, never jsforce's default v50.0): SOQL with
 * query locators, describeGlobal, sObject Collections (≤ 200 records per call) for small writes and Bulk API 2.0
 * ingest for larger ones, with per-record results. Field names come from domain/crmSchema through `sfName`.
 */
import { Readable } from 'node:stream';
import { Connection } from 'jsforce';
import type { QueryResult } from 'jsforce/lib/query';
import type { TokenResponse } from 'jsforce/lib/oauth2';
import { SF, SF_VALUES, sfName } from '../domain/crmSchema';
import { CatalogueError } from '../domain/errors';
import { seatFromSalesforce, seatToSalesforce, type Seat } from '../domain/seats/seats';
import { settingsFromSalesforce, settingsToSalesforce } from '../domain/settings/records';
import { testContactSalesforce, type TestContact } from '../domain/testWriteBack/plan';
import { salesforceResolutionFields } from '../domain/writeback/salesforce';
import { networkErrorCode } from '../linkedin/backoff';
import type { SalesforceConfig } from './config';
import type {
  AccountQuery,
  AccountUpdate,
  ActivityQuery,
  ActivityRecord,
  ActivityResolution,
  ActivityType,
  ConnectionCheck,
  CrmAccount,
  CrmActivity,
  CrmContactRole,
  CrmGateway,
  CrmOpportunity,
  CrmPerson,
  CrmSeat,
  CrmSettings,
  CrmStatus,
  CrmUser,
  NotAtCompany,
  OpportunityQuery,
  OpportunityStage,
  Pages,
  PersonFields,
  PersonKind,
  PersonQuery,
  PersonUpdate,
  PersonUpdateList,
  RequestCounts,
  TestActivityRef,
  TestContactResult,
  UserQuery,
  WriteEngine,
  WriteFailure,
  WriteResult,
} from './gateway';
import { testKeys } from './gateway';
import { redactingLog, registerSecret } from './redact';
import { salesforceRequestKind } from './salesforceRequestKind';

/** The objects the integration user must read (issue 6, step 1). */
export const SF_REQUIRED_OBJECTS = ['Account', 'Contact', 'Lead', 'Opportunity', 'OpportunityContactRole', 'Task', 'User', 'UserRole'] as const;

const COLLECTION_MAX = 200;
const IN_CHUNK = 200;
/** Raw CSV per Bulk upload stays under 100 MB (150 MB after base64 is the platform limit). */
const BULK_MAX_BYTES = 90 * 1024 * 1024;
/** Lines joined into one piece of a streamed Bulk upload. */
const BULK_PIECE_ROWS = 2000;

const AUTH_CODES = new Set([
  'INVALID_SESSION_ID',
  'API_DISABLED_FOR_ORG',
  'API_CURRENTLY_DISABLED',
  'INSUFFICIENT_ACCESS',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_PRIVILEGES',
  'invalid_client',
  'invalid_grant',
  'invalid_client_id',
  'unauthorized_client',
]);

/** SOQL string literal: backslash escapes per the SOQL reference (quotes, backslash, control characters). */
export function soqlString(value: string): string {
  const map: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };
  return `'${value.replace(/[\\'"\n\r\t\b\f]/g, (c) => map[c])}'`;
}

/** SOQL datetime literal (no quotes, no milliseconds). */
export function soqlDateTime(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new CatalogueError('API_ERROR', `not a datetime: ${iso}`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const ID_RE = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

function idList(ids: readonly string[]): string {
  if (!ids.length) return '()';
  for (const id of ids) if (!ID_RE.test(id)) throw new CatalogueError('API_ERROR', `not a Salesforce id: ${id.slice(0, 40)}`);
  return `(${ids.map((i) => `'${i}'`).join(',')})`;
}

/** The id-list filters given; the first is split into chunks, the others are ANDed whole. */
function idFilters(candidates: [string, readonly string[] | undefined][]): { field: string; ids: readonly string[] }[] {
  return candidates.filter((c): c is [string, readonly string[]] => c[1] !== undefined).map(([field, ids]) => ({ field, ids }));
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Maps a jsforce / network failure to the catalogue (the platform's code and message in the detail). */
export function salesforceError(err: unknown, what: string, objects: readonly string[] = []): CatalogueError {
  if (err instanceof CatalogueError) return err;
  const net = networkErrorCode(err);
  if (net) return new CatalogueError('CONNECT_FAILED', `Salesforce ${what}: ${net}`);
  const e = err as { errorCode?: string; name?: string; message?: string };
  const code = e.errorCode ?? e.name ?? 'UNKNOWN';
  const detail = `Salesforce ${what}: ${code}: ${e.message ?? ''}`.trim();
  if (AUTH_CODES.has(code)) return new CatalogueError('INSUFFICIENT_ACCESS', detail);
  if ((code === 'INVALID_TYPE' || code === 'NOT_FOUND') && objects.length) return new CatalogueError('OBJECTS_UNREADABLE', detail);
  return new CatalogueError('API_ERROR', detail);
}

type Rec = Record<string, unknown>;
interface SaveResultLike {
  id?: string;
  success: boolean;
  created?: boolean;
  errors?: { statusCode?: string; errorCode?: string; message?: string; fields?: string[] }[];
}

export class SalesforceGateway implements CrmGateway {
  readonly kind = 'salesforce' as const;
  private readonly ns: string | null;
  private readonly version: string;
  private readonly log: (line: string) => void;
  private conn: Promise<Connection> | null = null;
  private readonly counts: RequestCounts = { total: 0, byKind: {} };
  private identity: { userId: string; orgId: string } | null = null;
  private taskStatuses: { open: string; closed: string } | null = null;

  constructor(private readonly cfg: SalesforceConfig) {
    this.ns = cfg.namespace === undefined ? 'navsync' : cfg.namespace || null;
    this.version = cfg.apiVersion ?? '66.0';
    this.log = redactingLog(cfg.log);
    registerSecret(cfg.clientSecret);
    registerSecret(cfg.accessToken);
  }

  /** The URLs this gateway talks to (tests assert they are loopback). */
  endpoints(): string[] {
    return [this.cfg.instanceUrl, this.cfg.loginUrl ?? this.cfg.instanceUrl];
  }

  private n(api: string): string {
    return sfName(api, this.ns);
  }

  requestCounts(): RequestCounts {
    return { total: this.counts.total, byKind: { ...this.counts.byKind } };
  }

  engineFor(n: number): WriteEngine {
    return n > (this.cfg.bulkThreshold ?? COLLECTION_MAX) ? 'bulk' : 'collections';
  }

  /** Collections: one call per 200; Bulk 2.0: create + upload + close + one poll per job (results only on failures). */
  minimumWriteRequests(n: number): number {
    if (n === 0) return 0;
    if (this.engineFor(n) === 'collections') return Math.ceil(n / COLLECTION_MAX);
    return 4 * Math.max(1, Math.ceil((n * 100) / BULK_MAX_BYTES));
  }

  // ---------- connection ----------

  private connection(): Promise<Connection> {
    if (!this.conn) {
      this.conn = this.connect().catch((err: unknown) => {
        this.conn = null;
        throw salesforceError(err, 'login');
      });
    }
    return this.conn;
  }

  private async connect(): Promise<Connection> {
    const { clientId, clientSecret } = this.cfg;
    const loginUrl = this.cfg.loginUrl ?? this.cfg.instanceUrl;
    const conn = new Connection({
      instanceUrl: this.cfg.instanceUrl,
      accessToken: this.cfg.accessToken,
      version: this.version,
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
    this.instrument(conn);
    if (!this.cfg.accessToken && clientId && clientSecret) {
      await conn.authorize({ grant_type: 'client_credentials' });
      registerSecret(conn.accessToken ?? undefined);
    } else if (!this.cfg.accessToken) {
      throw new CatalogueError('INSUFFICIENT_ACCESS', 'Salesforce: no access token and no client credentials configured');
    }
    return conn;
  }

  /** Counts and logs every HTTP request jsforce sends, and applies our retry settings. */
  private instrument(conn: Connection): void {
    const transports = [conn._transport, (conn.oauth2 as unknown as { _transport?: Connection['_transport'] })._transport].filter(Boolean);
    for (const transport of transports) {
      const t = transport as unknown as { httpRequest: (req: { method: string; url: string }, opts?: Rec) => unknown };
      const original = t.httpRequest.bind(t);
      t.httpRequest = (req, opts = {}) => {
        const path = new URL(req.url, this.cfg.instanceUrl).pathname;
        const kind = salesforceRequestKind(req.method, path);
        this.counts.total++;
        this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
        this.log(`salesforce ${req.method} ${req.url}`);
        const retry = this.cfg.retry ? { retry: { maxRetries: this.cfg.retry.maxRetries, minTimeout: this.cfg.retry.minTimeoutMs } } : {};
        return original(req, { ...opts, ...retry });
      };
    }
  }

  private async call<T>(what: string, fn: (c: Connection) => Promise<T>, objects: readonly string[] = []): Promise<T> {
    const conn = await this.connection();
    try {
      return await fn(conn);
    } catch (err) {
      const mapped = salesforceError(err, what, objects);
      this.log(`salesforce ${what} failed: ${mapped.detail ?? mapped.message}`);
      throw mapped;
    }
  }

  private async whoAmI(): Promise<{ userId: string; orgId: string }> {
    if (!this.identity) {
      const info = await this.call('userinfo', (c) => c.request<{ user_id: string; organization_id: string }>('/services/oauth2/userinfo'));
      this.identity = { userId: info.user_id, orgId: info.organization_id };
    }
    return this.identity;
  }

  async instanceId(): Promise<string> {
    return (await this.whoAmI()).orgId;
  }

  async checkConnection(): Promise<ConnectionCheck> {
    const checked = [...SF_REQUIRED_OBJECTS];
    try {
      const { userId } = await this.whoAmI();
      const global = await this.call('describeGlobal', (c) => c.describeGlobal());
      const readable = new Set(global.sobjects.filter((o) => o.queryable).map((o) => o.name));
      const unreadable = checked.filter((o) => !readable.has(o));
      if (unreadable.length) {
        return { ok: false, userId, checked, unreadable, error: new CatalogueError('OBJECTS_UNREADABLE', `Salesforce: cannot read ${unreadable.join(', ')}`) };
      }
      return { ok: true, userId, checked, unreadable: [] };
    } catch (err) {
      return { ok: false, checked, unreadable: [], error: salesforceError(err, 'connection check') };
    }
  }

  /** Field names of an object as this user sees them (describe): e.g. to check the package fields are visible. */
  async fieldsOf(object: string): Promise<string[]> {
    const d = await this.call(`describe ${object}`, (c) => c.sobject(object).describe(), [object]);
    return d.fields.map((f) => f.name);
  }

  // ---------- queries ----------

  /** Runs a SOQL query and yields its pages, following query locators (queryMore). */
  private async *soql<T>(soql: string, map: (r: Rec) => T, objects: readonly string[] = []): AsyncGenerator<T[]> {
    let res: QueryResult<Rec> = await this.call('query', async (c) => (await c.query<Rec>(soql, { autoFetch: false })) as QueryResult<Rec>, objects);
    for (;;) {
      if (res.records.length) yield res.records.map(map);
      if (res.done || !res.nextRecordsUrl) return;
      const locator = res.nextRecordsUrl;
      res = await this.call('queryMore', async (c) => (await c.queryMore<Rec>(locator)) as QueryResult<Rec>, objects);
    }
  }

  /** Splits one id-list filter into IN chunks so the query URL stays short; other conditions are ANDed. */
  private async *chunked<T>(base: string, where: string[], list: { field: string; ids?: readonly string[] } | null, tail: string, map: (r: Rec) => T, object: string): AsyncGenerator<T[]> {
    // An empty id filter selects nothing (and `IN ()` is not valid SOQL).
    if (where.some((w) => w.endsWith(' IN ()'))) return;
    const run = (extra: string[]) => {
      const all = [...where, ...extra];
      return this.soql(`${base}${all.length ? ` WHERE ${all.join(' AND ')}` : ''}${tail}`, map, [object]);
    };
    if (!list?.ids) {
      yield* run([]);
      return;
    }
    for (const part of chunks([...new Set(list.ids)], IN_CHUNK)) yield* run([`${list.field} IN ${idList(part)}`]);
  }

  private personFields(): string[] {
    return Object.values(SF.person).map((f) => this.n(f));
  }

  people(q: PersonQuery): Pages<CrmPerson> {
    const P = SF.person;
    const isContact = q.kind === 'contact';
    const object = isContact ? 'Contact' : 'Lead';
    const fields = ['Id', 'FirstName', 'LastName', 'Email', 'Phone', 'Title', 'OwnerId', 'LastModifiedDate', ...(isContact ? ['AccountId', 'Account.Name'] : ['Company']), ...this.personFields()];
    const where: string[] = [];
    if (!isContact) where.push('IsConverted = false');
    if (q.notAtCompany?.length) {
      const values = q.notAtCompany.filter((v) => v !== 'noFeedback').map((v) => soqlString(toSfFlag(v) as string));
      const parts = [...(values.length ? [`${this.n(P.notAtCompany)} IN (${values.join(',')})`] : []), ...(q.notAtCompany.includes('noFeedback') ? [`${this.n(P.notAtCompany)} = null`] : [])];
      where.push(parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]);
    }
    if (q.withNavSyncData) where.push(`(${this.n(P.memberUrn)} != null OR ${this.n(P.notAtCompany)} != null OR ${this.n(P.syncedAt)} != null)`);
    if (q.syncedBefore) where.push(`(${this.n(P.syncedAt)} = null OR ${this.n(P.syncedAt)} < ${soqlDateTime(q.syncedBefore)})`);
    // Leads have no account: an account filter selects none of them.
    if (!isContact && q.accountIds) return empty();
    const lists = idFilters([['Id', q.ids], ['AccountId', q.accountIds], ['OwnerId', q.ownerIds]]);
    for (const extra of lists.slice(1)) where.push(`${extra.field} IN ${idList(extra.ids)}`);
    const list = lists[0] ?? null;
    return this.chunked(`SELECT ${fields.join(', ')} FROM ${object}`, where, list, '', (r) => this.toPerson(q.kind, r), object);
  }

  private toPerson(kind: 'contact' | 'lead', r: Rec): CrmPerson {
    const P = SF.person;
    const g = (f: string) => (r[this.n(f)] ?? null) as string | null;
    const account = r.Account as { Name?: string } | null | undefined;
    return {
      id: r.Id as string,
      kind,
      firstName: (r.FirstName as string) ?? null,
      lastName: (r.LastName as string) ?? null,
      email: (r.Email as string) ?? null,
      phone: (r.Phone as string) ?? null,
      title: (r.Title as string) ?? null,
      accountId: kind === 'contact' ? ((r.AccountId as string) ?? null) : null,
      companyName: kind === 'contact' ? (account?.Name ?? null) : ((r.Company as string) ?? null),
      ownerId: (r.OwnerId as string) ?? null,
      notAtCompany: fromSfFlag(g(P.notAtCompany)),
      memberUrn: g(P.memberUrn),
      profileUrl: g(P.profileUrl),
      photoUrl: g(P.photoUrl),
      matchSource: g(P.matchSource) === SF_VALUES.matchSource.manual ? 'manual' : g(P.matchSource) === SF_VALUES.matchSource.sync ? 'sync' : null,
      syncedAt: g(P.syncedAt),
      validatedAt: g(P.validatedAt),
      lastModifiedAt: (r.LastModifiedDate as string) ?? null,
    };
  }

  accounts(q: AccountQuery): Pages<CrmAccount> {
    const urn = this.n(SF.account.companyUrn);
    const fields = ['Id', 'Name', 'Website', 'Phone', 'BillingStreet', 'BillingCity', 'BillingState', 'BillingPostalCode', 'NumberOfEmployees', 'Industry', 'OwnerId', urn];
    const where: string[] = [];
    if (q.withCompanyUrn) where.push(`${urn} != null`);
    const lists = idFilters([['Id', q.ids], ['OwnerId', q.ownerIds]]);
    for (const extra of lists.slice(1)) where.push(`${extra.field} IN ${idList(extra.ids)}`);
    const list = lists[0] ?? null;
    return this.chunked(`SELECT ${fields.join(', ')} FROM Account`, where, list, '', (r) => ({
      id: r.Id as string,
      name: (r.Name as string) ?? null,
      website: (r.Website as string) ?? null,
      phone: (r.Phone as string) ?? null,
      street: (r.BillingStreet as string) ?? null,
      city: (r.BillingCity as string) ?? null,
      state: (r.BillingState as string) ?? null,
      postalCode: (r.BillingPostalCode as string) ?? null,
      employees: (r.NumberOfEmployees as number) ?? null,
      industry: (r.Industry as string) ?? null,
      ownerId: (r.OwnerId as string) ?? null,
      companyUrn: (r[urn] as string) ?? null,
    }), 'Account');
  }

  opportunities(q: OpportunityQuery): Pages<CrmOpportunity> {
    const where: string[] = [];
    if (q.openOnly) where.push('IsClosed = false');
    const lists = idFilters([['Id', q.ids], ['AccountId', q.accountIds], ['OwnerId', q.ownerIds]]);
    for (const extra of lists.slice(1)) where.push(`${extra.field} IN ${idList(extra.ids)}`);
    return this.chunked('SELECT Id, Name, AccountId, OwnerId, StageName, IsClosed, IsWon, Amount, CloseDate FROM Opportunity', where, lists[0] ?? null, '', (r) => ({
      id: r.Id as string,
      name: (r.Name as string) ?? null,
      accountId: (r.AccountId as string) ?? null,
      ownerId: (r.OwnerId as string) ?? null,
      stage: (r.StageName as string) ?? null,
      isClosed: Boolean(r.IsClosed),
      isWon: Boolean(r.IsWon),
      amount: (r.Amount as number) ?? null,
      closeDate: (r.CloseDate as string) ?? null,
      primaryContactId: null,
    }), 'Opportunity');
  }

  async opportunityStages(): Promise<OpportunityStage[]> {
    const out: OpportunityStage[] = [];
    for await (const page of this.soql('SELECT ApiName, MasterLabel, SortOrder, IsClosed, IsWon FROM OpportunityStage WHERE IsActive = true ORDER BY SortOrder', (r) => ({
      name: (r.ApiName ?? r.MasterLabel) as string,
      sortOrder: Number(r.SortOrder),
      isClosed: Boolean(r.IsClosed),
      isWon: Boolean(r.IsWon),
    }))) out.push(...page);
    return out;
  }

  contactRoles(opportunityIds: readonly string[]): Pages<CrmContactRole> {
    if (!opportunityIds.length) return empty();
    return this.chunked('SELECT OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole', [], { field: 'OpportunityId', ids: opportunityIds }, '', (r) => ({
      opportunityId: r.OpportunityId as string,
      contactId: r.ContactId as string,
      role: (r.Role as string) ?? null,
      isPrimary: Boolean(r.IsPrimary),
    }), 'OpportunityContactRole');
  }

  users(q: UserQuery): Pages<CrmUser> {
    const where = q.activeOnly ? ['IsActive = true'] : [];
    return this.chunked('SELECT Id, Name, Email, IsActive FROM User', where, q.ids ? { field: 'Id', ids: q.ids } : null, '', (r) => ({
      id: r.Id as string,
      name: (r.Name as string) ?? null,
      email: (r.Email as string) ?? null,
      active: Boolean(r.IsActive),
    }), 'User');
  }

  activities(q: ActivityQuery): Pages<CrmActivity> {
    const T = SF.task;
    const key = this.n(T.activityKey);
    const fields = ['Id', key, this.n(T.activityType), 'OwnerId', 'WhoId', 'IsClosed', this.n(T.personName), this.n(T.personUrn), 'Subject'];
    const where = [`${key} != null`];
    if (q.unresolvedOnly) where.push('WhoId = null', 'IsClosed = false');
    const run = (extra: string[]) =>
      this.soql(`SELECT ${fields.join(', ')} FROM Task WHERE ${[...where, ...extra].join(' AND ')}`, (r) => this.toActivity(r), ['Task']);
    if (!q.keys) return run([]);
    const keys = q.keys;
    const self = this;
    return (async function* () {
      for (const part of chunks([...new Set(keys)], IN_CHUNK)) yield* self.soql(`SELECT ${fields.join(', ')} FROM Task WHERE ${[...where, `${key} IN (${part.map(soqlString).join(',')})`].join(' AND ')}`, (r) => self.toActivity(r), ['Task']);
    })();
  }

  private toActivity(r: Rec): CrmActivity {
    const T = SF.task;
    const typeValue = r[this.n(T.activityType)] as string | null;
    const type = (Object.keys(SF_VALUES.activityType) as ActivityType[]).find((k) => SF_VALUES.activityType[k] === typeValue) ?? null;
    return {
      id: r.Id as string,
      key: r[this.n(T.activityKey)] as string,
      type,
      ownerId: (r.OwnerId as string) ?? null,
      personId: (r.WhoId as string) ?? null,
      completed: Boolean(r.IsClosed),
      personName: (r[this.n(T.personName)] as string) ?? null,
      personUrn: (r[this.n(T.personUrn)] as string) ?? null,
      subject: (r.Subject as string) ?? null,
    };
  }

  // ---------- settings, seats, status ----------

  private settingsObject(): string {
    return this.n(SF.settings.object);
  }

  /** Read through the domain's mapping (domain/settings/records): exactly what the admin pages save. */
  async readSettings(): Promise<CrmSettings> {
    const S = SF.settings;
    const keys = (Object.keys(S) as (keyof typeof S)[]).filter((k) => k !== 'object');
    let row: Rec | null = null;
    for await (const page of this.soql(`SELECT Id, ${keys.map((k) => this.n(S[k])).join(', ')} FROM ${this.settingsObject()} ORDER BY CreatedDate LIMIT 1`, (r) => r, [this.settingsObject()])) row = page[0] ?? null;
    const cursor = row ? (row[this.n(S.exportCursor)] ?? null) : null;
    return {
      ...settingsFromSalesforce(row, this.ns),
      id: row ? (row.Id as string) : null,
      lastRunSummary: row ? ((row[this.n(S.lastRunSummary)] as string | null) ?? null) : null,
      exportCursor: cursor === null || cursor === '' ? null : Number(cursor),
    };
  }

  /** Writes only the patched fields, each in the form the domain's mapping gives it (plus the engine's own two). */
  async writeSettings(patch: Partial<Omit<CrmSettings, 'id'>>): Promise<void> {
    const S = SF.settings;
    const current = await this.readSettings();
    const merged: CrmSettings = { ...current, ...patch };
    const full: Rec = {
      ...settingsToSalesforce(merged, { namespace: this.ns, includeStatus: true }),
      [this.n(S.lastRunSummary)]: merged.lastRunSummary,
      [this.n(S.exportCursor)]: merged.exportCursor === null ? null : String(merged.exportCursor),
    };
    const fields: Rec = {};
    for (const k of Object.keys(patch)) {
      // Keys without a Salesforce field (the Dataverse-only switches) have nothing to write.
      const api = k === 'object' ? undefined : (S as Record<string, string>)[k];
      if (api && Object.prototype.hasOwnProperty.call(full, this.n(api))) fields[this.n(api)] = full[this.n(api)];
    }
    if (!Object.keys(fields).length) return;
    const id = current.id;
    const object = this.settingsObject();
    const res = (await this.call('write settings', (c) => (id ? c.sobject(object).update({ Id: id, ...fields }) : c.sobject(object).create(fields)), [object])) as SaveResultLike;
    if (!res.success) throw new CatalogueError('API_ERROR', `Salesforce write settings: ${errorText(res)}`);
  }

  async writeStatus(status: CrmStatus): Promise<void> {
    await this.writeSettings(status);
  }

  /** Seats through the domain's mapping (opt-out = the multi-select picklist of opted-out items). */
  async readSeats(): Promise<CrmSeat[]> {
    const S = SF.seat;
    const object = this.n(S.object);
    const out: CrmSeat[] = [];
    for await (const page of this.soql(`SELECT Id, ${this.n(S.user)}, ${this.n(S.enabled)}, ${this.n(S.writeBackOptOut)} FROM ${object}`, (r) => {
      const seat = seatFromSalesforce(r, this.ns);
      return seat ? { ...seat, id: r.Id as string } : null;
    }, [object])) out.push(...page.filter((s): s is CrmSeat => s !== null));
    return out;
  }

  /** Upsert by user: existing seats are updated in place (the user lookup is set only on create). */
  async writeSeats(seats: readonly Seat[]): Promise<WriteResult> {
    const S = SF.seat;
    const object = this.n(S.object);
    const existing = new Map((await this.readSeats()).map((s) => [s.userId, s.id]));
    const records = seats.map((s) => {
      const rec: Rec = seatToSalesforce(s, this.ns);
      const id = existing.get(s.userId);
      if (id) {
        delete rec[this.n(S.user)];
        rec.Id = id;
      }
      return { ref: s.userId, rec };
    });
    const updates = records.filter((r) => r.rec.Id);
    const creates = records.filter((r) => !r.rec.Id);
    const a = await this.collections(object, 'update', updates);
    const b = await this.collections(object, 'create', creates);
    return merge(a, b);
  }

  async deleteNavSyncRecords(what: 'seats' | 'settings'): Promise<WriteResult> {
    const object = this.n(what === 'seats' ? SF.seat.object : SF.settings.object);
    const ids: string[] = [];
    for await (const page of this.soql(`SELECT Id FROM ${object}`, (r) => r.Id as string, [object])) ids.push(...page);
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    for (const part of chunks(ids, COLLECTION_MAX)) {
      const res = (await this.call('delete', (c) => c.sobject(object).destroy(part, { allOrNone: false }))) as SaveResultLike[];
      res.forEach((r, i) => (r.success ? out.succeeded.push(part[i]) : out.failed.push(failure(part[i], r))));
    }
    return out;
  }

  // ---------- writes ----------

  private toSfFields(f: PersonFields): Rec {
    const P = SF.person;
    const out: Rec = {};
    if (f.notAtCompany !== undefined) out[this.n(P.notAtCompany)] = toSfFlag(f.notAtCompany);
    if (f.memberUrn !== undefined) out[this.n(P.memberUrn)] = f.memberUrn;
    if (f.profileUrl !== undefined) out[this.n(P.profileUrl)] = f.profileUrl;
    if (f.photoUrl !== undefined) out[this.n(P.photoUrl)] = f.photoUrl;
    if (f.matchSource !== undefined) out[this.n(P.matchSource)] = f.matchSource === null ? null : SF_VALUES.matchSource[f.matchSource];
    if (f.syncedAt !== undefined) out[this.n(P.syncedAt)] = f.syncedAt;
    if (f.validatedAt !== undefined) out[this.n(P.validatedAt)] = f.validatedAt;
    return out;
  }

  async updatePeople(updates: PersonUpdateList): Promise<WriteResult> {
    const result: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    const positions = positionsByKind(updates);
    for (const kind of ['contact', 'lead'] as const) {
      // Each update and record is made when the write asks for it: a validation apply can hold ~800,000 updates.
      const of = positions[kind];
      const u = (i: number) => updates.at(of[i]) as PersonUpdate;
      const rows: WriteRows = { length: of.length, ref: (i) => u(i).id, rec: (i) => { const x = u(i); return { Id: x.id, ...this.toSfFields(x.fields) }; } };
      if (rows.length) merge(result, await this.write(kind === 'contact' ? 'Contact' : 'Lead', 'update', rows), true);
    }
    return result;
  }

  async updateAccounts(updates: readonly AccountUpdate[]): Promise<WriteResult> {
    const urn = this.n(SF.account.companyUrn);
    return this.write('Account', 'update', updates.map((u) => ({ ref: u.id, rec: { Id: u.id, [urn]: u.companyUrn } })));
  }

  private async statuses(): Promise<{ open: string; closed: string }> {
    if (!this.taskStatuses) {
      const rows: Rec[] = [];
      for await (const page of this.soql('SELECT ApiName, IsClosed, IsDefault FROM TaskStatus ORDER BY SortOrder', (r) => r, ['TaskStatus'])) rows.push(...page);
      const closed = rows.find((r) => r.IsClosed)?.ApiName as string | undefined;
      const open = (rows.find((r) => r.IsDefault && !r.IsClosed) ?? rows.find((r) => !r.IsClosed))?.ApiName as string | undefined;
      this.taskStatuses = { open: open ?? 'Not Started', closed: closed ?? 'Completed' };
    }
    return this.taskStatuses;
  }

  async upsertActivities(activities: readonly ActivityRecord[]): Promise<WriteResult> {
    if (!activities.length) return { succeeded: [], failed: [], unprocessed: [] };
    const T = SF.task;
    const st = await this.statuses();
    const rows = activities.map((a) => ({
      ref: a.key,
      rec: {
        [this.n(T.activityKey)]: a.key,
        [this.n(T.activityType)]: SF_VALUES.activityType[a.type],
        [this.n(T.personName)]: a.personName,
        [this.n(T.personUrn)]: a.personUrn,
        Subject: a.subject.slice(0, 255),
        Description: a.body.slice(0, 32_000),
        ActivityDate: a.occurredAt.slice(0, 10),
        Status: a.completed ? st.closed : st.open,
        OwnerId: a.ownerId,
        WhoId: a.person?.id ?? null,
        // A task whose Who is a lead cannot have a What.
        WhatId: a.person?.kind === 'lead' ? null : (a.relatedToId ?? null),
      } as Rec,
    }));
    return this.write('Task', 'upsert', rows, this.n(T.activityKey));
  }

  /**
   * Completes earlier open Tasks: an update by the record id read moments before, with only WhoId, WhatId (never
   * with a lead) and the closed status (domain `salesforceResolutionFields`); Subject and Description are not sent,
   * so they stay. An update cannot create: a Task deleted in between fails per record instead of coming back.
   */
  async resolveActivities(resolutions: readonly ActivityResolution[]): Promise<WriteResult> {
    if (!resolutions.length) return { succeeded: [], failed: [], unprocessed: [] };
    const st = await this.statuses();
    const keyById = new Map(resolutions.map((r) => [r.id, r.key]));
    const rows = resolutions.map((r) => ({
      ref: r.id,
      rec: { Id: r.id, ...salesforceResolutionFields(r, { completedStatus: st.closed, openStatus: st.open, namespace: this.ns }) } as Rec,
    }));
    const byId = await this.write('Task', 'update', rows);
    const key = (id: string) => keyById.get(id) ?? id;
    return {
      succeeded: byId.succeeded.map(key),
      failed: byId.failed.map((f) => ({ ...f, ref: key(f.ref) })),
      unprocessed: byId.unprocessed.map(key),
    };
  }

  /** One Contact through sObject Collections (allOrNone false), so a refusal comes back per record with its fields. */
  async createTestContact(contact: TestContact): Promise<TestContactResult> {
    const res = (await this.call('create Contact', (c) => c.sobject('Contact').create([testContactSalesforce(contact)] as never, { allOrNone: false }), ['Contact'])) as SaveResultLike[];
    const r = res[0];
    if (r?.success && r.id) return { ok: true, id: r.id };
    const e = r?.errors?.[0];
    return { ok: false, code: e?.statusCode ?? e?.errorCode ?? 'UNKNOWN', message: e?.message ?? '', fields: e?.fields ?? [] };
  }

  /** Test Tasks by key: their ids are read by key (a test key only), then deleted through Collections. */
  async deleteTestActivities(refs: readonly TestActivityRef[]): Promise<WriteResult> {
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    const keys = testKeys(refs, out);
    if (!keys.length) return out;
    const idByKey = new Map<string, string>();
    for await (const page of this.activities({ keys })) for (const a of page) idByKey.set(a.key, a.id);
    for (const k of keys) if (!idByKey.has(k)) out.succeeded.push(k); // already gone
    for (const part of chunks([...idByKey], COLLECTION_MAX)) {
      const res = (await this.call('delete Task', (c) => c.sobject('Task').destroy(part.map(([, id]) => id), { allOrNone: false }), ['Task'])) as SaveResultLike[];
      res.forEach((r, i) => (r.success ? out.succeeded.push(part[i][0]) : out.failed.push(failure(part[i][0], r))));
    }
    return out;
  }

  async deleteTestContact(id: string): Promise<WriteResult> {
    idList([id]);
    const res = (await this.call('delete Contact', (c) => c.sobject('Contact').destroy([id], { allOrNone: false }), ['Contact'])) as SaveResultLike[];
    const r = res[0];
    if (r?.success || r?.errors?.[0]?.statusCode === 'ENTITY_IS_DELETED') return { succeeded: [id], failed: [], unprocessed: [] };
    return { succeeded: [], failed: [failure(id, r ?? { success: false })], unprocessed: [] };
  }

  /** Routes a write: ≤ threshold through sObject Collections, above through one Bulk API 2.0 job. */
  private write(object: string, op: 'update' | 'upsert', rows: WriteRows | { ref: string; rec: Rec }[], extField?: string): Promise<WriteResult> {
    const r = Array.isArray(rows) ? listRows(rows) : rows;
    if (this.engineFor(r.length) === 'bulk') return this.bulk(object, op, r, extField);
    const list = Array.isArray(rows) ? rows : Array.from({ length: r.length }, (_, i) => ({ ref: r.ref(i), rec: r.rec(i) }));
    return this.collections(object, op, list, extField);
  }

  private async collections(object: string, op: 'create' | 'update' | 'upsert', rows: { ref: string; rec: Rec }[], extField?: string): Promise<WriteResult> {
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [], created: [] };
    for (const part of chunks(rows, COLLECTION_MAX)) {
      const records = part.map((r) => r.rec);
      const res = (await this.call(`${op} ${object}`, (c) => {
        const so = c.sobject(object);
        if (op === 'upsert') return so.upsert(records as never, extField as string, { allOrNone: false });
        if (op === 'create') return so.create(records as never, { allOrNone: false });
        return so.update(records as never, { allOrNone: false });
      }, [object])) as SaveResultLike[];
      res.forEach((r, i) => {
        const ref = part[i].ref;
        if (r.success) {
          out.succeeded.push(ref);
          if (r.created) out.created?.push(ref);
        } else out.failed.push(failure(ref, r));
      });
    }
    return out;
  }

  /**
   * One Bulk API 2.0 job per upload under the size limit (normally one). The CSV is made while it is uploaded, in
   * pieces of BULK_PIECE_ROWS lines pulled by the request stream: no object per line and no string of the whole file
   * (nor jsforce's copy of it) is ever held, whatever the number of rows.
   */
  private async bulk(object: string, op: 'update' | 'upsert', rows: WriteRows, extField?: string): Promise<WriteResult> {
    const columnSet = new Set<string>();
    for (let i = 0; i < rows.length; i++) for (const k of Object.keys(rows.rec(i))) columnSet.add(k);
    const columns = [...columnSet];
    const refColumn = op === 'upsert' ? (extField as string) : 'Id';
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    const header = `${columns.map(csvCell).join(',')}\n`;
    const lineOf = (rec: Rec): string => {
      let line = bulkCell(rec[columns[0]]);
      for (let c = 1; c < columns.length; c++) line += `,${bulkCell(rec[columns[c]])}`;
      return `${line}\n`;
    };
    // The rows from `start` that fit in one upload; `upload.end` is where the next job starts. Made anew for each
    // attempt, so a retried job uploads the same rows again.
    const upload = { end: 0 };
    function* csvFrom(start: number): Generator<string> {
      yield header;
      let bytes = Buffer.byteLength(header);
      let lines: string[] = [];
      let i = start;
      for (; i < rows.length; i++) {
        const line = lineOf(rows.rec(i));
        const size = Buffer.byteLength(line);
        if (i > start && bytes + size > BULK_MAX_BYTES) break;
        lines.push(line);
        bytes += size;
        if (lines.length >= BULK_PIECE_ROWS) {
          yield lines.join('');
          lines = [];
        }
      }
      if (lines.length) yield lines.join('');
      upload.end = i;
    }
    for (let first = 0; first < rows.length; first = upload.end) {
      const start = first;
      upload.end = start;
      const refs = () => Array.from({ length: upload.end - start }, (_, k) => rows.ref(start + k));
      merge(out, await this.bulkJob(object, op, () => csvFrom(start), refs, refColumn, extField), true);
      if (upload.end <= start) throw new CatalogueError('API_ERROR', `Salesforce bulk ${op} ${object}: the upload ended before its rows were sent`);
    }
    return out;
  }

  private async bulkJob(object: string, op: 'update' | 'upsert', csv: () => Iterable<string>, refsOf: () => string[], refColumn: string, extField?: string): Promise<WriteResult> {
    return this.call(`bulk ${op} ${object}`, async (c) => {
      c.bulk2.pollInterval = this.cfg.bulkPollIntervalMs ?? 2000;
      c.bulk2.pollTimeout = this.cfg.bulkPollTimeoutMs ?? 30 * 60_000;
      const job = c.bulk2.createJob({ object, operation: op, lineEnding: 'LF', ...(extField ? { externalIdFieldName: extField } : {}) });
      await job.open();
      // A fresh stream per attempt (a retried call uploads the rows again).
      await job.uploadData(Readable.from(csv()));
      const refs = refsOf();
      await job.close();
      await job.poll();
      const info = job.getInfo() as { numberRecordsProcessed?: number; numberRecordsFailed?: number };
      const failed = (info.numberRecordsFailed ?? 0) > 0 ? ((await job.getFailedResults()) as unknown as Rec[]) : [];
      const unprocessed = (info.numberRecordsProcessed ?? refs.length) < refs.length ? ((await job.getUnprocessedRecords()) as unknown as Rec[]) : [];
      const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
      const bad = new Set<string>();
      for (const f of failed) {
        const ref = String(f[refColumn] ?? f.sf__Id ?? '');
        const [code, ...rest] = String(f.sf__Error ?? '').split(':');
        out.failed.push({ ref, code: code || 'UNKNOWN', message: rest.join(':').replace(/:[^:]*--\s*$/, '').trim() });
        bad.add(ref);
      }
      for (const u of unprocessed) {
        const ref = String(u[refColumn] ?? '');
        out.unprocessed.push(ref);
        bad.add(ref);
      }
      for (const ref of refs) if (!bad.has(ref)) out.succeeded.push(ref);
      this.log(`salesforce bulk ${op} ${object} ${job.id}: ${out.succeeded.length} ok, ${out.failed.length} failed, ${out.unprocessed.length} unprocessed`);
      return out;
    }, [object]);
  }
}

function toSfFlag(v: NotAtCompany): string | null {
  return v === 'notAtCompany' ? SF_VALUES.notAtCompany.notAtCompany : v === 'ignore' ? SF_VALUES.notAtCompany.ignore : null;
}

function fromSfFlag(v: string | null): NotAtCompany {
  return v === SF_VALUES.notAtCompany.notAtCompany ? 'notAtCompany' : v === SF_VALUES.notAtCompany.ignore ? 'ignore' : 'noFeedback';
}

function errorText(r: SaveResultLike): string {
  return (r.errors ?? []).map((e) => `${e.statusCode ?? e.errorCode}: ${e.message}`).join('; ');
}

function failure(ref: string, r: SaveResultLike): WriteFailure {
  const e = r.errors?.[0];
  return { ref, code: e?.statusCode ?? e?.errorCode ?? 'UNKNOWN', message: e?.message ?? '' };
}

function merge(a: WriteResult, b: WriteResult, inPlace = false): WriteResult {
  const out = inPlace ? a : { succeeded: [...a.succeeded], failed: [...a.failed], unprocessed: [...a.unprocessed], created: [...(a.created ?? [])] };
  append(out.succeeded, b.succeeded);
  append(out.failed, b.failed);
  append(out.unprocessed, b.unprocessed);
  if (b.created) append((out.created ??= []), b.created);
  return out;
}

/** The records of one write, made when asked: a million-row Bulk job keeps no object per row but the caller's. */
interface WriteRows {
  readonly length: number;
  ref(i: number): string;
  rec(i: number): Rec;
}

/** Where the updates of each kind are in the list (one pass: a packed list makes an object per read). */
function positionsByKind(updates: PersonUpdateList): Record<PersonKind, Uint32Array> {
  const contact = new Uint32Array(updates.length);
  const lead = new Uint32Array(updates.length);
  let c = 0;
  let l = 0;
  for (let i = 0; i < updates.length; i++) {
    if ((updates.at(i) as PersonUpdate).kind === 'contact') contact[c++] = i;
    else lead[l++] = i;
  }
  return { contact: contact.subarray(0, c), lead: lead.subarray(0, l) };
}

function listRows(list: readonly { ref: string; rec: Rec }[]): WriteRows {
  return { length: list.length, ref: (i) => list[i].ref, rec: (i) => list[i].rec };
}

/** `into.push(...items)` without spreading: a Bulk job's results can be far more than the call stack takes. */
function append<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Bulk CSV cell: null clears the field (#N/A), undefined leaves it unchanged (empty). */
function bulkCell(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return '#N/A';
  return csvCell(String(v));
}

async function* noPages<T>(): AsyncGenerator<T[]> {
  // nothing to read
}

function empty<T>(): Pages<T> {
  return noPages<T>();
}
