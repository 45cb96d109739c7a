/**
 * `CrmGateway` for Salesforce, on jsforce (API version pinned, never jsforce's default v50.0): SOQL with
 * query locators, describeGlobal, sObject Collections (≤ 200 records per call) for small writes and Bulk API 2.0
 * ingest for larger ones (bulk.ts), with per-record results. Field names come from domain/crmSchema through `sfName`.
 */
import { SF, SF_VALUES } from '../../domain/crmSchema';
import { serverDate } from '../../net/serverTime';
import { CatalogueError } from '../../domain/errors';
import type { Seat } from '../../domain/seats/seats';
import { testContactSalesforce, type TestContact } from '../../domain/testWriteBack/plan';
import { salesforceResolutionFields } from '../../domain/writeback/salesforce';
import type { SalesforceConfig } from '../config';
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
  LeftJob,
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
  WriteResult,
} from '../gateway';
import { testKeys } from '../gateway';
import { chunks, empty } from '../lists';
import { bulkUploadLimit, type WriteRows } from './bulk';
import { COLLECTION_MAX, SalesforceClient, type Rec } from './client';
import { failure, salesforceError, type SaveResultLike } from './errors';
import { fromSfFlag, toSfFlag } from './flags';
import { merge } from './results';
import { SalesforceSettingsStore } from './settings';
import { IN_CHUNK, idFilters, idList, soqlDateTime, soqlString } from './soql';

/** The objects the integration user must read (issue 6, step 1). */
export const SF_REQUIRED_OBJECTS = [
  'Account',
  'Contact',
  'Lead',
  'Opportunity',
  'OpportunityContactRole',
  'Task',
  'User',
  'UserRole',
] as const;

/** The objects NavSync writes through Bulk API 2.0. */
const NAVSYNC_OBJECTS = new Set(['Contact', 'Lead', 'Account', 'Task']);

interface BulkJobList {
  done: boolean;
  nextRecordsUrl?: string | null;
  records?: { id: string; object: string; state: string; createdById: string; createdDate?: string }[];
}

export class SalesforceGateway implements CrmGateway {
  readonly kind = 'salesforce' as const;
  /** A query of more than `bulkQueryThreshold` records is read through one Bulk API 2.0 query job (client.ts). */
  readonly bulkReads = true;
  private readonly sf: SalesforceClient;
  private readonly ns: string | null;
  private readonly store: SalesforceSettingsStore;
  private identity: { userId: string; orgId: string } | null = null;
  private taskStatuses: { open: string; closed: string } | null = null;

  constructor(private readonly cfg: SalesforceConfig) {
    this.sf = new SalesforceClient(cfg);
    this.ns = this.sf.ns;
    this.store = new SalesforceSettingsStore(this.sf);
  }

  private n(api: string): string {
    return this.sf.n(api);
  }

  engineFor(n: number): WriteEngine {
    return this.sf.engineFor(n);
  }

  /** The URLs this gateway talks to (tests assert they are loopback). */
  endpoints(): string[] {
    return [this.cfg.instanceUrl, this.cfg.loginUrl ?? this.cfg.instanceUrl];
  }

  requestCounts(): RequestCounts {
    return { total: this.sf.counts.total, byKind: { ...this.sf.counts.byKind } };
  }

  /**
   * Collections: one call per 200; Bulk 2.0: create + upload + close + one poll per job (results only on failures),
   * as many jobs as uploads the CSV (`bytes`, as one file) needs at the upload limit the writer splits at.
   */
  minimumWriteRequests(n: number, bytes = 0): number {
    if (n === 0) return 0;
    if (this.engineFor(n) === 'collections') return Math.ceil(n / COLLECTION_MAX);
    return 4 * Math.max(1, Math.ceil(bytes / bulkUploadLimit(this.cfg.bulkMaxUploadBytes)));
  }

  private async whoAmI(): Promise<{ userId: string; orgId: string }> {
    if (!this.identity) {
      const info = await this.sf.call('userinfo', (c) =>
        c.request<{ user_id: string; organization_id: string }>('/services/oauth2/userinfo'),
      );
      this.identity = { userId: info.user_id, orgId: info.organization_id };
    }
    return this.identity;
  }

  /**
   * The package's Keep-Ignore triggers act on the writes of a user who holds the NavSync Integration permission set
   * (its custom permission). Reading assignments may need "View Setup and Configuration": without it, 'unknown'.
   */
  private async ignoreGuard(userId: string): Promise<'on' | 'off' | 'unknown'> {
    const ns = this.ns ? soqlString(this.ns) : 'null';
    const soql =
      `SELECT Id FROM PermissionSetAssignment WHERE AssigneeId = ${soqlString(userId)}` +
      ` AND PermissionSet.Name = 'NavSync_Integration' AND PermissionSet.NamespacePrefix = ${ns} LIMIT 1`;
    try {
      for await (const page of this.sf.soql(soql, (r) => r.Id, ['PermissionSetAssignment'])) {
        if (page.length) return 'on';
      }
      return 'off';
    } catch {
      return 'unknown';
    }
  }

  serverTime(): Promise<number | null> {
    return serverDate(`${this.cfg.instanceUrl.replace(/\/$/, '')}/services/data/`, 'salesforce', this.cfg.outbound);
  }

  async instanceId(): Promise<string> {
    return (await this.whoAmI()).orgId;
  }

  async checkConnection(): Promise<ConnectionCheck> {
    const checked = [...SF_REQUIRED_OBJECTS];
    try {
      const { userId } = await this.whoAmI();
      const global = await this.sf.call('describeGlobal', (c) => c.describeGlobal());
      const readable = new Set(global.sobjects.filter((o) => o.queryable).map((o) => o.name));
      const unreadable = checked.filter((o) => !readable.has(o));
      if (unreadable.length) {
        return {
          ok: false,
          userId,
          checked,
          unreadable,
          error: new CatalogueError('OBJECTS_UNREADABLE', `Salesforce: cannot read ${unreadable.join(', ')}`),
        };
      }
      return { ok: true, userId, checked, unreadable: [], ignoreGuard: await this.ignoreGuard(userId) };
    } catch (err) {
      return { ok: false, checked, unreadable: [], error: salesforceError(err, 'connection check') };
    }
  }

  /** Field names of an object as this user sees them (describe): e.g. to check the package fields are visible. */
  async fieldsOf(object: string): Promise<string[]> {
    const d = await this.sf.call(`describe ${object}`, (c) => c.sobject(object).describe(), [object]);
    return d.fields.map((f) => f.name);
  }

  // ---------- queries ----------

  private personFields(): string[] {
    return Object.values(SF.person).map((f) => this.n(f));
  }

  people(q: PersonQuery): Pages<CrmPerson> {
    const P = SF.person;
    const isContact = q.kind === 'contact';
    const object = isContact ? 'Contact' : 'Lead';
    const fields = [
      'Id',
      'FirstName',
      'LastName',
      'Email',
      'Phone',
      'Title',
      'OwnerId',
      'LastModifiedDate',
      ...(isContact ? ['AccountId', 'Account.Name'] : ['Company']),
      ...this.personFields(),
    ];
    const where: string[] = [];
    if (!isContact) where.push('IsConverted = false');
    if (q.notAtCompany?.length) {
      const values = q.notAtCompany.filter((v) => v !== 'noFeedback').map((v) => soqlString(toSfFlag(v) as string));
      const parts = [
        ...(values.length ? [`${this.n(P.notAtCompany)} IN (${values.join(',')})`] : []),
        ...(q.notAtCompany.includes('noFeedback') ? [`${this.n(P.notAtCompany)} = null`] : []),
      ];
      where.push(parts.length > 1 ? `(${parts.join(' OR ')})` : parts[0]);
    }
    if (q.withNavSyncData)
      where.push(
        `(${this.n(P.memberUrn)} != null OR ${this.n(P.notAtCompany)} != null OR ${this.n(P.syncedAt)} != null)`,
      );
    if (q.syncedBefore)
      where.push(`(${this.n(P.syncedAt)} = null OR ${this.n(P.syncedAt)} < ${soqlDateTime(q.syncedBefore)})`);
    // Leads have no account: an account filter selects none of them.
    if (!isContact && q.accountIds) return empty();
    const lists = idFilters([
      ['Id', q.ids],
      ['AccountId', q.accountIds],
      ['OwnerId', q.ownerIds],
    ]);
    for (const extra of lists.slice(1)) where.push(`${extra.field} IN ${idList(extra.ids)}`);
    const list = lists[0] ?? null;
    return this.sf.chunked(
      `SELECT ${fields.join(', ')} FROM ${object}`,
      where,
      list,
      '',
      (r) => this.toPerson(q.kind, r),
      object,
      {},
    );
  }

  handMatchedSince(kind: PersonKind, since: string): Pages<string> {
    const object = kind === 'contact' ? 'Contact' : 'Lead';
    const source = this.n(SF.person.matchSource);
    return this.sf.soql(
      `SELECT Id FROM ${object} WHERE ${source} = ${soqlString(SF_VALUES.matchSource.manual)} AND LastModifiedDate >= ${soqlDateTime(since)}`,
      (r) => r.Id as string,
      [object],
      {},
    );
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
      matchSource:
        g(P.matchSource) === SF_VALUES.matchSource.manual
          ? 'manual'
          : g(P.matchSource) === SF_VALUES.matchSource.sync
            ? 'sync'
            : null,
      syncedAt: g(P.syncedAt),
      validatedAt: g(P.validatedAt),
      lastModifiedAt: (r.LastModifiedDate as string) ?? null,
    };
  }

  accounts(q: AccountQuery): Pages<CrmAccount> {
    const urn = this.n(SF.account.companyUrn);
    const fields = [
      'Id',
      'Name',
      'Website',
      'Phone',
      'BillingStreet',
      'BillingCity',
      'BillingState',
      'BillingPostalCode',
      'NumberOfEmployees',
      'Industry',
      'OwnerId',
      urn,
    ];
    const where: string[] = [];
    if (q.withCompanyUrn) where.push(`${urn} != null`);
    const lists = idFilters([
      ['Id', q.ids],
      ['OwnerId', q.ownerIds],
    ]);
    for (const extra of lists.slice(1)) where.push(`${extra.field} IN ${idList(extra.ids)}`);
    const list = lists[0] ?? null;
    return this.sf.chunked(
      `SELECT ${fields.join(', ')} FROM Account`,
      where,
      list,
      '',
      (r) => ({
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
      }),
      'Account',
      { NumberOfEmployees: 'number' },
    );
  }

  opportunities(q: OpportunityQuery): Pages<CrmOpportunity> {
    const where: string[] = [];
    if (q.openOnly) where.push('IsClosed = false');
    const lists = idFilters([
      ['Id', q.ids],
      ['AccountId', q.accountIds],
      ['OwnerId', q.ownerIds],
    ]);
    for (const extra of lists.slice(1)) where.push(`${extra.field} IN ${idList(extra.ids)}`);
    return this.sf.chunked(
      'SELECT Id, Name, AccountId, OwnerId, StageName, IsClosed, IsWon, Amount, CloseDate FROM Opportunity',
      where,
      lists[0] ?? null,
      '',
      (r) => ({
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
      }),
      'Opportunity',
      { IsClosed: 'boolean', IsWon: 'boolean', Amount: 'number' },
    );
  }

  async opportunityStages(): Promise<OpportunityStage[]> {
    const out: OpportunityStage[] = [];
    for await (const page of this.sf.soql(
      'SELECT ApiName, MasterLabel, SortOrder, IsClosed, IsWon FROM OpportunityStage WHERE IsActive = true ORDER BY SortOrder',
      (r) => ({
        name: (r.ApiName ?? r.MasterLabel) as string,
        sortOrder: Number(r.SortOrder),
        isClosed: Boolean(r.IsClosed),
        isWon: Boolean(r.IsWon),
      }),
    ))
      out.push(...page);
    return out;
  }

  contactRoles(opportunityIds: readonly string[]): Pages<CrmContactRole> {
    if (!opportunityIds.length) return empty();
    return this.sf.chunked(
      'SELECT OpportunityId, ContactId, Role, IsPrimary FROM OpportunityContactRole',
      [],
      { field: 'OpportunityId', ids: opportunityIds },
      '',
      (r) => ({
        opportunityId: r.OpportunityId as string,
        contactId: r.ContactId as string,
        role: (r.Role as string) ?? null,
        isPrimary: Boolean(r.IsPrimary),
      }),
      'OpportunityContactRole',
      { IsPrimary: 'boolean' },
    );
  }

  users(q: UserQuery): Pages<CrmUser> {
    const where = q.activeOnly ? ['IsActive = true'] : [];
    return this.sf.chunked(
      'SELECT Id, Name, Email, IsActive FROM User',
      where,
      q.ids ? { field: 'Id', ids: q.ids } : null,
      '',
      (r) => ({
        id: r.Id as string,
        name: (r.Name as string) ?? null,
        email: (r.Email as string) ?? null,
        active: Boolean(r.IsActive),
      }),
      'User',
      { IsActive: 'boolean' },
    );
  }

  activities(q: ActivityQuery): Pages<CrmActivity> {
    const T = SF.task;
    const key = this.n(T.activityKey);
    const fields = [
      'Id',
      key,
      this.n(T.activityType),
      'OwnerId',
      'WhoId',
      'IsClosed',
      this.n(T.personName),
      this.n(T.personUrn),
      'Subject',
    ];
    const where = [`${key} != null`];
    if (q.unresolvedOnly) where.push('WhoId = null', 'IsClosed = false');
    const run = (extra: string[]) =>
      this.sf.soql(
        `SELECT ${fields.join(', ')} FROM Task WHERE ${[...where, ...extra].join(' AND ')}`,
        (r) => this.toActivity(r),
        ['Task'],
        { IsClosed: 'boolean' },
      );
    if (!q.keys) return run([]);
    const keys = q.keys;
    const self = this;
    return (async function* () {
      for (const part of chunks([...new Set(keys)], IN_CHUNK))
        yield* self.sf.soql(
          `SELECT ${fields.join(', ')} FROM Task WHERE ${[...where, `${key} IN (${part.map(soqlString).join(',')})`].join(' AND ')}`,
          (r) => self.toActivity(r),
          ['Task'],
        );
    })();
  }

  private toActivity(r: Rec): CrmActivity {
    const T = SF.task;
    const typeValue = r[this.n(T.activityType)] as string | null;
    const type =
      (Object.keys(SF_VALUES.activityType) as ActivityType[]).find((k) => SF_VALUES.activityType[k] === typeValue) ??
      null;
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

  readSettings(): Promise<CrmSettings> {
    return this.store.readSettings();
  }

  writeSettings(patch: Partial<Omit<CrmSettings, 'id'>>): Promise<void> {
    return this.store.writeSettings(patch);
  }

  async writeStatus(status: CrmStatus): Promise<void> {
    await this.store.writeSettings(status);
  }

  readSeats(): Promise<CrmSeat[]> {
    return this.store.readSeats();
  }

  writeSeats(seats: readonly Seat[]): Promise<WriteResult> {
    return this.store.writeSeats(seats);
  }

  deleteNavSyncRecords(what: 'seats' | 'settings'): Promise<WriteResult> {
    return this.store.deleteNavSyncRecords(what);
  }

  readRunLease(): Promise<string | null> {
    return this.store.readRunLease();
  }

  swapRunLease(expected: string | null, next: string | null): Promise<boolean> {
    return this.store.swapRunLease(expected, next);
  }

  /**
   * Bulk API 2.0 ingest jobs of this integration user on the objects NavSync writes that are still Open or
   * UploadComplete: with the run lease held no other NavSync run can own them, so they are left from a run that
   * stopped half-way (the integration user is NavSync's own, as the setup asks). Each is aborted.
   */
  async abortLeftJobs(): Promise<LeftJob[]> {
    const { userId } = await this.whoAmI();
    const base = `/services/data/v${this.sf.version}/jobs/ingest`;
    const left: LeftJob[] = [];
    for (let url: string | null = base; url;) {
      const at: string = url;
      const page = await this.sf.call('list bulk jobs', (c) => c.request<BulkJobList>(at));
      for (const j of page.records ?? []) {
        if (
          j.createdById !== userId ||
          !NAVSYNC_OBJECTS.has(j.object) ||
          (j.state !== 'Open' && j.state !== 'UploadComplete')
        )
          continue;
        left.push({ id: j.id, object: j.object, state: j.state, createdAt: j.createdDate ?? null, aborted: false });
      }
      url = page.done || !page.nextRecordsUrl ? null : page.nextRecordsUrl;
    }
    for (const j of left) {
      try {
        await this.sf.call('abort bulk job', (c) =>
          c.request({
            method: 'PATCH',
            url: `${base}/${j.id}`,
            body: JSON.stringify({ state: 'Aborted' }),
            headers: { 'Content-Type': 'application/json' },
          }),
        );
        j.aborted = true;
      } catch (err) {
        this.sf.log(`salesforce could not abort bulk job ${j.id}: ${(err as Error).message}`);
      }
    }
    return left;
  }

  // ---------- writes ----------

  private toSfFields(f: PersonFields): Rec {
    const P = SF.person;
    const out: Rec = {};
    if (f.notAtCompany !== undefined) out[this.n(P.notAtCompany)] = toSfFlag(f.notAtCompany);
    if (f.memberUrn !== undefined) out[this.n(P.memberUrn)] = f.memberUrn;
    if (f.profileUrl !== undefined) out[this.n(P.profileUrl)] = f.profileUrl;
    if (f.photoUrl !== undefined) out[this.n(P.photoUrl)] = f.photoUrl;
    if (f.matchSource !== undefined)
      out[this.n(P.matchSource)] = f.matchSource === null ? null : SF_VALUES.matchSource[f.matchSource];
    if (f.syncedAt !== undefined) out[this.n(P.syncedAt)] = f.syncedAt;
    if (f.validatedAt !== undefined) out[this.n(P.validatedAt)] = f.validatedAt;
    if (f.matchScore !== undefined) out[this.n(P.matchScore)] = f.matchScore;
    return out;
  }

  async updatePeople(updates: PersonUpdateList): Promise<WriteResult> {
    const result: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    const positions = positionsByKind(updates);
    for (const kind of ['contact', 'lead'] as const) {
      // Each update and record is made when the write asks for it: a validation apply can hold ~800,000 updates.
      const of = positions[kind];
      const u = (i: number) => updates.at(of[i]) as PersonUpdate;
      const rows: WriteRows = {
        length: of.length,
        ref: (i) => u(i).id,
        rec: (i) => {
          const x = u(i);
          return { Id: x.id, ...this.toSfFields(x.fields) };
        },
      };
      if (rows.length)
        merge(result, await this.sf.write(kind === 'contact' ? 'Contact' : 'Lead', 'update', rows), true);
    }
    return result;
  }

  async updateAccounts(updates: readonly AccountUpdate[]): Promise<WriteResult> {
    const urn = this.n(SF.account.companyUrn);
    return this.sf.write(
      'Account',
      'update',
      updates.map((u) => ({ ref: u.id, rec: { Id: u.id, [urn]: u.companyUrn } })),
    );
  }

  private async statuses(): Promise<{ open: string; closed: string }> {
    if (!this.taskStatuses) {
      const rows: Rec[] = [];
      for await (const page of this.sf.soql(
        'SELECT ApiName, IsClosed, IsDefault FROM TaskStatus ORDER BY SortOrder',
        (r) => r,
        ['TaskStatus'],
      ))
        rows.push(...page);
      const closed = rows.find((r) => r.IsClosed)?.ApiName as string | undefined;
      const open = (rows.find((r) => r.IsDefault && !r.IsClosed) ?? rows.find((r) => !r.IsClosed))?.ApiName as
        string | undefined;
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
    return this.sf.write('Task', 'upsert', rows, this.n(T.activityKey));
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
      rec: {
        Id: r.id,
        ...salesforceResolutionFields(r, { completedStatus: st.closed, openStatus: st.open, namespace: this.ns }),
      } as Rec,
    }));
    const byId = await this.sf.write('Task', 'update', rows);
    const key = (id: string) => keyById.get(id) ?? id;
    return {
      succeeded: byId.succeeded.map(key),
      failed: byId.failed.map((f) => ({ ...f, ref: key(f.ref) })),
      unprocessed: byId.unprocessed.map(key),
    };
  }

  /** One Contact through sObject Collections (allOrNone false), so a refusal comes back per record with its fields. */
  async createTestContact(contact: TestContact): Promise<TestContactResult> {
    const res = (await this.sf.call(
      'create Contact',
      (c) => c.sobject('Contact').create([testContactSalesforce(contact)] as never, { allOrNone: false }),
      ['Contact'],
    )) as SaveResultLike[];
    const r = res[0];
    if (r?.success && r.id) return { ok: true, id: r.id };
    const e = r?.errors?.[0];
    return {
      ok: false,
      code: e?.statusCode ?? e?.errorCode ?? 'UNKNOWN',
      message: e?.message ?? '',
      fields: e?.fields ?? [],
    };
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
      const res = (await this.sf.call(
        'delete Task',
        (c) =>
          c.sobject('Task').destroy(
            part.map(([, id]) => id),
            { allOrNone: false },
          ),
        ['Task'],
      )) as SaveResultLike[];
      res.forEach((r, i) => (r.success ? out.succeeded.push(part[i][0]) : out.failed.push(failure(part[i][0], r))));
    }
    return out;
  }

  async deleteTestContact(id: string): Promise<WriteResult> {
    idList([id]);
    const res = (await this.sf.call('delete Contact', (c) => c.sobject('Contact').destroy([id], { allOrNone: false }), [
      'Contact',
    ])) as SaveResultLike[];
    const r = res[0];
    if (r?.success || r?.errors?.[0]?.statusCode === 'ENTITY_IS_DELETED')
      return { succeeded: [id], failed: [], unprocessed: [] };
    return { succeeded: [], failed: [failure(id, r ?? { success: false })], unprocessed: [] };
  }
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
