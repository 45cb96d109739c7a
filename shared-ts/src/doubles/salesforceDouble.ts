/**
 * Loopback double of the Salesforce REST + Bulk API 2.0 subset the gateway uses (shared/reference/salesforce-api.md
 * §7–9): OAuth client credentials, userinfo, describeGlobal/describe, SOQL query + queryMore, sObject CRUD,
 * sObject Collections (≤ 200, per-record `statusCode` errors), Bulk API 2.0 ingest (CSV, per-record results) and
 * query jobs (salesforceBulkQuery.ts), error bodies `[{"errorCode","message","fields"}]`, `Sforce-Limit-Info` on every response. Data lives in memory.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseCsv } from 'csv-parse/sync';
import { SF, SF_VALUES, sfName } from '../domain/crmSchema';
import { csvDocument } from '../net/csv';
import { LoopbackDouble, sendJson } from './server';
import { salesforceRequestKind } from '../crm/salesforce/requestKind';
import { evaluate, keyCandidates, parseSoql, SoqlError, type Cond } from './soql';
import { BulkQueryJobs } from './salesforceBulkQuery';

export type SfRecord = Record<string, unknown> & { Id: string };

interface FieldDef {
  type:
    | 'id'
    | 'string'
    | 'reference'
    | 'boolean'
    | 'double'
    | 'int'
    | 'date'
    | 'datetime'
    | 'picklist'
    | 'multipicklist'
    | 'textarea'
    | 'url'
    | 'email'
    | 'phone';
  updateable?: boolean;
  externalId?: boolean;
  unique?: boolean;
  values?: readonly string[];
  /** Required on save (REQUIRED_FIELD_MISSING when empty), like Contact.LastName. */
  required?: boolean;
  /** Relationship name and target object of a reference. */
  rel?: [string, string];
}

const n = (api: string, ns: string | null) => sfName(api, ns);

function schema(ns: string | null): Record<string, Record<string, FieldDef>> {
  const str: FieldDef = { type: 'string', updateable: true };
  const ro = (type: FieldDef['type']): FieldDef => ({ type, updateable: false });
  const ref = (rel: string, target: string): FieldDef => ({ type: 'reference', updateable: true, rel: [rel, target] });
  const person = {
    [n(SF.person.notAtCompany, ns)]: {
      type: 'picklist',
      updateable: true,
      values: Object.values(SF_VALUES.notAtCompany),
    } as FieldDef,
    [n(SF.person.memberUrn, ns)]: str,
    [n(SF.person.profileUrl, ns)]: { type: 'url', updateable: true } as FieldDef,
    [n(SF.person.photoUrl, ns)]: { type: 'url', updateable: true } as FieldDef,
    [n(SF.person.matchSource, ns)]: {
      type: 'picklist',
      updateable: true,
      values: Object.values(SF_VALUES.matchSource),
    } as FieldDef,
    [n(SF.person.syncedAt, ns)]: { type: 'datetime', updateable: true } as FieldDef,
    [n(SF.person.validatedAt, ns)]: { type: 'datetime', updateable: true } as FieldDef,
    [n(SF.person.matchScore, ns)]: { type: 'string', updateable: true } as FieldDef,
  };
  // Restricted multi-select picklists of activity items (settings Write_Back_Items__c, seat Write_Back_Opt_Out__c).
  const activityItems: FieldDef = {
    type: 'multipicklist',
    updateable: true,
    values: Object.values(SF_VALUES.activityType),
  };
  const common = { Id: ro('id'), LastModifiedDate: ro('datetime'), CreatedDate: ro('datetime') };
  const settings = Object.fromEntries(
    Object.entries(SF.settings)
      .filter(([k]) => k !== 'object')
      .map(([k, v]) => [
        n(v, ns),
        k === 'writeBackItems'
          ? activityItems
          : ({
              type: /Enabled|autoSync|connected/i.test(k) ? 'boolean' : k === 'lastSyncedAt' ? 'datetime' : 'string',
              updateable: true,
            } as FieldDef),
      ]),
  );
  return {
    Account: {
      ...common,
      Name: str,
      Website: str,
      Phone: str,
      BillingStreet: str,
      BillingCity: str,
      BillingState: str,
      BillingPostalCode: str,
      NumberOfEmployees: { type: 'int', updateable: true },
      Industry: str,
      OwnerId: ref('Owner', 'User'),
      [n(SF.account.companyUrn, ns)]: str,
    },
    Contact: {
      ...common,
      FirstName: str,
      LastName: { type: 'string', updateable: true, required: true },
      Email: { type: 'email', updateable: true },
      Phone: str,
      Title: str,
      Description: { type: 'textarea', updateable: true },
      AccountId: ref('Account', 'Account'),
      OwnerId: ref('Owner', 'User'),
      ...person,
    },
    Lead: {
      ...common,
      FirstName: str,
      LastName: str,
      Email: { type: 'email', updateable: true },
      Phone: str,
      Title: str,
      Company: str,
      IsConverted: ro('boolean'),
      OwnerId: ref('Owner', 'User'),
      ...person,
    },
    Opportunity: {
      ...common,
      Name: str,
      AccountId: ref('Account', 'Account'),
      OwnerId: ref('Owner', 'User'),
      StageName: str,
      IsClosed: ro('boolean'),
      IsWon: ro('boolean'),
      Amount: { type: 'double', updateable: true },
      CloseDate: { type: 'date', updateable: true },
    },
    OpportunityContactRole: {
      ...common,
      OpportunityId: ref('Opportunity', 'Opportunity'),
      ContactId: ref('Contact', 'Contact'),
      Role: str,
      IsPrimary: { type: 'boolean', updateable: true },
    },
    OpportunityStage: {
      ...common,
      MasterLabel: ro('string'),
      ApiName: ro('string'),
      SortOrder: ro('int'),
      IsActive: ro('boolean'),
      IsClosed: ro('boolean'),
      IsWon: ro('boolean'),
    },
    Task: {
      ...common,
      Subject: str,
      Description: { type: 'textarea', updateable: true },
      ActivityDate: { type: 'date', updateable: true },
      Status: str,
      IsClosed: ro('boolean'),
      OwnerId: ref('Owner', 'User'),
      WhoId: { type: 'reference', updateable: true },
      WhatId: { type: 'reference', updateable: true },
      Type: str,
      [n(SF.task.activityType, ns)]: {
        type: 'picklist',
        updateable: true,
        values: Object.values(SF_VALUES.activityType),
      },
      [n(SF.task.activityKey, ns)]: { type: 'string', updateable: true, externalId: true, unique: true },
      [n(SF.task.personName, ns)]: str,
      [n(SF.task.personUrn, ns)]: str,
    },
    TaskStatus: {
      ...common,
      ApiName: ro('string'),
      MasterLabel: ro('string'),
      IsClosed: ro('boolean'),
      IsDefault: ro('boolean'),
      SortOrder: ro('int'),
    },
    User: {
      ...common,
      Name: str,
      Username: str,
      Email: str,
      IsActive: { type: 'boolean', updateable: true },
      UserRoleId: ref('UserRole', 'UserRole'),
    },
    UserRole: { ...common, Name: str },
    PermissionSet: { ...common, Name: str, NamespacePrefix: str },
    PermissionSetAssignment: {
      ...common,
      AssigneeId: ref('Assignee', 'User'),
      PermissionSetId: ref('PermissionSet', 'PermissionSet'),
    },
    [n(SF.settings.object, ns)]: { ...common, Name: str, ...settings },
    [n(SF.seat.object, ns)]: {
      ...common,
      Name: str,
      [n(SF.seat.user, ns)]: ref(n('User__r', ns), 'User'),
      [n(SF.seat.enabled, ns)]: { type: 'boolean', updateable: true },
      [n(SF.seat.writeBackOptOut, ns)]: activityItems,
    },
  };
}

const PREFIX: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Lead: '00Q',
  Opportunity: '006',
  OpportunityContactRole: '00K',
  OpportunityStage: '01J',
  Task: '00T',
  TaskStatus: '01J',
  User: '005',
  UserRole: '00E',
  PermissionSet: '0PS',
  PermissionSetAssignment: '0Pa',
};

export interface SalesforceDoubleOptions {
  namespace?: string | null;
  clientId?: string;
  clientSecret?: string;
  orgId?: string;
  /** Records per query page (Salesforce: 2,000 by default). */
  queryPageSize?: number;
  /** Polls answered InProgress before a closed Bulk job completes (default 0). */
  bulkPollsUntilComplete?: number;
  /** Objects the integration user cannot see (INVALID_TYPE, as with missing CRUD/FLS). */
  hiddenObjects?: string[];
}

interface BulkJob {
  id: string;
  object: string;
  operation: 'insert' | 'update' | 'upsert' | 'delete';
  externalIdFieldName?: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  csv: string;
  polls: number;
  processed: number;
  failed: number;
  errorMessage?: string;
  results: { ok: string[][]; failed: string[][]; unprocessed: string[][]; header: string[] };
  createdById: string;
  createdDate: string;
}

export type ValidationRule = (object: string, record: SfRecord) => string | null;

export class SalesforceDouble extends LoopbackDouble {
  readonly ns: string | null;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly orgId: string;
  readonly userId: string;
  private readonly schema: Record<string, Record<string, FieldDef>>;
  private readonly db = new Map<string, Map<string, SfRecord>>();
  private tokens = new Set<string>();
  private seq = 1;
  private cursors = new Map<string, { records: SfRecord[]; fields: string[]; object: string; pos: number }>();
  private jobs = new Map<string, BulkJob>();
  /** Bulk API 2.0 query jobs. */
  readonly queryJobs: BulkQueryJobs;
  private rules: ValidationRule[] = [];
  private hidden: Set<string>;
  private readonly nameCache = new Map<string, Map<string, string>>();
  private readonly indexes = new Map<string, Map<unknown, string[]>>();
  private readonly planCache = new Map<
    string,
    { key: string; rel?: { fk: string; relName: string; target: string; sub: string } }[]
  >();
  private apiUsage = 0;
  readonly version = '66.0';
  /** An edition without API access (Professional without the add-on, Essentials, Group): every call is refused. */
  apiDisabledForOrg = false;
  /**
   * Whether the API user holds the package's NavSync_Integration_User custom permission (the NavSync Integration
   * permission set): then the package's before-update triggers on Contact and Lead keep a rep's Ignore. Kept as
   * the user's PermissionSetAssignment of that permission set, as an org holds it.
   */
  get integrationPermission(): boolean {
    return this.integrationAssignment() !== undefined;
  }
  set integrationPermission(on: boolean) {
    const current = this.integrationAssignment();
    if (on && !current)
      this.insert('PermissionSetAssignment', { AssigneeId: this.userId, PermissionSetId: this.integrationSet });
    if (!on && current) this.db.get('PermissionSetAssignment')?.delete(String(current.Id));
  }
  private integrationSet = '';
  private integrationAssignment(): SfRecord | undefined {
    return this.all('PermissionSetAssignment').find(
      (a) => a.AssigneeId === this.userId && a.PermissionSetId === this.integrationSet,
    );
  }

  constructor(private readonly opts: SalesforceDoubleOptions = {}) {
    super();
    this.ns = opts.namespace === undefined ? 'navsync' : opts.namespace;
    this.clientId = opts.clientId ?? 'navsync-sf-demo-client';
    this.clientSecret = opts.clientSecret ?? 'sf-demo-secret-not-real-0001';
    this.orgId = opts.orgId ?? '00D5e000000NavSyA';
    this.schema = schema(this.ns);
    for (const o of Object.keys(this.schema)) this.db.set(o, new Map());
    this.hidden = new Set(opts.hiddenObjects ?? []);

    this.userId = this.insert('User', {
      Name: 'NavSync Integration',
      Username: 'integration@navsync.example',
      Email: 'integration@navsync.example',
      IsActive: true,
    }).Id;
    // The package's permission sets, both assigned to the integration user as the setup guide says.
    for (const name of ['NavSync_Admin', 'NavSync_User', 'NavSync_Integration']) {
      const set = this.insert('PermissionSet', { Name: name, NamespacePrefix: this.ns || null }).Id;
      if (name === 'NavSync_User') continue;
      if (name === 'NavSync_Integration') this.integrationSet = set;
      this.insert('PermissionSetAssignment', { AssigneeId: this.userId, PermissionSetId: set });
    }
    this.queryJobs = new BulkQueryJobs({
      version: this.version,
      userId: this.userId,
      pollsUntilComplete: opts.bulkPollsUntilComplete ?? 0,
      select: (soql) => this.select(soql),
      value: (object, record, field) => this.read(object, record as SfRecord, field),
    });
    this.insert('TaskStatus', { ApiName: 'Open', MasterLabel: 'Open', IsClosed: false, IsDefault: true, SortOrder: 1 });
    this.insert('TaskStatus', {
      ApiName: 'Completed',
      MasterLabel: 'Completed',
      IsClosed: true,
      IsDefault: false,
      SortOrder: 2,
    });
    const stages: [string, boolean, boolean][] = [
      ['Prospecting', false, false],
      ['Qualification', false, false],
      ['Needs Analysis', false, false],
      ['Proposal/Price Quote', false, false],
      ['Negotiation/Review', false, false],
      ['Closed Won', true, true],
      ['Closed Lost', true, false],
    ];
    stages.forEach(([name, closed, won], i) =>
      this.insert('OpportunityStage', {
        MasterLabel: name,
        ApiName: name,
        SortOrder: i + 1,
        IsActive: true,
        IsClosed: closed,
        IsWon: won,
      }),
    );
  }

  static async start(opts: SalesforceDoubleOptions = {}): Promise<SalesforceDouble> {
    return new SalesforceDouble(opts).listen();
  }

  /** A field's API name in this org (namespace applied). */
  f(api: string): string {
    return sfName(api, this.ns);
  }

  // ---------- data ----------

  private newId(object: string): string {
    const prefix = PREFIX[object] ?? 'a0' + String(Object.keys(this.schema).indexOf(object) % 10);
    return `${prefix}5e${String(this.seq++).padStart(10, '0')}AAA`;
  }

  /** Seed a record (no validation rules, no counting). */
  /** An org where NavSync is set up: its settings row (data validation on, every seat syncing) and one seat. */
  installNavSync(seatHolder: string): void {
    this.insert(this.f(SF.settings.object), {
      Name: 'NavSync',
      [this.f(SF.settings.dataValidationEnabled)]: true,
      [this.f(SF.settings.autoSyncAllSeats)]: true,
    });
    this.insert(this.f(SF.seat.object), {
      Name: 'seat',
      [this.f(SF.seat.user)]: seatHolder,
      [this.f(SF.seat.enabled)]: true,
      [this.f(SF.seat.writeBackOptOut)]: null,
    });
  }

  insert(object: string, fields: Record<string, unknown>): SfRecord {
    const table = this.db.get(object);
    if (!table) throw new Error(`unknown object ${object}`);
    const now = new Date().toISOString();
    const rec: SfRecord = {
      ...fields,
      Id: (fields.Id as string) ?? this.newId(object),
      CreatedDate: now,
      LastModifiedDate: now,
    };
    this.derive(object, rec);
    table.set(rec.Id, rec);
    this.indexRecord(object, rec);
    return rec;
  }

  /**
   * Seed from a fixture: `{ "Account": [ {...}, … ], "Contact": [ … ] }`, in order (give `Id`s to reference
   * records from later ones). Field names are source names; `__c` fields get this org's namespace.
   */
  seed(fixture: Record<string, Record<string, unknown>[]>): void {
    for (const [object, rows] of Object.entries(fixture)) {
      const name = this.schema[object] ? object : this.f(object);
      for (const row of rows) {
        const fields = Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k.endsWith('__c') && !this.field(name, k) ? this.f(k) : k, v]),
        );
        this.insert(name, fields);
      }
    }
  }

  /** A user's own edit (e.g. a rep choosing Ignore on the record page): no trigger guard, not counted. */
  edit(object: string, id: string, fields: Record<string, unknown>): SfRecord {
    const current = this.get(object, id);
    if (!current) throw new Error(`no ${object} ${id}`);
    const rec: SfRecord = { ...current, ...fields, Id: id, LastModifiedDate: new Date().toISOString() };
    this.db.get(object)?.set(id, rec);
    this.indexRecord(object, rec);
    return rec;
  }

  get(object: string, id: string): SfRecord | undefined {
    return this.db.get(object)?.get(id);
  }

  all(object: string): SfRecord[] {
    return [...(this.db.get(object)?.values() ?? [])];
  }

  addValidationRule(rule: ValidationRule): void {
    this.rules.push(rule);
  }
  clearValidationRules(): void {
    this.rules = [];
  }
  hideObject(object: string, hidden = true): void {
    if (hidden) this.hidden.add(object);
    else this.hidden.delete(object);
  }
  expireTokens(): void {
    this.tokens.clear();
  }
  /** Issue a token directly (tests that skip the OAuth flow). */
  issueToken(): string {
    const t = `00D!${randomBytes(24).toString('base64url')}`;
    this.tokens.add(t);
    return t;
  }
  bulkJobs(): BulkJob[] {
    return [...this.jobs.values()];
  }

  private derive(object: string, rec: SfRecord): void {
    if (object === 'Task') {
      const st = this.all('TaskStatus').find((s) => s.ApiName === rec.Status);
      rec.IsClosed = st ? Boolean(st.IsClosed) : false;
    }
    if (object === 'Opportunity') {
      const st = this.all('OpportunityStage').find((s) => s.ApiName === rec.StageName);
      rec.IsClosed = st ? Boolean(st.IsClosed) : false;
      rec.IsWon = st ? Boolean(st.IsWon) : false;
    }
  }

  // ---------- routing ----------

  protected kindOf(method: string, path: string): string {
    return salesforceRequestKind(method, path);
  }

  protected async handle(kind: string, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const headers = { 'Sforce-Limit-Info': `api-usage=${++this.apiUsage}/15000` };
    const sfError = (status: number, errorCode: string, message: string, fields: string[] = []) =>
      sendJson(res, status, [{ message, errorCode, fields }], headers);
    if (kind === 'token') return this.token(res, body);
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!auth || !this.tokens.has(auth)) return sfError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (kind === 'userinfo')
      return sendJson(
        res,
        200,
        { user_id: this.userId, organization_id: this.orgId, preferred_username: 'integration@navsync.example' },
        headers,
      );
    if (this.apiDisabledForOrg)
      return sfError(403, 'API_DISABLED_FOR_ORG', 'The REST API is not enabled for this Organization.');
    const base = `/services/data/v${this.version}`;
    // Retired versions (below 31.0) answer 410 UNSUPPORTED_API_VERSION; unknown newer ones are not found.
    const asked = /^\/services\/data\/v(\d+\.\d)\//.exec(url.pathname)?.[1];
    if (asked && Number(asked) < 31)
      return sfError(410, 'UNSUPPORTED_API_VERSION', `API version ${asked} is no longer supported`);
    if (!url.pathname.startsWith(base)) return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    const path = url.pathname.slice(base.length);
    try {
      switch (kind) {
        case 'describeGlobal':
          return sendJson(
            res,
            200,
            {
              encoding: 'UTF-8',
              maxBatchSize: 200,
              sobjects: Object.keys(this.schema)
                .filter((o) => !this.hidden.has(o))
                .map((name) => ({
                  name,
                  queryable: true,
                  updateable: true,
                  createable: true,
                  custom: name.endsWith('__c'),
                })),
            },
            headers,
          );
        case 'describe': {
          const object = decodeURIComponent(path.split('/')[2]);
          this.visible(object);
          return sendJson(
            res,
            200,
            {
              name: object,
              fields: Object.entries(this.schema[object]).map(([name, d]) => ({
                name,
                type: d.type,
                updateable: Boolean(d.updateable),
                createable: Boolean(d.updateable),
                externalId: Boolean(d.externalId),
                unique: Boolean(d.unique),
                nillable: name !== 'Id',
                picklistValues: (d.values ?? []).map((v) => ({ value: v, label: v, active: true })),
                relationshipName: d.rel?.[0] ?? null,
                referenceTo: d.rel ? [d.rel[1]] : [],
              })),
            },
            headers,
          );
        }
        case 'query':
          return sendJson(res, 200, this.query(url.searchParams.get('q') ?? ''), headers);
        case 'queryMore':
          return sendJson(res, 200, this.queryMore(path.split('/')[2]), headers);
        case 'sobject':
          return this.sobject(req.method ?? 'GET', path, body, res, headers);
        case 'collections':
          return this.collections(req.method ?? 'GET', path, url, body, res, headers);
        case 'bulkCreate':
        case 'bulkUpload':
        case 'bulkClose':
        case 'bulkPoll':
        case 'bulkResults':
        case 'bulkDelete':
          return this.bulk(kind, path, body, res, headers);
        case 'bulkQueryCreate':
        case 'bulkQueryList':
        case 'bulkQueryPoll':
        case 'bulkQueryAbort':
        case 'bulkQueryDelete':
        case 'bulkQueryResults':
          return this.queryJobs.handle(kind, path, url.searchParams, body, res, headers);
        case 'bulkList':
          // GET /jobs/ingest: every ingest job of the org, one page here.
          return sendJson(
            res,
            200,
            { done: true, nextRecordsUrl: null, records: [...this.jobs.values()].map((j) => this.jobInfo(j)) },
            headers,
          );
        default:
          return sfError(404, 'NOT_FOUND', 'The requested resource does not exist');
      }
    } catch (err) {
      if (err instanceof SoqlError) return sfError(400, err.errorCode, err.message);
      throw err;
    }
  }

  private token(res: ServerResponse, body: Buffer): void {
    const form = new URLSearchParams(body.toString('utf8'));
    if (form.get('grant_type') !== 'client_credentials')
      return sendJson(res, 400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return sendJson(res, 400, { error: 'invalid_client', error_description: 'invalid client credentials' });
    }
    const t = this.issueToken();
    sendJson(res, 200, {
      access_token: t,
      instance_url: this.url,
      id: `${this.url}/id/${this.orgId}/${this.userId}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
      signature: 'double',
    });
  }

  private visible(object: string): void {
    if (!this.schema[object] || this.hidden.has(object))
      throw new SoqlError('INVALID_TYPE', `sObject type '${object}' is not supported.`);
  }

  /** Field names are case-insensitive in the API; one lookup table per object keeps that cheap. */
  private names(object: string): Map<string, string> {
    let m = this.nameCache.get(object);
    if (!m) {
      m = new Map(Object.keys(this.schema[object]).map((k) => [k.toLowerCase(), k]));
      this.nameCache.set(object, m);
    }
    return m;
  }

  private field(object: string, name: string): FieldDef | undefined {
    const hit = this.names(object).get(name.toLowerCase());
    return hit ? this.schema[object][hit] : undefined;
  }

  private canonical(object: string, name: string): string {
    return this.names(object).get(name.toLowerCase()) ?? name;
  }

  /** Reads a field or `Rel.Field` of a record. */
  private read(object: string, rec: SfRecord, field: string): unknown {
    const dot = field.indexOf('.');
    if (dot < 0) return rec[this.canonical(object, field)] ?? null;
    const rel = field.slice(0, dot);
    const entry = Object.entries(this.schema[object]).find(([, d]) => d.rel?.[0].toLowerCase() === rel.toLowerCase());
    if (!entry)
      throw new SoqlError('INVALID_FIELD', `Didn't understand relationship '${rel}' in field path. ${object}`);
    const [fk, d] = entry;
    const target = (d.rel as [string, string])[1];
    const id = rec[fk] as string | null | undefined;
    const parent = id ? this.get(target, id) : undefined;
    return parent ? this.read(target, parent, field.slice(dot + 1)) : null;
  }

  private checkFields(object: string, fields: string[]): void {
    for (const f of fields) {
      const dot = f.indexOf('.');
      if (dot < 0) {
        if (!this.field(object, f))
          throw new SoqlError('INVALID_FIELD', `No such column '${f}' on entity '${object}'.`);
        continue;
      }
      const rel = f.slice(0, dot);
      const entry = Object.values(this.schema[object]).find((d) => d.rel?.[0].toLowerCase() === rel.toLowerCase());
      if (!entry) throw new SoqlError('INVALID_FIELD', `Didn't understand relationship '${rel}' in field path.`);
      this.checkFields((entry.rel as [string, string])[1], [f.slice(dot + 1)]);
    }
  }

  private query(soql: string): unknown {
    const { object, fields, records } = this.select(soql);
    const cursor = `01g5e${randomBytes(5).toString('hex')}`;
    this.cursors.set(cursor, { records, fields, object, pos: 0 });
    return this.page(cursor);
  }

  /** The records a SOQL query selects, in its order (a query's cursor and a Bulk query job both start here). */
  private select(soql: string): { object: string; fields: string[]; records: SfRecord[] } {
    const q = parseSoql(soql);
    this.visible(q.object);
    const object = q.object;
    const condFields: string[] = [];
    const walk = (c: Cond): void => {
      if ('a' in c) {
        walk(c.a);
        walk(c.b);
      } else {
        condFields.push(c.field);
      }
    };
    if (q.where) walk(q.where);
    this.checkFields(object, [...q.fields, ...condFields, ...q.orderBy.map((o) => o.field)]);
    const keys = keyCandidates(q.where, 'Id');
    const from = keys
      ? [...new Set(keys)].map((k) => this.get(object, String(k))).filter((r): r is SfRecord => r !== undefined)
      : this.all(object);
    let rows = from.filter((r) => !q.where || evaluate(q.where, (f) => this.read(object, r, f)));
    if (q.orderBy.length) {
      rows = rows.sort((a, b) => {
        for (const o of q.orderBy) {
          const x = this.read(object, a, o.field) as string | number | null;
          const y = this.read(object, b, o.field) as string | number | null;
          if (x === y) continue;
          if (x === null) return o.nullsLast ? 1 : -1;
          if (y === null) return o.nullsLast ? -1 : 1;
          const cmp = x < y ? -1 : 1;
          return o.desc ? -cmp : cmp;
        }
        return 0;
      });
    }
    if (q.limit !== null) rows = rows.slice(0, q.limit);
    return { object, fields: q.fields, records: rows };
  }

  private queryMore(locator: string): unknown {
    const [cursor] = locator.split('-');
    if (!this.cursors.has(cursor)) throw new SoqlError('INVALID_QUERY_LOCATOR', 'invalid query locator');
    return this.page(cursor);
  }

  private page(cursor: string): unknown {
    const c = this.cursors.get(cursor) as { records: SfRecord[]; fields: string[]; object: string; pos: number };
    const size = this.opts.queryPageSize ?? 2000;
    const slice = c.records.slice(c.pos, c.pos + size);
    c.pos += slice.length;
    const done = c.pos >= c.records.length;
    if (done) this.cursors.delete(cursor);
    return {
      totalSize: c.records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${this.version}/query/${cursor}-${c.pos}` }),
      records: slice.map((r) => this.shape(c.object, r, c.fields)),
    };
  }

  /** A record as the REST API returns it: attributes + selected fields, relationship fields nested. */
  private shape(object: string, r: SfRecord, fields: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {
      attributes: { type: object, url: `/services/data/v${this.version}/sobjects/${object}/${r.Id}` },
    };
    for (const step of this.plan(object, fields)) {
      if (!step.rel) {
        out[step.key] = r[step.key] ?? null;
        continue;
      }
      const { fk, relName, target, sub } = step.rel;
      const parentId = r[fk] as string | null;
      const parent = parentId ? this.get(target, parentId) : undefined;
      if (!parent) {
        out[relName] = null;
        continue;
      }
      const nested = (out[relName] as Record<string, unknown> | undefined) ?? {};
      Object.assign(nested, this.shape(target, parent, [sub]));
      out[relName] = nested;
    }
    return out;
  }

  /** How to project each selected field (resolved once per object and field list, not per record). */
  private plan(
    object: string,
    fields: string[],
  ): { key: string; rel?: { fk: string; relName: string; target: string; sub: string } }[] {
    const cacheKey = `${object}|${fields.join(',')}`;
    const hit = this.planCache.get(cacheKey);
    if (hit) return hit;
    const steps = fields.map((f) => {
      const dot = f.indexOf('.');
      if (dot < 0) return { key: this.canonical(object, f) };
      const rel = f.slice(0, dot).toLowerCase();
      const [fk, d] = Object.entries(this.schema[object]).find(([, x]) => x.rel?.[0].toLowerCase() === rel) as [
        string,
        FieldDef,
      ];
      const [relName, target] = d.rel as [string, string];
      return { key: relName, rel: { fk, relName, target, sub: f.slice(dot + 1) } };
    });
    this.planCache.set(cacheKey, steps);
    return steps;
  }

  // ---------- writes ----------

  /** Validates and applies one create/update; returns the record id or a per-record error. */
  private write(
    object: string,
    fields: Record<string, unknown>,
    mode: 'create' | 'update',
    id?: string,
  ): { id: string; created: boolean } | { errorCode: string; message: string; fields: string[] } {
    const changes: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) {
      if (k === 'attributes' || k.toLowerCase() === 'id') continue;
      const def = this.field(object, k);
      if (!def)
        return {
          errorCode: 'INVALID_FIELD',
          message: `No such column '${k}' on sobject of type ${object}`,
          fields: [k],
        };
      if (!def.updateable)
        return {
          errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
          message: `Unable to create/update fields: ${k}.`,
          fields: [k],
        };
      // A multi-select picklist stores `A;B`: every item must be one of the restricted values (case matters).
      const picked = def.type === 'multipicklist' ? String(v).split(';') : [String(v)];
      if (def.values && v !== null && v !== '' && picked.some((x) => !(def.values as readonly string[]).includes(x))) {
        return {
          errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          message: `${k}: bad value for restricted picklist field: ${String(v)}`,
          fields: [k],
        };
      }
      if (def.type === 'reference' && v && !this.exists(String(v), def.rel?.[1])) {
        return { errorCode: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id`, fields: [k] };
      }
      changes[this.canonical(object, k)] = v === '' ? null : v;
    }
    const table = this.db.get(object) as Map<string, SfRecord>;
    let rec: SfRecord;
    if (mode === 'update') {
      const current = id ? table.get(id) : undefined;
      if (!current)
        return { errorCode: 'INVALID_CROSS_REFERENCE_KEY', message: 'invalid cross reference id', fields: [] };
      rec = { ...current, ...changes };
      this.keepIgnore(object, current, rec);
    } else {
      rec = { ...changes, Id: this.newId(object) } as SfRecord;
      rec.CreatedDate = new Date().toISOString();
    }
    const missing = Object.entries(this.schema[object])
      .filter(([k, d]) => d.required && (rec[k] === undefined || rec[k] === null || rec[k] === ''))
      .map(([k]) => k);
    if (missing.length)
      return {
        errorCode: 'REQUIRED_FIELD_MISSING',
        message: `Required fields are missing: [${missing.join(', ')}]`,
        fields: missing,
      };
    for (const [k, d] of Object.entries(this.schema[object])) {
      if (d.unique && rec[k] !== undefined && rec[k] !== null) {
        const dup = this.findBy(object, k, rec[k]).find((o) => o.Id !== rec.Id);
        if (dup)
          return {
            errorCode: 'DUPLICATE_VALUE',
            message: `duplicate value found: ${k} duplicates value on record with id: ${dup.Id}`,
            fields: [k],
          };
      }
    }
    if (object === 'Task' && rec.WhatId && String(rec.WhoId ?? '').startsWith('00Q')) {
      return {
        errorCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: 'Related To ID: id value of incorrect type when Name is a lead',
        fields: ['WhatId'],
      };
    }
    for (const rule of this.rules) {
      const msg = rule(object, rec);
      if (msg) return { errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: msg, fields: [] };
    }
    rec.LastModifiedDate = new Date().toISOString();
    this.derive(object, rec);
    table.set(rec.Id, rec);
    this.indexRecord(object, rec);
    return { id: rec.Id, created: mode === 'create' };
  }

  /** The package trigger NavSyncKeepIgnore<Object>: the integration user's write never replaces Ignore. */
  private keepIgnore(object: string, before: SfRecord, after: SfRecord): void {
    if ((object !== 'Contact' && object !== 'Lead') || !this.integrationPermission) return;
    const flag = this.f(SF.person.notAtCompany);
    const validatedAt = this.f(SF.person.validatedAt);
    if (before[flag] === SF_VALUES.notAtCompany.ignore && after[flag] !== SF_VALUES.notAtCompany.ignore) {
      after[flag] = SF_VALUES.notAtCompany.ignore;
      after[validatedAt] = before[validatedAt] ?? null;
    }
  }

  private exists(id: string, target?: string): boolean {
    if (target) return this.db.get(target)?.has(id) ?? false;
    for (const t of this.db.values()) if (t.has(id)) return true;
    return false;
  }

  /**
   * Records whose `field` equals `value`, through an index kept per (object, field). Index entries are hints,
   * checked against the record on every lookup, so writes and deletes elsewhere can never make it lie.
   */
  private findBy(object: string, field: string, value: unknown): SfRecord[] {
    const name = `${object}.${field}`;
    let index = this.indexes.get(name);
    if (!index) {
      index = new Map();
      for (const r of this.all(object))
        if (r[field] !== undefined && r[field] !== null) index.set(r[field], [...(index.get(r[field]) ?? []), r.Id]);
      this.indexes.set(name, index);
    }
    const hits = (index.get(value) ?? [])
      .map((id) => this.get(object, id))
      .filter((r): r is SfRecord => Boolean(r) && (r as SfRecord)[field] === value);
    index.set(
      value,
      hits.map((r) => r.Id),
    );
    return hits;
  }

  private indexRecord(object: string, rec: SfRecord): void {
    for (const [name, index] of this.indexes) {
      const [o, field] = name.split('.');
      if (o !== object || rec[field] === undefined || rec[field] === null) continue;
      const ids = index.get(rec[field]) ?? [];
      if (!ids.includes(rec.Id)) index.set(rec[field], [...ids, rec.Id]);
    }
  }

  private upsert(
    object: string,
    extField: string,
    fields: Record<string, unknown>,
  ): ReturnType<SalesforceDouble['write']> {
    const key = fields[extField] ?? fields[this.canonical(object, extField)];
    if (key === undefined || key === null || key === '')
      return {
        errorCode: 'REQUIRED_FIELD_MISSING',
        message: `Required fields are missing: [${extField}]`,
        fields: [extField],
      };
    const k = this.canonical(object, extField);
    const existing = this.findBy(object, k, key);
    if (existing.length > 1)
      return {
        errorCode: 'DUPLICATE_EXTERNAL_ID',
        message: `${extField}: more than one record found for external id field`,
        fields: [extField],
      };
    return existing.length
      ? this.write(object, fields, 'update', existing[0].Id)
      : this.write(object, fields, 'create');
  }

  private sobject(
    method: string,
    path: string,
    body: Buffer,
    res: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const [, , object, id] = path.split('/').map(decodeURIComponent);
    this.visible(object);
    const json = body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {};
    const fail = (e: { errorCode: string; message: string; fields: string[] }) =>
      sendJson(res, e.errorCode === 'INVALID_CROSS_REFERENCE_KEY' && method !== 'POST' ? 404 : 400, [e], headers);
    if (method === 'GET' && id) {
      const rec = this.get(object, id);
      return rec
        ? sendJson(res, 200, this.shape(object, rec, Object.keys(this.schema[object])), headers)
        : sendJson(
            res,
            404,
            [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] }],
            headers,
          );
    }
    if (method === 'POST' && !id) {
      const r = this.write(object, json, 'create');
      return 'id' in r ? sendJson(res, 201, { id: r.id, success: true, errors: [] }, headers) : fail(r);
    }
    if (method === 'PATCH' && id) {
      const r = this.write(object, json, 'update', id);
      if ('id' in r) {
        res.writeHead(204, headers);
        res.end();
        return;
      }
      return fail(r);
    }
    if (method === 'DELETE' && id) {
      if (!this.db.get(object)?.delete(id))
        return fail({ errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] });
      res.writeHead(204, headers);
      res.end();
      return;
    }
    sendJson(
      res,
      405,
      [{ errorCode: 'METHOD_NOT_ALLOWED', message: `HTTP Method '${method}' not allowed`, fields: [] }],
      headers,
    );
  }

  private collections(
    method: string,
    path: string,
    url: URL,
    body: Buffer,
    res: ServerResponse,
    headers: Record<string, string>,
  ): void {
    const toResult = (r: ReturnType<SalesforceDouble['write']>, upsert: boolean) =>
      'id' in r
        ? { id: r.id, success: true, errors: [], ...(upsert ? { created: r.created } : {}) }
        : { success: false, errors: [{ statusCode: r.errorCode, message: r.message, fields: r.fields }] };
    if (method === 'DELETE') {
      const ids = (url.searchParams.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length > 200)
        return sendJson(
          res,
          400,
          [
            {
              errorCode: 'EXCEEDED_ID_LIMIT',
              message: 'record limit reached. cannot submit more than 200 records into this call',
              fields: [],
            },
          ],
          headers,
        );
      const out = ids.map((id) => {
        for (const t of this.db.values()) if (t.delete(id)) return { id, success: true, errors: [] };
        return {
          id,
          success: false,
          errors: [{ statusCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] }],
        };
      });
      return sendJson(res, 200, out, headers);
    }
    const json = JSON.parse(body.toString('utf8')) as { allOrNone?: boolean; records?: Record<string, unknown>[] };
    const records = json.records ?? [];
    if (records.length > 200)
      return sendJson(
        res,
        400,
        [
          {
            errorCode: 'EXCEEDED_ID_LIMIT',
            message: 'record limit reached. cannot submit more than 200 records into this call',
            fields: [],
          },
        ],
        headers,
      );
    const parts = path.split('/'); // ['', 'composite', 'sobjects', Type?, extField?]
    const upsertObject = parts[3];
    const extField = parts[4];
    if (upsertObject) this.visible(upsertObject);
    const snapshot = json.allOrNone ? new Map([...this.db].map(([k, v]) => [k, new Map(v)])) : null;
    const out = records.map((r) => {
      const type = (r.attributes as { type?: string } | undefined)?.type ?? upsertObject;
      if (!type || !this.schema[type] || this.hidden.has(type))
        return toResult(
          { errorCode: 'INVALID_TYPE', message: `sObject type '${type}' is not supported.`, fields: [] },
          false,
        );
      if (method === 'PATCH' && extField) return toResult(this.upsert(type, extField, r), true);
      if (method === 'PATCH') return toResult(this.write(type, r, 'update', (r.Id ?? r.id) as string), false);
      return toResult(this.write(type, r, 'create'), false);
    });
    if (snapshot && out.some((o) => !o.success)) {
      for (const [k, v] of snapshot) this.db.set(k, v);
      return sendJson(
        res,
        200,
        out.map((o) =>
          o.success
            ? {
                success: false,
                errors: [
                  {
                    statusCode: 'ALL_OR_NONE_OPERATION_ROLLED_BACK',
                    message:
                      'Record rolled back because not all records were valid and the request was using AllOrNone header',
                    fields: [],
                  },
                ],
              }
            : o,
        ),
        headers,
      );
    }
    sendJson(res, 200, out, headers);
  }

  // ---------- Bulk API 2.0 ingest ----------

  private jobInfo(j: BulkJob): Record<string, unknown> {
    return {
      id: j.id,
      operation: j.operation,
      object: j.object,
      createdById: j.createdById,
      createdDate: j.createdDate,
      state: j.state,
      contentType: 'CSV',
      lineEnding: 'LF',
      columnDelimiter: 'COMMA',
      apiVersion: Number(this.version),
      concurrencyMode: 'Parallel',
      contentUrl: `services/data/v${this.version}/jobs/ingest/${j.id}/batches`,
      numberRecordsProcessed: j.processed,
      numberRecordsFailed: j.failed,
      retries: 0,
      totalProcessingTime: 0,
      ...(j.externalIdFieldName ? { externalIdFieldName: j.externalIdFieldName } : {}),
      ...(j.errorMessage ? { errorMessage: j.errorMessage } : {}),
    };
  }

  private bulk(kind: string, path: string, body: Buffer, res: ServerResponse, headers: Record<string, string>): void {
    const parts = path.split('/'); // ['', 'jobs', 'ingest', id?, sub?]
    const id = parts[3];
    const notFound = () =>
      sendJson(
        res,
        404,
        [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist', fields: [] }],
        headers,
      );
    if (kind === 'bulkCreate') {
      const spec = JSON.parse(body.toString('utf8')) as {
        object?: string;
        operation?: BulkJob['operation'];
        externalIdFieldName?: string;
        contentType?: string;
        lineEnding?: string;
      };
      if (!spec.object || !spec.operation)
        return sendJson(
          res,
          400,
          [{ errorCode: 'INVALIDJOB', message: 'object and operation are required', fields: [] }],
          headers,
        );
      this.visible(spec.object);
      if (spec.operation === 'upsert' && !spec.externalIdFieldName)
        return sendJson(
          res,
          400,
          [{ errorCode: 'INVALIDJOB', message: 'externalIdFieldName is required for upsert', fields: [] }],
          headers,
        );
      const j: BulkJob = {
        id: `7505e${randomBytes(5).toString('hex').toUpperCase()}AAA`,
        object: spec.object,
        operation: spec.operation,
        externalIdFieldName: spec.externalIdFieldName,
        state: 'Open',
        csv: '',
        polls: 0,
        processed: 0,
        failed: 0,
        results: { ok: [], failed: [], unprocessed: [], header: [] },
        createdById: this.userId,
        createdDate: new Date().toISOString(),
      };
      this.jobs.set(j.id, j);
      return sendJson(res, 200, this.jobInfo(j), headers);
    }
    const j = this.jobs.get(id);
    if (!j) return notFound();
    if (kind === 'bulkUpload') {
      if (j.state !== 'Open')
        return sendJson(
          res,
          409,
          [{ errorCode: 'INVALIDJOBSTATE', message: 'Job is not open for uploads', fields: [] }],
          headers,
        );
      if (body.length > 100 * 1024 * 1024)
        return sendJson(
          res,
          413,
          [{ errorCode: 'REQUEST_TOO_LARGE', message: 'upload over 100 MB', fields: [] }],
          headers,
        );
      j.csv += body.toString('utf8');
      res.writeHead(201, headers);
      res.end();
      return;
    }
    if (kind === 'bulkClose') {
      const { state } = JSON.parse(body.toString('utf8')) as { state?: string };
      if (state === 'Aborted') j.state = 'Aborted';
      else if (state === 'UploadComplete' && j.state === 'Open') this.runJob(j);
      else
        return sendJson(
          res,
          400,
          [{ errorCode: 'INVALIDJOBSTATE', message: `cannot change state to ${state}`, fields: [] }],
          headers,
        );
      return sendJson(res, 200, this.jobInfo(j), headers);
    }
    if (kind === 'bulkPoll') {
      j.polls++;
      if (j.state === 'InProgress' && j.polls > (this.opts.bulkPollsUntilComplete ?? 0)) j.state = 'JobComplete';
      return sendJson(res, 200, this.jobInfo(j), headers);
    }
    if (kind === 'bulkDelete') {
      this.jobs.delete(j.id);
      res.writeHead(204, headers);
      res.end();
      return;
    }
    // results
    if (j.state !== 'JobComplete' && j.state !== 'Failed' && j.state !== 'Aborted') {
      return sendJson(res, 400, [{ errorCode: 'INVALIDJOBSTATE', message: 'job not complete', fields: [] }], headers);
    }
    const sub = parts[4];
    const h = j.results.header;
    const rows =
      sub === 'successfulResults' ? j.results.ok : sub === 'failedResults' ? j.results.failed : j.results.unprocessed;
    const head =
      sub === 'successfulResults'
        ? ['sf__Id', 'sf__Created', ...h]
        : sub === 'failedResults'
          ? ['sf__Id', 'sf__Error', ...h]
          : h;
    res.writeHead(200, { ...headers, 'Content-Type': 'text/csv' });
    res.end(csvDocument(head, rows, { formulaGuard: false, lineEnd: '\n' }));
  }

  /** Processes an uploaded job: every row is validated like a single save; failures are per record. */
  private runJob(j: BulkJob): void {
    let rows: string[][];
    try {
      rows = parseCsv(j.csv, { relax_column_count: false, skip_empty_lines: true }) as string[][];
    } catch (err) {
      j.state = 'Failed';
      j.errorMessage = `InvalidBatch : ${(err as Error).message}`;
      return;
    }
    const [header, ...data] = rows;
    j.results.header = header ?? [];
    const unknown = (header ?? []).find((c) => !this.field(j.object, c));
    if (!header || unknown) {
      j.state = 'Failed';
      j.errorMessage = `InvalidBatch : Field name not found : ${unknown ?? '(no header)'}`;
      j.results.unprocessed = data;
      return;
    }
    for (const row of data) {
      const fields: Record<string, unknown> = {};
      // Empty cell = leave unchanged; #N/A = set to null.
      header.forEach((c, i) => {
        if (row[i] === '') return;
        fields[c] = row[i] === '#N/A' ? null : this.coerce(j.object, c, row[i]);
      });
      let r: ReturnType<SalesforceDouble['write']>;
      const id = String(fields.Id ?? fields.id ?? fields.ID ?? '');
      if (j.operation === 'update') r = this.write(j.object, fields, 'update', id);
      else if (j.operation === 'upsert') r = this.upsert(j.object, j.externalIdFieldName as string, fields);
      else if (j.operation === 'insert') r = this.write(j.object, fields, 'create');
      else
        r = this.db.get(j.object)?.delete(id)
          ? { id, created: false }
          : { errorCode: 'ENTITY_IS_DELETED', message: 'entity is deleted', fields: [] };
      j.processed++;
      if ('id' in r) j.results.ok.push([r.id, String(r.created), ...row]);
      else {
        j.failed++;
        j.results.failed.push([id, `${r.errorCode}:${r.message}:${r.fields.join(',')} --`, ...row]);
      }
    }
    j.state = 'InProgress';
  }

  private coerce(object: string, field: string, v: string): unknown {
    const t = this.field(object, field)?.type;
    if (t === 'boolean') return v.toLowerCase() === 'true';
    if (t === 'double' || t === 'int') return Number(v);
    return v;
  }
}
