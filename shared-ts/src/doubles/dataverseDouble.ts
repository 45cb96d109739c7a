/**
 * Loopback double of the Dataverse Web API v9.2 subset the gateway uses (shared/reference/dataverse-api.md §0,
 * §1, §5, §6): WhoAmI, OData queries with `$select`/`$filter`/`$orderby` and `Prefer: odata.maxpagesize` paging
 * (`@odata.nextLink`), FetchXML with paging cookies, create/update/upsert (alternate key)/delete, `$batch`
 * (change sets, `odata.continue-on-error`, ≤ 1000 operations), entity/attribute metadata, PublishXml,
 * RetrieveProvisionedLanguages, errors as `{"error":{"code","message"}}`, 429 with `Retry-After`.
 * Plus an Entra-style client-credentials token endpoint for the demo.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DV, DV_VALUES } from '../domain/crmSchema';
import { dataverseRequestKind } from '../crm/dataverse/requestKind';
import { evaluate, keyCandidates, type Cond } from './soql';
import { ODataError, parseFetchXml, parseFilter } from './odata';
import { LoopbackDouble, sendJson } from './server';

export type DvRecord = Record<string, unknown>;

interface TableDef {
  set: string;
  pk: string;
  /** Column → kind; lookups are stored as `_x_value`. */
  columns: Record<string, 'string' | 'int' | 'bool' | 'datetime' | 'money' | 'lookup'>;
  /** Navigation property → [lookup column, target table]. */
  nav?: Record<string, [string, string]>;
  altKey?: string;
}

function tables(): Record<string, TableDef> {
  const P = DV.person;
  const person = {
    [P.notAtCompany]: 'int',
    [P.memberUrn]: 'string',
    [P.profileUrl]: 'string',
    [P.photoUrl]: 'string',
    [P.matchSource]: 'int',
    [P.syncedAt]: 'datetime',
    [P.validatedAt]: 'datetime',
    [P.matchScore]: 'string',
  } as const;
  const owned = { _ownerid_value: 'lookup', modifiedon: 'datetime', createdon: 'datetime', statecode: 'int' } as const;
  const A = DV.activity;
  const activity = (
    set: string,
    nav: Record<string, [string, string]>,
    regarding = '_regardingobjectid_value',
  ): TableDef => ({
    set,
    pk: 'activityid',
    columns: {
      ...owned,
      subject: 'string',
      description: 'string',
      actualend: 'datetime',
      statuscode: 'int',
      [regarding]: 'lookup',
      [A.activityKey]: 'string',
      [A.personName]: 'string',
      [A.personUrn]: 'string',
    },
    nav: { ownerid: ['_ownerid_value', 'systemuser'], ...nav },
    altKey: A.activityKey,
  });
  const regarding: Record<string, [string, string]> = {
    regardingobjectid_contact: ['_regardingobjectid_value', 'contact'],
    regardingobjectid_lead: ['_regardingobjectid_value', 'lead'],
    regardingobjectid_account: ['_regardingobjectid_value', 'account'],
    regardingobjectid_opportunity: ['_regardingobjectid_value', 'opportunity'],
  };
  const S = DV.settings;
  const settingsCols = Object.fromEntries(
    Object.entries(S)
      .filter(([k]) => k !== 'table')
      .map(([k, v]) => [
        v,
        /Enabled|autoSync|connected/i.test(k) ? 'bool' : k === 'lastSyncedAt' ? 'datetime' : 'string',
      ]),
  ) as TableDef['columns'];
  return {
    account: {
      set: 'accounts',
      pk: 'accountid',
      columns: {
        ...owned,
        name: 'string',
        websiteurl: 'string',
        telephone1: 'string',
        address1_line1: 'string',
        address1_city: 'string',
        address1_stateorprovince: 'string',
        address1_postalcode: 'string',
        numberofemployees: 'int',
        industrycode: 'int',
        [DV.account.companyUrn]: 'string',
      },
      nav: { ownerid: ['_ownerid_value', 'systemuser'] },
    },
    contact: {
      set: 'contacts',
      pk: 'contactid',
      columns: {
        ...owned,
        firstname: 'string',
        lastname: 'string',
        fullname: 'string',
        emailaddress1: 'string',
        telephone1: 'string',
        jobtitle: 'string',
        description: 'string',
        _parentcustomerid_value: 'lookup',
        ...person,
      },
      nav: {
        ownerid: ['_ownerid_value', 'systemuser'],
        parentcustomerid_account: ['_parentcustomerid_value', 'account'],
      },
    },
    lead: {
      set: 'leads',
      pk: 'leadid',
      columns: {
        ...owned,
        firstname: 'string',
        lastname: 'string',
        fullname: 'string',
        emailaddress1: 'string',
        telephone1: 'string',
        jobtitle: 'string',
        companyname: 'string',
        ...person,
      },
      nav: { ownerid: ['_ownerid_value', 'systemuser'] },
    },
    opportunity: {
      set: 'opportunities',
      pk: 'opportunityid',
      columns: {
        ...owned,
        name: 'string',
        _parentaccountid_value: 'lookup',
        _parentcontactid_value: 'lookup',
        stepname: 'string',
        salesstage: 'int',
        estimatedvalue: 'money',
        estimatedclosedate: 'datetime',
      },
      nav: {
        ownerid: ['_ownerid_value', 'systemuser'],
        parentaccountid: ['_parentaccountid_value', 'account'],
        parentcontactid: ['_parentcontactid_value', 'contact'],
      },
    },
    connection: {
      set: 'connections',
      pk: 'connectionid',
      columns: {
        ...owned,
        _record1id_value: 'lookup',
        _record2id_value: 'lookup',
        record2objecttypecode: 'int',
        name: 'string',
      },
    },
    systemuser: {
      set: 'systemusers',
      pk: 'systemuserid',
      columns: {
        fullname: 'string',
        internalemailaddress: 'string',
        isdisabled: 'bool',
        modifiedon: 'datetime',
        createdon: 'datetime',
      },
    },
    position: {
      set: 'positions',
      pk: 'positionid',
      columns: { name: 'string', modifiedon: 'datetime', createdon: 'datetime' },
    },
    activitypointer: {
      set: 'activitypointers',
      pk: 'activityid',
      columns: { ...owned, subject: 'string', activitytypecode: 'string' },
    },
    [A.inmailTable]: activity(`${A.inmailTable}s`, regarding),
    [A.messageTable]: activity(`${A.messageTable}s`, regarding),
    phonecall: activity('phonecalls', regarding),
    annotation: {
      set: 'annotations',
      pk: 'annotationid',
      // Dataverse allows no custom columns on annotation: notes are keyed by their derived annotationid only.
      columns: {
        _ownerid_value: 'lookup',
        modifiedon: 'datetime',
        createdon: 'datetime',
        subject: 'string',
        notetext: 'string',
        isdocument: 'bool',
        _objectid_value: 'lookup',
      },
      nav: {
        ownerid: ['_ownerid_value', 'systemuser'],
        objectid_contact: ['_objectid_value', 'contact'],
        objectid_lead: ['_objectid_value', 'lead'],
        objectid_account: ['_objectid_value', 'account'],
      },
    },
    [S.table]: {
      set: `${S.table}es`,
      pk: `${S.table}id`,
      columns: { modifiedon: 'datetime', createdon: 'datetime', navsync_name: 'string', ...settingsCols },
    },
    [DV.seat.table]: {
      set: `${DV.seat.table}s`,
      pk: `${DV.seat.table}id`,
      columns: {
        modifiedon: 'datetime',
        createdon: 'datetime',
        [`_${DV.seat.user}_value`]: 'lookup',
        [DV.seat.enabled]: 'bool',
        [DV.seat.writeBackOptOut]: 'string',
      },
      nav: { [DV.seat.user]: [`_${DV.seat.user}_value`, 'systemuser'] },
    },
  };
}

export interface DataverseDoubleOptions {
  /** Maximum page size the server honours (Dataverse: 5,000). */
  maxPageSize?: number;
  clientId?: string;
  clientSecret?: string;
  organizationId?: string;
  /** Languages provisioned in the environment. */
  languages?: number[];
}

export type DvValidationRule = (table: string, record: DvRecord) => string | null;

class DvHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

interface SubResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export class DataverseDouble extends LoopbackDouble {
  readonly defs = tables();
  private readonly db = new Map<string, Map<string, DvRecord>>();
  private tokens = new Set<string>();
  private rules: DvValidationRule[] = [];
  private denied = new Set<string>();
  private cursors = new Map<string, DvRecord[]>();
  /** While a change set runs: the previous state of every record it touched (for the rollback). */
  private undo: [string, string, DvRecord | undefined][] | null = null;
  readonly userId = randomUUID();
  readonly organizationId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Custom attributes created through the metadata API: table → attribute logical names. */
  readonly createdAttributes = new Map<string, Set<string>>();
  publishes: string[] = [];
  /** Operations executed inside $batch requests. */
  batchOperations = 0;
  /** The environment's row version counter (`versionnumber`, shown as the `@odata.etag` W/"<n>"). */
  private version = 1000;

  constructor(private readonly opts: DataverseDoubleOptions = {}) {
    super();
    this.organizationId = opts.organizationId ?? '362a3584-0d9b-44a1-a547-25de5cd95d08';
    this.clientId = opts.clientId ?? 'navsync-dv-demo-client';
    this.clientSecret = opts.clientSecret ?? 'dv-demo-secret-not-real-0001';
    for (const t of Object.keys(this.defs)) this.db.set(t, new Map());
    this.insert('systemuser', {
      systemuserid: this.userId,
      fullname: 'NavSync Application User',
      internalemailaddress: 'navsync-app@navsync.example',
      isdisabled: false,
    });
  }

  static async start(opts: DataverseDoubleOptions = {}): Promise<DataverseDouble> {
    return new DataverseDouble(opts).listen();
  }

  get apiUrl(): string {
    return `${this.url}/api/data/v9.2`;
  }
  get tokenUrl(): string {
    return `${this.url}/navsync-tenant/oauth2/v2.0/token`;
  }

  // ---------- data and faults ----------

  insert(table: string, fields: DvRecord): DvRecord {
    const def = this.defs[table];
    if (!def) throw new Error(`unknown table ${table}`);
    const now = new Date().toISOString();
    const id = String(fields[def.pk] ?? randomUUID()).toLowerCase();
    const rec: DvRecord = { ...fields, [def.pk]: id, createdon: now, modifiedon: now, versionnumber: ++this.version };
    if ((table === 'contact' || table === 'lead') && rec[DV.person.notAtCompany] === undefined)
      rec[DV.person.notAtCompany] = DV_VALUES.notAtCompany.noFeedback;
    if (table === 'contact' || table === 'lead') rec.fullname = [rec.firstname, rec.lastname].filter(Boolean).join(' ');
    (this.db.get(table) as Map<string, DvRecord>).set(id, rec);
    return rec;
  }
  /** Seed from a fixture: `{ "account": [ {...}, … ], "contact": [ … ] }`, in order (lookups as `_x_value` ids). */
  seed(fixture: Record<string, DvRecord[]>): void {
    for (const [table, rows] of Object.entries(fixture)) for (const row of rows) this.insert(table, row);
  }

  /** A user's own edit of a row (e.g. a rep choosing Ignore in the form): a new row version, no rules, not counted. */
  edit(table: string, id: string, fields: DvRecord): DvRecord {
    const t = this.db.get(table) as Map<string, DvRecord>;
    const current = t.get(id.toLowerCase());
    if (!current) throw new Error(`no ${table} ${id}`);
    const rec: DvRecord = {
      ...current,
      ...fields,
      modifiedon: new Date().toISOString(),
      versionnumber: ++this.version,
    };
    t.set(id.toLowerCase(), rec);
    return rec;
  }

  get(table: string, id: string): DvRecord | undefined {
    return this.db.get(table)?.get(id.toLowerCase());
  }
  all(table: string): DvRecord[] {
    return [...(this.db.get(table)?.values() ?? [])];
  }
  issueToken(): string {
    const t = `eyJ0eXAiOiJKV1Qi.${randomBytes(24).toString('base64url')}`;
    this.tokens.add(t);
    return t;
  }
  expireTokens(): void {
    this.tokens.clear();
  }
  addValidationRule(rule: DvValidationRule): void {
    this.rules.push(rule);
  }
  clearValidationRules(): void {
    this.rules = [];
  }
  /** The application user lacks read privilege on this table (403 0x80040220). */
  denyRead(table: string, denied = true): void {
    if (denied) this.denied.add(table);
    else this.denied.delete(table);
  }

  private tableBySet(set: string): string {
    const hit = Object.entries(this.defs).find(([, d]) => d.set === set);
    if (!hit) throw new DvHttpError(404, '0x8006088a', `Resource not found for the segment '${set}'.`);
    return hit[0];
  }

  // ---------- routing ----------

  protected kindOf(method: string, path: string): string {
    return dataverseRequestKind(method, path);
  }

  protected async handle(kind: string, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
    if (kind === 'token') return this.token(res, body);
    const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!auth || !this.tokens.has(auth)) {
      res.writeHead(401, {
        'WWW-Authenticate': 'Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize',
      });
      res.end();
      return;
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
    if (kind === 'batch') return this.batch(req, res, body, headers);
    const r = this.execute(req.method ?? 'GET', req.url ?? '/', headers, body.toString('utf8'));
    res.writeHead(r.status, {
      'OData-Version': '4.0',
      ...(r.body !== undefined ? { 'Content-Type': 'application/json; odata.metadata=minimal' } : {}),
      ...r.headers,
    });
    res.end(r.body === undefined ? '' : JSON.stringify(r.body));
  }

  private token(res: ServerResponse, body: Buffer): void {
    const form = new URLSearchParams(body.toString('utf8'));
    if (
      form.get('grant_type') !== 'client_credentials' ||
      form.get('client_id') !== this.clientId ||
      form.get('client_secret') !== this.clientSecret
    ) {
      return sendJson(res, 401, {
        error: 'invalid_client',
        error_description: 'AADSTS7000215: Invalid client secret provided.',
      });
    }
    sendJson(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: this.issueToken() });
  }

  /** Runs one Web API request (top level or inside $batch). */
  private execute(method: string, rawUrl: string, headers: Record<string, string>, body: string): SubResponse {
    try {
      return this.route(method, rawUrl, headers, body);
    } catch (err) {
      if (err instanceof DvHttpError)
        return { status: err.status, headers: err.headers, body: { error: { code: err.code, message: err.message } } };
      if (err instanceof ODataError)
        return { status: 400, headers: {}, body: { error: { code: '0x0', message: err.message } } };
      if (err instanceof SyntaxError)
        return { status: 400, headers: {}, body: { error: { code: '0x0', message: `Invalid JSON: ${err.message}` } } };
      throw err;
    }
  }

  private route(method: string, rawUrl: string, headers: Record<string, string>, body: string): SubResponse {
    const url = new URL(rawUrl, this.url);
    const base = '/api/data/v9.2/';
    if (!url.pathname.startsWith(base))
      throw new DvHttpError(404, '0x8006088a', `Resource not found for the segment '${url.pathname}'.`);
    const path = decodeURIComponent(url.pathname.slice(base.length));
    if (path === 'WhoAmI' || path === 'WhoAmI()') {
      return {
        status: 200,
        headers: {},
        body: {
          '@odata.context': `${this.apiUrl}/$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse`,
          UserId: this.userId,
          BusinessUnitId: this.organizationId,
          OrganizationId: this.organizationId,
        },
      };
    }
    if (path === 'RetrieveProvisionedLanguages()' || path === 'RetrieveProvisionedLanguages') {
      return {
        status: 200,
        headers: {},
        body: { RetrieveProvisionedLanguages: this.opts.languages ?? [1033, 1043, 1036, 1040, 1031] },
      };
    }
    if (path === 'PublishXml' && method === 'POST') {
      const xml = String((JSON.parse(body || '{}') as { ParameterXml?: string }).ParameterXml ?? '');
      if (!xml.startsWith('<importexportxml>'))
        throw new DvHttpError(400, '0x80048d19', 'ParameterXml must be an <importexportxml> document');
      this.publishes.push(xml);
      return { status: 204, headers: {} };
    }
    const meta = /^EntityDefinitions\(LogicalName='([a-z0-9_]+)'\)(\/Attributes)?$/.exec(path);
    if (meta) return this.metadata(method, meta[1], Boolean(meta[2]), url, body);
    if (path === 'EntityDefinitions') {
      const filter = url.searchParams.get('$filter');
      const cond = filter ? parseFilter(filter) : null;
      const value = Object.entries(this.defs)
        .map(([logical, d]) => ({ LogicalName: logical, EntitySetName: d.set, PrimaryIdAttribute: d.pk }))
        .filter((e) => !cond || evaluate(cond, (f) => (e as Record<string, unknown>)[f] ?? null));
      return { status: 200, headers: {}, body: { value } };
    }
    const m = /^([a-z_0-9]+)(?:\((.+)\))?$/.exec(path);
    if (!m) throw new DvHttpError(404, '0x8006088a', `Resource not found for the segment '${path}'.`);
    const table = this.tableBySet(m[1]);
    const key = m[2];
    if (method === 'GET' && !key) return this.query(table, url, headers);
    if (method === 'GET') {
      this.checkRead(table);
      const rec = this.byKey(table, key as string);
      if (!rec) throw new DvHttpError(404, '0x80040217', `${table} With Ids = ${key} Do Not Exist`);
      return { status: 200, headers: { ETag: etag(rec) }, body: withEtag(rec, rec) };
    }
    if (method === 'POST' && !key) {
      const id = this.write(table, JSON.parse(body) as DvRecord, null);
      return { status: 204, headers: { 'OData-EntityId': `${this.apiUrl}/${this.defs[table].set}(${id})` } };
    }
    if (method === 'PATCH' && key) {
      const existing = this.byKey(table, key);
      const ifMatch = headers['if-match'];
      if (!existing && ifMatch) throw new DvHttpError(404, '0x80040217', `${table} With Ids = ${key} Do Not Exist`);
      if (existing && ifMatch && ifMatch !== '*' && ifMatch !== etag(existing)) {
        throw new DvHttpError(
          412,
          '0x80060882',
          "The version of the existing record doesn't match the RowVersion property provided.",
        );
      }
      const data = JSON.parse(body) as DvRecord;
      if (!existing) {
        const alt = this.altKeyValue(table, key);
        if (alt) data[alt[0]] = alt[1];
        else data[this.defs[table].pk] = key;
      }
      const id = this.write(table, data, existing ?? null);
      return { status: 204, headers: { 'OData-EntityId': `${this.apiUrl}/${this.defs[table].set}(${id})` } };
    }
    if (method === 'DELETE' && key) {
      const rec = this.byKey(table, key);
      if (!rec) throw new DvHttpError(404, '0x80040217', `${table} With Ids = ${key} Do Not Exist`);
      this.undo?.push([table, String(rec[this.defs[table].pk]), rec]);
      this.db.get(table)?.delete(String(rec[this.defs[table].pk]));
      return { status: 204, headers: {} };
    }
    throw new DvHttpError(405, '0x0', `The HTTP method ${method} is not allowed here.`);
  }

  private checkRead(table: string): void {
    if (this.denied.has(table)) {
      throw new DvHttpError(
        403,
        '0x80040220',
        `Principal user (Id=${this.userId}, type=8) is missing prvRead${table} privilege (Id=${randomUUID()}) on OTC=1 for entity '${table}'.`,
      );
    }
  }

  private altKeyValue(table: string, key: string): [string, string] | null {
    const m = /^([a-z_0-9]+)='((?:[^']|'')*)'$/.exec(key);
    if (!m) return null;
    if (m[1] !== this.defs[table].altKey)
      throw new DvHttpError(
        400,
        '0x80060891',
        `A record with the specified key values could not be found: '${m[1]}' is not an alternate key of ${table}.`,
      );
    return [m[1], m[2].replace(/''/g, "'")];
  }

  private byKey(table: string, key: string): DvRecord | undefined {
    const alt = this.altKeyValue(table, key);
    if (alt) return this.all(table).find((r) => r[alt[0]] === alt[1]);
    return this.get(table, key.replace(/[{}]/g, ''));
  }

  /** Applies a create or update: lookups through `nav@odata.bind`, unknown columns rejected, rules run. */
  private write(table: string, data: DvRecord, existing: DvRecord | null): string {
    const def = this.defs[table];
    const changes: DvRecord = {};
    for (const [k, v] of Object.entries(data)) {
      const bind = /^(.+)@odata\.bind$/.exec(k);
      if (bind) {
        const nav = def.nav?.[bind[1]];
        if (!nav)
          throw new DvHttpError(
            400,
            '0x0',
            `An undeclared property '${bind[1]}' which only has property annotations in the payload but no property value was found in the payload.`,
          );
        if (v === null) {
          changes[nav[0]] = null;
          continue;
        }
        const ref = /^\/?([a-z_0-9]+)\(([0-9a-f-]{36})\)$/i.exec(String(v));
        if (!ref || this.tableBySet(ref[1]) !== nav[1])
          throw new DvHttpError(400, '0x0', `Invalid reference ${String(v)} for ${bind[1]}`);
        if (!this.get(nav[1], ref[2]))
          throw new DvHttpError(404, '0x80040217', `${nav[1]} With Ids = ${ref[2]} Do Not Exist`);
        changes[nav[0]] = ref[2].toLowerCase();
        continue;
      }
      if (k === def.pk) {
        changes[k] = String(v).toLowerCase();
        continue;
      }
      const kind = def.columns[k];
      if (!kind || kind === 'lookup')
        throw new DvHttpError(
          400,
          '0x0',
          `Could not find a property named '${k}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
        );
      if (k === DV.person.notAtCompany && v !== null && !Object.values(DV_VALUES.notAtCompany).includes(v as never)) {
        throw new DvHttpError(
          400,
          '0x8004431a',
          `A validation error occurred. The value ${String(v)} of '${k}' on record of type '${table}' is outside the valid range.`,
        );
      }
      if (kind === 'string' && typeof v === 'string' && v.length > 4000)
        throw new DvHttpError(
          400,
          '0x80044331',
          `A validation error occurred. The length of the '${k}' attribute of the '${table}' entity exceeded the maximum allowed length of '4000'.`,
        );
      changes[k] = v;
    }
    const rec: DvRecord = { ...(existing ?? {}), ...changes };
    // fullname is computed by the platform from the name parts.
    if (table === 'contact' || table === 'lead') rec.fullname = [rec.firstname, rec.lastname].filter(Boolean).join(' ');
    if (!existing) {
      rec[def.pk] = String(rec[def.pk] ?? randomUUID()).toLowerCase();
      rec.createdon = new Date().toISOString();
    }
    if (def.altKey && rec[def.altKey] !== undefined && rec[def.altKey] !== null) {
      const dup = this.all(table).find(
        (r) => r[def.altKey as string] === rec[def.altKey as string] && r[def.pk] !== rec[def.pk],
      );
      if (dup)
        throw new DvHttpError(
          412,
          '0x80040237',
          `A record that has the attribute values ${String(rec[def.altKey])} already exists. The entity key ${def.altKey} requires that this set of attributes contains unique values.`,
        );
    }
    for (const rule of this.rules) {
      const msg = rule(table, rec);
      if (msg) throw new DvHttpError(400, '0x80040265', msg);
    }
    rec.modifiedon = new Date().toISOString();
    rec.versionnumber = ++this.version;
    const t = this.db.get(table) as Map<string, DvRecord>;
    this.undo?.push([table, String(rec[def.pk]), t.get(String(rec[def.pk]))]);
    t.set(String(rec[def.pk]), rec);
    return String(rec[def.pk]);
  }

  private metadata(method: string, logical: string, attributes: boolean, url: URL, body: string): SubResponse {
    const def = this.defs[logical];
    if (!def) throw new DvHttpError(404, '0x80040217', `Could not find entity with name '${logical}'.`);
    if (!attributes) {
      return {
        status: 200,
        headers: {},
        body: { LogicalName: logical, EntitySetName: def.set, PrimaryIdAttribute: def.pk, MetadataId: randomUUID() },
      };
    }
    if (method === 'POST') {
      const a = JSON.parse(body) as { SchemaName?: string; '@odata.type'?: string };
      if (!a.SchemaName || !a['@odata.type'])
        throw new DvHttpError(400, '0x0', 'SchemaName and @odata.type are required');
      const name = a.SchemaName.toLowerCase();
      if (def.columns[name] || this.createdAttributes.get(logical)?.has(name))
        throw new DvHttpError(
          400,
          '0x80044363',
          `An attribute with the specified name ${a.SchemaName} already exists.`,
        );
      def.columns[name] = a['@odata.type'].endsWith('PicklistAttributeMetadata') ? 'int' : 'string';
      const set = this.createdAttributes.get(logical) ?? new Set<string>();
      set.add(name);
      this.createdAttributes.set(logical, set);
      return {
        status: 204,
        headers: {
          'OData-EntityId': `${this.apiUrl}/EntityDefinitions(LogicalName='${logical}')/Attributes(${randomUUID()})`,
        },
      };
    }
    const filter = url.searchParams.get('$filter');
    const cond = filter ? parseFilter(filter) : null;
    const value = Object.keys(def.columns)
      .filter((c) => !c.startsWith('_'))
      .map((c) => ({ LogicalName: c, MetadataId: randomUUID() }))
      .filter((a) => !cond || evaluate(cond, (f) => (a as Record<string, unknown>)[f] ?? null));
    return { status: 200, headers: {}, body: { value } };
  }

  private query(table: string, url: URL, headers: Record<string, string>): SubResponse {
    this.checkRead(table);
    const def = this.defs[table];
    const fetchXml = url.searchParams.get('fetchXml');
    if (fetchXml) return this.fetchXml(table, fetchXml);
    for (const p of url.searchParams.keys()) {
      if (!['$select', '$filter', '$orderby', '$top', '$skiptoken', '$count'].includes(p))
        throw new ODataError(`The query parameter ${p} is not supported by the double`);
    }
    const select = url.searchParams.get('$select')?.split(',').filter(Boolean) ?? null;
    for (const c of select ?? [])
      if (!def.columns[c] && c !== def.pk)
        throw new DvHttpError(
          400,
          '0x0',
          `Could not find a property named '${c}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
        );
    const filter = url.searchParams.get('$filter');
    const cond = filter ? parseFilter(filter) : null;
    if (cond) this.checkColumns(table, cond);
    // A $skiptoken names the result set of the first page (kept like a server-side cursor) and an offset.
    const token = url.searchParams.get('$skiptoken');
    const [cursorId, offsetText] = token ? Buffer.from(token, 'base64url').toString('utf8').split(':') : [];
    let rows = cursorId ? this.cursors.get(cursorId) : undefined;
    if (token && !rows) throw new DvHttpError(400, '0x0', 'The $skiptoken is not valid or has expired.');
    if (!rows) {
      const keys = keyCandidates(cond, def.pk);
      const from = keys
        ? [...new Set(keys)].map((k) => this.get(table, String(k))).filter((r): r is DvRecord => r !== undefined)
        : this.all(table);
      rows = from.filter((r) => !cond || evaluate(cond, (f) => r[f] ?? null));
      const orderby = url.searchParams.get('$orderby');
      rows = sortRows(
        rows,
        orderby
          ? orderby.split(',').map((o) => ({ field: o.trim().split(' ')[0], desc: / desc$/.test(o.trim()) }))
          : [{ field: def.pk, desc: false }],
      );
    }
    const top = url.searchParams.get('$top');
    if (top) rows = rows.slice(0, Number(top));
    const prefer = headers.prefer ?? '';
    const wanted = Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? 5000);
    const size = Math.min(wanted, this.opts.maxPageSize ?? 5000);
    const offset = Number(offsetText ?? 0);
    const page = top ? rows : rows.slice(offset, offset + size);
    const more = !top && offset + size < rows.length;
    let next: string | undefined;
    if (cursorId && !more) this.cursors.delete(cursorId);
    if (more) {
      const id = cursorId ?? randomBytes(6).toString('hex');
      this.cursors.set(id, rows);
      const u = new URL(url.toString());
      u.searchParams.set('$skiptoken', Buffer.from(`${id}:${offset + size}`).toString('base64url'));
      next = `${this.apiUrl}/${def.set}?${u.searchParams.toString()}`;
    }
    return {
      status: 200,
      headers: /odata\.maxpagesize/.test(prefer) ? { 'Preference-Applied': `odata.maxpagesize=${size}` } : {},
      body: {
        '@odata.context': `${this.apiUrl}/$metadata#${def.set}`,
        value: page.map((r) => this.annotate(table, withEtag(project(r, select, def.pk), r), prefer)),
        ...(next ? { '@odata.nextLink': next } : {}),
      },
    };
  }

  /** `Prefer: odata.include-annotations` → the display name of each lookup, as Dataverse formats it. */
  private annotate(table: string, row: DvRecord, prefer: string): DvRecord {
    if (!/include-annotations="[^"]*(\*|FormattedValue)/.test(prefer)) return row;
    for (const [lookup, target] of Object.values(this.defs[table].nav ?? {})) {
      const id = row[lookup];
      if (typeof id !== 'string') continue;
      const rec = this.get(target, id);
      if (rec) row[`${lookup}@OData.Community.Display.V1.FormattedValue`] = rec.name ?? rec.fullname ?? null;
    }
    return row;
  }

  private checkColumns(table: string, c: Cond): void {
    if ('a' in c) {
      this.checkColumns(table, c.a);
      this.checkColumns(table, c.b);
      return;
    }
    const def = this.defs[table];
    if (!def.columns[c.field] && c.field !== def.pk)
      throw new DvHttpError(
        400,
        '0x0',
        `Could not find a property named '${c.field}' on type 'Microsoft.Dynamics.CRM.${table}'.`,
      );
  }

  private fetchXml(table: string, xml: string): SubResponse {
    const q = parseFetchXml(xml);
    if (q.entity !== table) throw new ODataError(`FetchXML entity ${q.entity} does not match the entity set`);
    const def = this.defs[table];
    // FetchXML names lookups by their logical name; rows store them as _x_value.
    const col = (f: string) => (def.columns[f] || f === def.pk ? f : def.columns[`_${f}_value`] ? `_${f}_value` : null);
    const read = (r: DvRecord, f: string) => {
      const c = col(f);
      if (!c)
        throw new DvHttpError(400, '0x80041103', `'${table}' entity doesn't contain attribute with Name = '${f}'.`);
      return r[c] ?? null;
    };
    let rows = this.all(table).filter((r) => !q.where || evaluate(q.where, (f) => read(r, f)));
    rows = sortRows(
      rows,
      q.orderBy.length
        ? q.orderBy.map((o) => ({ field: col(o.field) ?? o.field, desc: o.desc }))
        : [{ field: def.pk, desc: false }],
    );
    const count = Math.min(q.count ?? 5000, 5000);
    const start = (q.page - 1) * count;
    const page = rows.slice(start, start + count);
    const more = start + count < rows.length;
    const select = q.attributes.map((a) => col(a) ?? a);
    for (const a of q.attributes)
      if (!col(a))
        throw new DvHttpError(400, '0x80041103', `'${table}' entity doesn't contain attribute with Name = '${a}'.`);
    const last = page[page.length - 1]?.[def.pk];
    const inner = `<cookie page="${q.page}"><${def.pk} last="{${String(last ?? '').toUpperCase()}}" /></cookie>`;
    const cookie = `<cookie pagenumber="${q.page + 1}" pagingcookie="${encodeURIComponent(encodeURIComponent(inner))}" istracking="False" />`;
    return {
      status: 200,
      headers: {},
      body: {
        '@odata.context': `${this.apiUrl}/$metadata#${def.set}`,
        value: page.map((r) => project(r, select, def.pk)),
        ...(more
          ? { '@Microsoft.Dynamics.CRM.fetchxmlpagingcookie': cookie, '@Microsoft.Dynamics.CRM.morerecords': true }
          : { '@Microsoft.Dynamics.CRM.morerecords': false }),
      },
    };
  }

  // ---------- $batch ----------

  private batch(req: IncomingMessage, res: ServerResponse, body: Buffer, headers: Record<string, string>): void {
    const boundary = /boundary="?([^";]+)"?/.exec(headers['content-type'] ?? '')?.[1];
    if (!boundary)
      return sendJson(res, 400, {
        error: { code: '0x0', message: 'Missing multipart boundary in $batch Content-Type' },
      });
    const continueOnError = /odata\.continue-on-error/.test(headers.prefer ?? '');
    let parts: ReturnType<typeof splitMultipart>;
    try {
      parts = splitMultipart(body.toString('utf8'), boundary);
    } catch (err) {
      return sendJson(res, 400, { error: { code: '0x0', message: (err as Error).message } });
    }
    const ops = parts.reduce((n, p) => n + (p.changeset ? p.changeset.length : 1), 0);
    if (ops > 1000)
      return sendJson(res, 400, {
        error: { code: '0x8005f103', message: `The number of requests in a batch (${ops}) exceeds the limit of 1000.` },
      });
    const outBoundary = `batchresponse_${randomUUID()}`;
    const out: string[] = [];
    let failed = false;
    for (const part of parts) {
      if (failed && !continueOnError) break;
      if (part.changeset) {
        this.undo = [];
        const responses: { id?: string; r: SubResponse }[] = [];
        let bad: { id?: string; r: SubResponse } | null = null;
        for (const op of part.changeset) {
          if (op.method === 'GET') {
            bad = {
              id: op.contentId,
              r: {
                status: 400,
                headers: {},
                body: { error: { code: '0x0', message: 'GET is not allowed in a change set' } },
              },
            };
            break;
          }
          this.batchOperations++;
          const r = this.execute(op.method, op.url, op.headers, op.body);
          if (r.status >= 400) {
            bad = { id: op.contentId, r };
            break;
          }
          responses.push({ id: op.contentId, r });
        }
        const undo = this.undo;
        this.undo = null;
        const csBoundary = `changesetresponse_${randomUUID()}`;
        if (bad) {
          // The change set is atomic: roll back and answer with the failing operation only.
          for (const [table, id, previous] of undo.reverse()) {
            const t = this.db.get(table) as Map<string, DvRecord>;
            if (previous) t.set(id, previous);
            else t.delete(id);
          }
          failed = true;
          out.push(
            `Content-Type: multipart/mixed; boundary=${csBoundary}\r\n\r\n--${csBoundary}\r\n${httpPart(bad.r, bad.id)}\r\n--${csBoundary}--`,
          );
        } else {
          out.push(
            `Content-Type: multipart/mixed; boundary=${csBoundary}\r\n\r\n${responses.map((x) => `--${csBoundary}\r\n${httpPart(x.r, x.id)}`).join('\r\n')}\r\n--${csBoundary}--`,
          );
        }
        continue;
      }
      const op = part.request as ParsedRequest;
      this.batchOperations++;
      const r = this.execute(op.method, op.url, op.headers, op.body);
      if (r.status >= 400) failed = true;
      out.push(httpPart(r, op.contentId));
    }
    const status = failed && !continueOnError ? 400 : 200;
    res.writeHead(status, {
      'Content-Type': `multipart/mixed; boundary=${outBoundary}`,
      'OData-Version': '4.0',
      ...(continueOnError ? { 'Preference-Applied': 'odata.continue-on-error' } : {}),
    });
    res.end(`${out.map((p) => `--${outBoundary}\r\n${p}`).join('\r\n')}\r\n--${outBoundary}--\r\n`);
  }
}

interface ParsedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  contentId?: string;
}

/** Splits a multipart/mixed $batch body into requests and change sets (strict about the shape). */
function splitMultipart(text: string, boundary: string): { request?: ParsedRequest; changeset?: ParsedRequest[] }[] {
  const sections = text
    .split(new RegExp(`\\r?\\n?--${escapeRe(boundary)}(?:--)?`))
    .map((s) => s.replace(/^\r?\n/, ''))
    .filter((s) => s.trim() !== '');
  return sections.map((sec) => {
    const [head, rest] = splitHead(sec);
    const ct = head['content-type'] ?? '';
    const cs = /multipart\/mixed;\s*boundary="?([^";\s]+)"?/.exec(ct);
    if (cs) return { changeset: splitMultipart(rest, cs[1]).map((p) => p.request as ParsedRequest) };
    if (!/application\/http/.test(ct)) throw new Error(`$batch part must be application/http, got '${ct}'`);
    return { request: { ...parseHttp(rest), contentId: head['content-id'] } };
  });
}

function splitHead(sec: string): [Record<string, string>, string] {
  const idx = sec.search(/\r?\n\r?\n/);
  const headText = idx < 0 ? sec : sec.slice(0, idx);
  const rest = idx < 0 ? '' : sec.slice(idx).replace(/^\r?\n\r?\n/, '');
  const head: Record<string, string> = {};
  for (const line of headText.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) head[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return [head, rest];
}

function parseHttp(text: string): ParsedRequest {
  const nl = text.search(/\r?\n/);
  const requestLine = (nl < 0 ? text : text.slice(0, nl)).trim();
  const m = /^(GET|POST|PATCH|PUT|DELETE) (\S+) HTTP\/1\.1$/.exec(requestLine);
  if (!m) throw new Error(`bad request line in $batch part: '${requestLine.slice(0, 80)}'`);
  const [headers, body] = splitHead(nl < 0 ? '' : text.slice(nl).replace(/^\r?\n/, ''));
  return { method: m[1], url: m[2], headers, body: body.trim() };
}

function httpPart(r: SubResponse, contentId?: string): string {
  const statusText: Record<number, string> = {
    200: 'OK',
    204: 'No Content',
    400: 'Bad Request',
    403: 'Forbidden',
    404: 'Not Found',
    412: 'Precondition Failed',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
  };
  const head = [
    `Content-Type: application/http`,
    `Content-Transfer-Encoding: binary`,
    ...(contentId ? [`Content-ID: ${contentId}`] : []),
  ].join('\r\n');
  const hdrs = Object.entries({
    'OData-Version': '4.0',
    ...r.headers,
    ...(r.body !== undefined ? { 'Content-Type': 'application/json; odata.metadata=minimal' } : {}),
  })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  return `${head}\r\n\r\nHTTP/1.1 ${r.status} ${statusText[r.status] ?? 'Status'}\r\n${hdrs}\r\n\r\n${r.body === undefined ? '' : JSON.stringify(r.body)}`;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A row's version as Dataverse shows it (a weak ETag of `versionnumber`). */
function etag(r: DvRecord): string {
  return `W/"${String(r.versionnumber ?? 0)}"`;
}

/** Every entity in a response carries its `@odata.etag`, whatever was selected. */
function withEtag(row: DvRecord, rec: DvRecord): DvRecord {
  const out: DvRecord = { '@odata.etag': etag(rec), ...row };
  delete out.versionnumber;
  return out;
}

function project(r: DvRecord, select: string[] | null, pk: string): DvRecord {
  if (!select) return r;
  const out: DvRecord = { [pk]: r[pk] };
  for (const c of select) out[c] = r[c] ?? null;
  return out;
}

function sortRows(rows: DvRecord[], order: { field: string; desc: boolean }[]): DvRecord[] {
  return rows.sort((a, b) => {
    for (const o of order) {
      const x = a[o.field] as string | number | null | undefined;
      const y = b[o.field] as string | number | null | undefined;
      if (x === y) continue;
      if (x === null || x === undefined) return o.desc ? 1 : -1;
      if (y === null || y === undefined) return o.desc ? -1 : 1;
      const c = x < y ? -1 : 1;
      return o.desc ? -c : c;
    }
    return 0;
  });
}
