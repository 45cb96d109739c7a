/**
 * `CrmGateway` for Dataverse / Dynamics 365, on dynamics-web-api: OData queries with `Prefer: odata.maxpagesize`
 * paging (`@odata.nextLink`), FetchXML with paging cookies, writes in `$batch` requests of ≤ 1000 operations,
 * entity/attribute metadata and publishing, and `Retry-After` honoured on 429 service-protection errors.
 *
 * Writes go in change sets of ≤ 1000 operations, one `$batch` each. A change set is atomic: when one record fails a
 * plug-in or validation, all are rolled back, and dynamics-web-api does not say which Content-ID failed; so such a
 * set is resent once as independent parts with `odata.continue-on-error` to get a result per record.
 */
import { DynamicsWebApi } from 'dynamics-web-api';
import { DV, DV_VALUES } from '../domain/crmSchema';
import { CatalogueError } from '../domain/errors';
import { seatFromDataverse, seatToDataverse, type Seat } from '../domain/seats/seats';
import { settingsFromDataverse, settingsToDataverse } from '../domain/settings/records';
import { testContactDataverse, type TestContact } from '../domain/testWriteBack/plan';
import { dataverseActivityId, dataverseResolution } from '../domain/writeback/dataverse';
import { defaultSleep, networkErrorCode } from '../linkedin/backoff';
import type { DataverseConfig } from './config';
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

/** The tables the application user must read (issue 6, step 1), with their entity sets. */
export const DV_REQUIRED_OBJECTS: readonly [string, string][] = [
  ['account', 'accounts'],
  ['activitypointer', 'activitypointers'],
  ['contact', 'contacts'],
  ['lead', 'leads'],
  ['opportunity', 'opportunities'],
  ['systemuser', 'systemusers'],
  ['position', 'positions'],
];

const BATCH_MAX = 1000;
const IN_CHUNK = 100;
const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FORMATTED = '@OData.Community.Display.V1.FormattedValue';

/** OData string literal: single quotes doubled. */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** XML-escaped text for FetchXML attribute values. */
export function xmlAttr(value: string): string {
  return value.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

function guids(ids: readonly string[]): string[] {
  for (const id of ids) if (!GUID_RE.test(id)) throw new CatalogueError('API_ERROR', `not a Dataverse id: ${id.slice(0, 40)}`);
  return ids.map((i) => i.toLowerCase());
}

function inFilter(column: string, ids: readonly string[]): string {
  return `Microsoft.Dynamics.CRM.In(PropertyName=${odataString(column)},PropertyValues=[${guids(ids).map(odataString).join(',')}])`;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

interface DvError {
  status?: number;
  code?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Errors parsed from `$batch` parts keep the body's `error` object as is. */
  error?: { code?: string; message?: string };
}

const codeOf = (e: DvError | undefined) => e?.code || e?.error?.code || '';
const messageOf = (e: DvError | undefined) => e?.error?.message || e?.message || '';

const ACCESS_CODES = new Set(['0x80040220', '0x80048306', '0x80048405']);

/** Maps a dynamics-web-api / network failure to the catalogue (platform code and message in the detail). */
export function dataverseError(err: unknown, what: string, objects: readonly string[] = []): CatalogueError {
  if (err instanceof CatalogueError) return err;
  const net = networkErrorCode(err);
  if (net) return new CatalogueError('CONNECT_FAILED', `Dataverse ${what}: ${net}`);
  const e = (Array.isArray(err) ? err.find((x) => x instanceof Error) : err) as DvError;
  const status = e?.status;
  const detail = `Dataverse ${what}: ${status ?? ''} ${codeOf(e)}: ${messageOf(e) || String(err)}`.replace(/\s+/g, ' ').trim();
  if (objects.length && status === 404 && codeOf(e) === '0x8006088a') return new CatalogueError('OBJECTS_UNREADABLE', detail, status);
  if (status === 401 || status === 403 || ACCESS_CODES.has(codeOf(e))) return new CatalogueError('INSUFFICIENT_ACCESS', detail, status);
  return new CatalogueError('API_ERROR', detail, status);
}

type Rec = Record<string, unknown>;

/** Operations made when their `$batch` is sent (a write of ~800,000 records keeps no operation object per record). */
interface LazyOps {
  readonly length: number;
  at(i: number): Op;
}

interface Op {
  ref: string;
  kind: 'update' | 'upsert' | 'create' | 'delete';
  collection: string;
  key?: string;
  data?: Rec;
}

export class DataverseGateway implements CrmGateway {
  readonly kind = 'dataverse' as const;
  private readonly api: DynamicsWebApi;
  private readonly log: (line: string) => void;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly counts: RequestCounts = { total: 0, byKind: {} };
  private forceRefresh = false;
  private who: { userId: string; orgId: string } | null = null;
  private readonly sets = new Map<string, string>();

  constructor(private readonly cfg: DataverseConfig) {
    this.log = redactingLog(cfg.log);
    this.sleep = cfg.sleep ?? ((ms) => defaultSleep(ms));
    this.api = new DynamicsWebApi({
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

  endpoints(): string[] {
    return [this.cfg.url];
  }

  requestCounts(): RequestCounts {
    return { total: this.counts.total, byKind: { ...this.counts.byKind } };
  }

  engineFor(): WriteEngine {
    return 'batch';
  }

  minimumWriteRequests(n: number): number {
    return Math.ceil(n / this.batchSize());
  }

  private batchSize(): number {
    return Math.min(BATCH_MAX, this.cfg.batchSize ?? BATCH_MAX);
  }

  /**
   * One Web API request: counted, logged, retried after `Retry-After` on 429 (service protection) and 503, and
   * re-authenticated once on 401.
   */
  private async call<T>(kind: string, what: string, fn: () => Promise<T>, objects: readonly string[] = []): Promise<T> {
    const max = this.cfg.maxRetries ?? 5;
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      this.counts.total++;
      this.counts.byKind[kind] = (this.counts.byKind[kind] ?? 0) + 1;
      try {
        const r = await fn();
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
        throw dataverseError(err, what, objects);
      }
    }
  }

  // ---------- connection ----------

  private async whoAmI(): Promise<{ userId: string; orgId: string }> {
    if (!this.who) {
      const r = await this.call('whoAmI', 'WhoAmI', () => this.api.callFunction<{ UserId: string; OrganizationId: string }>({ name: 'WhoAmI' }));
      this.who = { userId: r.UserId, orgId: r.OrganizationId };
    }
    return this.who;
  }

  async instanceId(): Promise<string> {
    return (await this.whoAmI()).orgId;
  }

  /** WhoAmI, then one `$batch` reading one row of each required table. */
  async checkConnection(): Promise<ConnectionCheck> {
    const checked = DV_REQUIRED_OBJECTS.map(([t]) => t);
    try {
      const { userId } = await this.whoAmI();
      const results = await this.call('batch', 'connection check', async () => {
        this.api.startBatch();
        for (const [table, set] of DV_REQUIRED_OBJECTS) await this.api.retrieveMultiple({ collection: set, select: [`${table === 'activitypointer' ? 'activity' : table}id`], top: 1 });
        return this.api.executeBatch({ continueOnError: true });
      });
      const unreadable: string[] = [];
      const denied: DvError[] = [];
      results.forEach((r, i) => {
        const e = r as DvError;
        if (r instanceof Error && (e.status === 403 || e.status === 404)) {
          unreadable.push(DV_REQUIRED_OBJECTS[i][0]);
          denied.push(e);
        } else if (r instanceof Error) throw dataverseError(r, `read ${DV_REQUIRED_OBJECTS[i][0]}`);
      });
      if (unreadable.length) {
        return { ok: false, userId, checked, unreadable, error: new CatalogueError('OBJECTS_UNREADABLE', `Dataverse: cannot read ${unreadable.join(', ')} (${codeOf(denied[0])}: ${messageOf(denied[0])})`) };
      }
      return { ok: true, userId, checked, unreadable: [] };
    } catch (err) {
      return { ok: false, checked, unreadable: [], error: dataverseError(err, 'connection check') };
    }
  }

  // ---------- metadata ----------

  /** The entity set of a table, read from its metadata once (custom tables do not pluralise predictably). */
  async entitySetName(logicalName: string): Promise<string> {
    const cached = this.sets.get(logicalName);
    if (cached) return cached;
    const r = await this.call('metadata', `EntityDefinitions(${logicalName})`, () => this.api.retrieveEntity<{ EntitySetName: string }>({ key: `LogicalName='${logicalName}'`, select: ['EntitySetName'] }), [logicalName]);
    this.sets.set(logicalName, r.EntitySetName);
    return r.EntitySetName;
  }

  /** Whether a column exists (the `$filter` probe, which always answers 200). */
  async attributeExists(table: string, attribute: string): Promise<boolean> {
    const r = await this.call('metadata', `Attributes(${table}.${attribute})`, () =>
      this.api.retrieveAttributes({ entityKey: `LogicalName='${table}'`, select: ['LogicalName'], filter: `LogicalName eq ${odataString(attribute)}`, headers: { Consistency: 'Strong' } }),
    );
    return r.value.length > 0;
  }

  /** Creates a column from an attribute definition (e.g. a PicklistAttributeMetadata), in a solution if named. */
  async createAttribute(table: string, definition: Rec, solutionUniqueName?: string): Promise<void> {
    await this.call('metadata', `create attribute on ${table}`, () =>
      this.api.createAttribute({ entityKey: `LogicalName='${table}'`, data: definition, ...(solutionUniqueName ? { headers: { 'MSCRM.SolutionUniqueName': solutionUniqueName } } : {}) }),
    );
  }

  async publish(tables: readonly string[]): Promise<void> {
    const xml = `<importexportxml><entities>${tables.map((t) => `<entity>${xmlAttr(t)}</entity>`).join('')}</entities></importexportxml>`;
    await this.call('publish', 'PublishXml', () => this.api.callAction({ actionName: 'PublishXml', action: { ParameterXml: xml } }));
  }

  async provisionedLanguages(): Promise<number[]> {
    const r = await this.call('function', 'RetrieveProvisionedLanguages', () => this.api.callFunction<{ RetrieveProvisionedLanguages: number[] }>({ name: 'RetrieveProvisionedLanguages' }));
    return r.RetrieveProvisionedLanguages;
  }

  // ---------- queries ----------

  /** OData query pages, following `@odata.nextLink` with the same maxpagesize. */
  private async *odata<T>(collection: string, select: string[], filter: string | undefined, map: (r: Rec) => T, objects: readonly string[], orderBy?: string[]): AsyncGenerator<T[]> {
    const request = { collection, select, ...(filter ? { filter } : {}), ...(orderBy ? { orderBy } : {}), maxPageSize: this.cfg.pageSize ?? 5000, includeAnnotations: 'OData.Community.Display.V1.FormattedValue' };
    let next: string | undefined;
    do {
      const link = next;
      const page = await this.call('query', collection, () => this.api.retrieveMultiple<Rec>(request, link), objects);
      if (page.value.length) yield page.value.map(map);
      next = page.oDataNextLink;
    } while (next);
  }

  /** Runs a query per chunk of the first id filter (URLs stay short); other filters are ANDed. */
  private async *chunked<T>(collection: string, select: string[], where: string[], lists: [string, readonly string[] | undefined][], map: (r: Rec) => T, objects: readonly string[]): AsyncGenerator<T[]> {
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
    for (const part of chunks([...new Set(first[1])], IN_CHUNK)) yield* run([inFilter(first[0], part)]);
  }

  people(q: PersonQuery): Pages<CrmPerson> {
    const P = DV.person;
    const isContact = q.kind === 'contact';
    const table = isContact ? 'contact' : 'lead';
    const select = [`${table}id`, 'firstname', 'lastname', 'emailaddress1', 'telephone1', 'jobtitle', '_ownerid_value', 'modifiedon', ...(isContact ? ['_parentcustomerid_value'] : ['companyname']), ...Object.values(P)];
    const where = ['statecode eq 0'];
    const flag = P.notAtCompany;
    if (q.notAtCompany?.length) {
      const parts = q.notAtCompany.map((v) => `${flag} eq ${DV_VALUES.notAtCompany[v]}`);
      if (q.notAtCompany.includes('noFeedback')) parts.push(`${flag} eq null`);
      where.push(`(${parts.join(' or ')})`);
    }
    if (q.withNavSyncData) where.push(`(${P.memberUrn} ne null or ${flag} eq ${DV_VALUES.notAtCompany.notAtCompany} or ${flag} eq ${DV_VALUES.notAtCompany.ignore} or ${P.syncedAt} ne null)`);
    if (q.syncedBefore) where.push(`(${P.syncedAt} eq null or ${P.syncedAt} lt ${new Date(q.syncedBefore).toISOString()})`);
    if (!isContact && q.accountIds) return empty();
    return this.chunked(`${table}s`, select, where, [[`${table}id`, q.ids], ['_parentcustomerid_value', isContact ? q.accountIds : undefined], ['_ownerid_value', q.ownerIds]], (r) => this.toPerson(q.kind, r), [table]);
  }

  private toPerson(kind: 'contact' | 'lead', r: Rec): CrmPerson {
    const P = DV.person;
    const s = (k: string) => (r[k] ?? null) as string | null;
    const ms = r[P.matchSource];
    return {
      id: r[`${kind}id`] as string,
      kind,
      firstName: s('firstname'),
      lastName: s('lastname'),
      email: s('emailaddress1'),
      phone: s('telephone1'),
      title: s('jobtitle'),
      accountId: kind === 'contact' ? s('_parentcustomerid_value') : null,
      companyName: kind === 'contact' ? ((r[`_parentcustomerid_value${FORMATTED}`] ?? r._parentcustomerid_value_Formatted ?? null) as string | null) : s('companyname'),
      ownerId: s('_ownerid_value'),
      notAtCompany: fromDvFlag(r[P.notAtCompany] as number | null),
      memberUrn: s(P.memberUrn),
      profileUrl: s(P.profileUrl),
      photoUrl: s(P.photoUrl),
      matchSource: ms === DV_VALUES.matchSource.manual ? 'manual' : ms === DV_VALUES.matchSource.sync ? 'sync' : null,
      syncedAt: isoOrNull(r[P.syncedAt]),
      validatedAt: isoOrNull(r[P.validatedAt]),
      lastModifiedAt: isoOrNull(r.modifiedon),
    };
  }

  accounts(q: AccountQuery): Pages<CrmAccount> {
    const urn = DV.account.companyUrn;
    const select = ['accountid', 'name', 'websiteurl', 'telephone1', 'address1_line1', 'address1_city', 'address1_stateorprovince', 'address1_postalcode', 'numberofemployees', 'industrycode', '_ownerid_value', urn];
    const where = q.withCompanyUrn ? [`${urn} ne null`] : [];
    return this.chunked('accounts', select, where, [['accountid', q.ids], ['_ownerid_value', q.ownerIds]], (r) => ({
      id: r.accountid as string,
      name: (r.name as string) ?? null,
      website: (r.websiteurl as string) ?? null,
      phone: (r.telephone1 as string) ?? null,
      street: (r.address1_line1 as string) ?? null,
      city: (r.address1_city as string) ?? null,
      state: (r.address1_stateorprovince as string) ?? null,
      postalCode: (r.address1_postalcode as string) ?? null,
      employees: (r.numberofemployees as number) ?? null,
      industry: ((r[`industrycode${FORMATTED}`] ?? r.industrycode_Formatted ?? null) as string | null) ?? (r.industrycode === null || r.industrycode === undefined ? null : String(r.industrycode)),
      ownerId: (r._ownerid_value as string) ?? null,
      companyUrn: (r[urn] as string) ?? null,
    }), ['account']);
  }

  /** Opportunities through FetchXML, following its paging cookie. */
  opportunities(q: OpportunityQuery): Pages<CrmOpportunity> {
    const lists: [string, readonly string[] | undefined][] = [['opportunityid', q.ids], ['parentaccountid', q.accountIds], ['ownerid', q.ownerIds]];
    const given = lists.filter((l): l is [string, readonly string[]] => l[1] !== undefined);
    if (given.some(([, ids]) => ids.length === 0)) return empty();
    const [first, ...rest] = given;
    const cond = (col: string, ids: readonly string[]) => `<condition attribute="${col}" operator="in">${guids(ids).map((i) => `<value>${i}</value>`).join('')}</condition>`;
    const fixed = [...(q.openOnly ? ['<condition attribute="statecode" operator="eq" value="0" />'] : []), ...rest.map(([c, ids]) => cond(c, ids))];
    const self = this;
    return (async function* () {
      const parts = first ? chunks([...new Set(first[1])], IN_CHUNK).map((p) => [...fixed, cond(first[0], p)]) : [fixed];
      for (const conditions of parts) yield* self.fetchOpportunities(conditions);
    })();
  }

  private async *fetchOpportunities(conditions: string[]): AsyncGenerator<CrmOpportunity[]> {
    const attrs = ['opportunityid', 'name', 'parentaccountid', 'parentcontactid', 'ownerid', 'stepname', 'salesstage', 'statecode', 'estimatedvalue', 'estimatedclosedate'];
    const count = Math.min(this.cfg.pageSize ?? 5000, 5000);
    const fetchXml = `<fetch count="${count}"><entity name="opportunity">${attrs.map((a) => `<attribute name="${a}" />`).join('')}<order attribute="opportunityid" />${conditions.length ? `<filter type="and">${conditions.join('')}</filter>` : ''}</entity></fetch>`;
    let page = 1;
    let cookie: string | undefined;
    for (;;) {
      const pageNumber = page;
      const pagingCookie = cookie;
      const r = await this.call('fetchXml', 'opportunities', () => this.api.fetch<Rec>({ collection: 'opportunities', fetchXml, pageNumber, ...(pagingCookie ? { pagingCookie } : {}), includeAnnotations: 'Microsoft.Dynamics.CRM.fetchxmlpagingcookie' }), ['opportunity']);
      if (r.value.length) yield r.value.map((o) => toOpportunity(o));
      if (!r.PagingInfo?.cookie) return;
      page = r.PagingInfo.nextPage ?? page + 1;
      cookie = r.PagingInfo.cookie;
    }
  }

  /** The out-of-box sales stages of the opportunity `salesstage` choice (0–3), then won/lost. */
  async opportunityStages(): Promise<OpportunityStage[]> {
    return ['Qualify', 'Develop', 'Propose', 'Close'].map((name, i) => ({ name, sortOrder: i, isClosed: false, isWon: false })).concat([
      { name: 'Won', sortOrder: 4, isClosed: true, isWon: true },
      { name: 'Lost', sortOrder: 5, isClosed: true, isWon: false },
    ]);
  }

  /** The primary contact of each opportunity plus stakeholder connections to contacts. */
  contactRoles(opportunityIds: readonly string[]): Pages<CrmContactRole> {
    if (!opportunityIds.length) return empty();
    const self = this;
    return (async function* () {
      for (const part of chunks([...new Set(opportunityIds)], IN_CHUNK)) {
        yield* self.odata('opportunities', ['opportunityid', '_parentcontactid_value'], `${inFilter('opportunityid', part)} and _parentcontactid_value ne null`, (r) => ({
          opportunityId: r.opportunityid as string,
          contactId: r._parentcontactid_value as string,
          role: null,
          isPrimary: true,
        }), ['opportunity']);
        yield* self.odata('connections', ['_record1id_value', '_record2id_value', 'name'], `${inFilter('_record1id_value', part)} and record2objecttypecode eq 2`, (r) => ({
          opportunityId: r._record1id_value as string,
          contactId: r._record2id_value as string,
          role: (r.name as string) ?? null,
          isPrimary: false,
        }), ['connection']);
      }
    })();
  }

  users(q: UserQuery): Pages<CrmUser> {
    return this.chunked('systemusers', ['systemuserid', 'fullname', 'internalemailaddress', 'isdisabled'], q.activeOnly ? ['isdisabled eq false'] : [], [['systemuserid', q.ids]], (r) => ({
      id: r.systemuserid as string,
      name: (r.fullname as string) ?? null,
      email: (r.internalemailaddress as string) ?? null,
      active: !r.isdisabled,
    }), ['systemuser']);
  }

  private async activityTables(): Promise<{ type: ActivityType; table: string; set: string; pk: string; regarding: string }[]> {
    const A = DV.activity;
    return [
      { type: 'inmail', table: A.inmailTable, set: await this.entitySetName(A.inmailTable), pk: 'activityid', regarding: '_regardingobjectid_value' },
      { type: 'message', table: A.messageTable, set: await this.entitySetName(A.messageTable), pk: 'activityid', regarding: '_regardingobjectid_value' },
      { type: 'call', table: 'phonecall', set: 'phonecalls', pk: 'activityid', regarding: '_regardingobjectid_value' },
      { type: 'note', table: 'annotation', set: 'annotations', pk: 'annotationid', regarding: '_objectid_value' },
    ];
  }

  /**
   * Written-back activities by key. Activity tables carry the key and the unresolved person in NavSync columns;
   * notes cannot (Dataverse allows no custom columns on annotation): a note's row is found by the annotationid
   * derived from its key, and notes are never unresolved (an unmatched note is deferred, not written).
   */
  activities(q: ActivityQuery): Pages<CrmActivity> {
    const A = DV.activity;
    const self = this;
    return (async function* () {
      for (const t of await self.activityTables()) {
        if (t.table === 'annotation') {
          if (q.keys && !q.unresolvedOnly) yield* self.notesByKey(q.keys);
          continue;
        }
        const select = [t.pk, A.activityKey, A.personName, A.personUrn, '_ownerid_value', t.regarding, 'subject', 'statecode'];
        const where = [`${A.activityKey} ne null`];
        if (q.unresolvedOnly) where.push(`${t.regarding} eq null`, 'statecode eq 0');
        const map = (r: Rec): CrmActivity => ({
          id: r[t.pk] as string,
          key: r[A.activityKey] as string,
          type: t.type,
          ownerId: (r._ownerid_value as string) ?? null,
          personId: (r[t.regarding] as string) ?? null,
          completed: r.statecode === 1,
          personName: (r[A.personName] as string) ?? null,
          personUrn: (r[A.personUrn] as string) ?? null,
          subject: (r.subject as string) ?? null,
        });
        if (!q.keys) {
          yield* self.odata(t.set, select, where.join(' and '), map, [t.table]);
          continue;
        }
        for (const part of chunks([...new Set(q.keys)], IN_CHUNK)) {
          const keys = `(${part.map((k) => `${A.activityKey} eq ${odataString(k)}`).join(' or ')})`;
          yield* self.odata(t.set, select, [...where, keys].join(' and '), map, [t.table]);
        }
      }
    })();
  }

  /** Notes written back for these keys, looked up by their derived annotationid. */
  private async *notesByKey(keys: readonly string[]): AsyncGenerator<CrmActivity[]> {
    const keyById = new Map([...new Set(keys)].map((k) => [dataverseActivityId(k).toLowerCase(), k]));
    for (const part of chunks([...keyById.keys()], IN_CHUNK)) {
      yield* this.odata('annotations', ['annotationid', '_ownerid_value', '_objectid_value', 'subject'], inFilter('annotationid', part), (r: Rec): CrmActivity => ({
        id: r.annotationid as string,
        key: keyById.get(String(r.annotationid).toLowerCase()) as string,
        type: 'note',
        ownerId: (r._ownerid_value as string) ?? null,
        personId: (r._objectid_value as string) ?? null,
        completed: r._objectid_value != null,
        personName: null,
        personUrn: null,
        subject: (r.subject as string) ?? null,
      }), ['annotation']);
    }
  }

  // ---------- settings, seats, status ----------

  /** Read through the domain's mapping (domain/settings/records): exactly what the admin pages save. */
  async readSettings(): Promise<CrmSettings> {
    const S = DV.settings;
    const set = await this.entitySetName(S.table);
    let row: Rec | null = null;
    const cols = Object.entries(S).filter(([k]) => k !== 'table').map(([, v]) => v);
    for await (const page of this.odata(set, [`${S.table}id`, ...cols], undefined, (r) => r, [S.table], ['createdon asc'])) {
      row = row ?? page[0] ?? null;
    }
    const cursor = row ? (row[S.exportCursor] ?? null) : null;
    // Datetimes may arrive as Date objects from the client: the domain reads ISO text.
    const normalised = row ? { ...row, [S.lastSyncedAt]: isoOrNull(row[S.lastSyncedAt]) } : null;
    return {
      ...settingsFromDataverse(normalised),
      id: row ? (row[`${S.table}id`] as string) : null,
      lastRunSummary: row ? ((row[S.lastRunSummary] as string | null) ?? null) : null,
      exportCursor: cursor === null || cursor === '' ? null : Number(cursor),
    };
  }

  /** Writes only the patched columns, each in the form the domain's mapping gives it (plus the engine's own two). */
  async writeSettings(patch: Partial<Omit<CrmSettings, 'id'>>): Promise<void> {
    const S = DV.settings;
    const current = await this.readSettings();
    const merged: CrmSettings = { ...current, ...patch };
    const full: Rec = {
      ...settingsToDataverse(merged, { includeStatus: true }),
      [S.lastRunSummary]: merged.lastRunSummary,
      [S.exportCursor]: merged.exportCursor === null ? null : String(merged.exportCursor),
    };
    const data: Rec = {};
    for (const k of Object.keys(patch)) {
      const col = k === 'table' ? undefined : (S as Record<string, string>)[k];
      if (col && Object.prototype.hasOwnProperty.call(full, col)) data[col] = full[col];
    }
    if (!Object.keys(data).length) return;
    const id = current.id;
    const set = await this.entitySetName(S.table);
    if (id) await this.call('update', `${set}(${id})`, () => this.api.update({ collection: set, key: id, data }), [S.table]);
    else await this.call('create', set, () => this.api.create({ collection: set, data }), [S.table]);
  }

  async writeStatus(status: CrmStatus): Promise<void> {
    await this.writeSettings(status);
  }

  /** Seats through the domain's mapping (opt-out = the comma-separated opted-out items). */
  async readSeats(): Promise<CrmSeat[]> {
    const S = DV.seat;
    const set = await this.entitySetName(S.table);
    const out: CrmSeat[] = [];
    for await (const page of this.odata(set, [`${S.table}id`, `_${S.user}_value`, S.enabled, S.writeBackOptOut], undefined, (r) => {
      const seat = seatFromDataverse(r);
      return seat ? { ...seat, id: r[`${S.table}id`] as string } : null;
    }, [S.table])) out.push(...page.filter((s): s is CrmSeat => s !== null));
    return out;
  }

  /** Upsert by user: existing seats are updated in place (the user lookup is bound only on create). */
  async writeSeats(seats: readonly Seat[]): Promise<WriteResult> {
    const S = DV.seat;
    const set = await this.entitySetName(S.table);
    const existing = new Map((await this.readSeats()).map((s) => [s.userId, s.id]));
    const ops: Op[] = seats.map((s) => {
      const data: Rec = seatToDataverse({ ...s, userId: guids([s.userId])[0] });
      const id = existing.get(s.userId);
      if (!id) return { ref: s.userId, kind: 'create', collection: set, data };
      delete data[`${S.user}@odata.bind`];
      return { ref: s.userId, kind: 'update', collection: set, key: id, data };
    });
    return this.runBatches(ops);
  }

  async deleteNavSyncRecords(what: 'seats' | 'settings'): Promise<WriteResult> {
    const table = what === 'seats' ? DV.seat.table : DV.settings.table;
    const set = await this.entitySetName(table);
    const ids: string[] = [];
    for await (const page of this.odata(set, [`${table}id`], undefined, (r) => r[`${table}id`] as string, [table])) ids.push(...page);
    return this.runBatches(ids.map((id) => ({ ref: id, kind: 'delete', collection: set, key: id })));
  }

  // ---------- writes ----------

  private toDvFields(f: PersonFields): Rec {
    const P = DV.person;
    const out: Rec = {};
    if (f.notAtCompany !== undefined) out[P.notAtCompany] = DV_VALUES.notAtCompany[f.notAtCompany];
    if (f.memberUrn !== undefined) out[P.memberUrn] = f.memberUrn;
    if (f.profileUrl !== undefined) out[P.profileUrl] = f.profileUrl;
    if (f.photoUrl !== undefined) out[P.photoUrl] = f.photoUrl;
    if (f.matchSource !== undefined) out[P.matchSource] = f.matchSource === null ? null : DV_VALUES.matchSource[f.matchSource];
    if (f.syncedAt !== undefined) out[P.syncedAt] = f.syncedAt;
    if (f.validatedAt !== undefined) out[P.validatedAt] = f.validatedAt;
    return out;
  }

  updatePeople(updates: PersonUpdateList): Promise<WriteResult> {
    // Each operation is made when its $batch is sent: a validation apply can hold ~800,000 updates.
    const at = (i: number): Op => {
      const u = updates.at(i) as PersonUpdate;
      return { ref: u.id, kind: 'update', collection: `${u.kind}s`, key: guids([u.id])[0], data: this.toDvFields(u.fields) };
    };
    return this.runBatches({ length: updates.length, at });
  }

  updateAccounts(updates: readonly AccountUpdate[]): Promise<WriteResult> {
    return this.runBatches(updates.map((u) => ({ ref: u.id, kind: 'update', collection: 'accounts', key: guids([u.id])[0], data: { [DV.account.companyUrn]: u.companyUrn } })));
  }

  /**
   * Upsert by key: activity tables through the NavSync key column (alternate key); notes through the annotationid
   * derived from the key (`PATCH annotations(<id>)` creates or updates), with no custom columns — annotation takes
   * none. A note without a person is refused per record: it could never be found and resolved later.
   */
  async upsertActivities(activities: readonly ActivityRecord[]): Promise<WriteResult> {
    const A = DV.activity;
    const tables = new Map((await this.activityTables()).map((t) => [t.type, t]));
    const refused: WriteFailure[] = [];
    const ops: Op[] = [];
    for (const a of activities) {
      const t = tables.get(a.type) as { table: string; set: string };
      const owner = { 'ownerid@odata.bind': `/systemusers(${guids([a.ownerId])[0]})` };
      if (t.table === 'annotation') {
        if (!a.person) {
          refused.push({ ref: a.key, code: 'NOTE_WITHOUT_PERSON', message: 'a Dataverse note is written only on a matched contact or lead' });
          continue;
        }
        const data: Rec = {
          subject: a.subject.slice(0, 500),
          notetext: a.body.slice(0, 100_000),
          isdocument: false,
          ...owner,
          [`objectid_${a.person.kind}@odata.bind`]: `/${a.person.kind}s(${guids([a.person.id])[0]})`,
        };
        ops.push({ ref: a.key, kind: 'upsert', collection: t.set, key: dataverseActivityId(a.key), data });
        continue;
      }
      const data: Rec = {
        [A.activityKey]: a.key,
        [A.personName]: a.personName,
        [A.personUrn]: a.personUrn,
        subject: a.subject.slice(0, 200),
        description: a.body.slice(0, 2000),
        ...owner,
      };
      if (a.person) data[`regardingobjectid_${a.person.kind}@odata.bind`] = `/${a.person.kind}s(${guids([a.person.id])[0]})`;
      else if (a.relatedToId) data['regardingobjectid_account@odata.bind'] = `/accounts(${guids([a.relatedToId])[0]})`;
      data.actualend = a.occurredAt;
      // Completed activities are closed (statecode 1, statuscode 2); unresolved ones stay open.
      data.statecode = a.completed ? 1 : 0;
      data.statuscode = a.completed ? 2 : 1;
      ops.push({ ref: a.key, kind: 'upsert', collection: t.set, key: `${A.activityKey}=${encodeURIComponent(odataString(a.key))}`, data });
    }
    const result = await this.runBatches(ops);
    result.failed.push(...refused);
    return result;
  }

  /** The row of a written-back activity: activity tables by the NavSync alternate key, notes by their derived id. */
  private activityRowKey(table: string, key: string): string {
    return table === 'annotation' ? dataverseActivityId(key) : `${DV.activity.activityKey}=${encodeURIComponent(odataString(key))}`;
  }

  /**
   * Completes earlier open activities: an update (If-Match `*`, so a missing row is never created) setting only
   * regarding and statecode/statuscode (domain `dataverseResolution`); subject and description stay as written.
   */
  async resolveActivities(resolutions: readonly ActivityResolution[]): Promise<WriteResult> {
    const tables = new Map((await this.activityTables()).map((t) => [t.type, t]));
    const regardingNavigation = (table: string, target: 'contact' | 'lead') => (table === 'annotation' ? `objectid_${target}` : `regardingobjectid_${target}`);
    const ops: Op[] = resolutions.map((r) => {
      const t = tables.get(r.type) as { table: string; set: string };
      const person = { ...r.person, id: guids([r.person.id])[0] };
      const plan = dataverseResolution({ ...r, person }, r.type, { regardingNavigation });
      return { ref: r.key, kind: 'update', collection: t.set, key: this.activityRowKey(t.table, r.key), data: plan.record };
    });
    return this.runBatches(ops);
  }

  /** POST contacts (domain `testContactDataverse`); a refusal of the record (4xx) comes back with its code. */
  async createTestContact(contact: TestContact): Promise<TestContactResult> {
    const data = testContactDataverse({ ...contact, ownerId: guids([contact.ownerId])[0], accountId: contact.accountId ? guids([contact.accountId])[0] : null });
    return this.call('create', 'contacts', async (): Promise<TestContactResult> => {
      try {
        return { ok: true, id: String(await this.api.create({ collection: 'contacts', data })) };
      } catch (err) {
        const refusal = recordRefusal(err);
        if (refusal) return refusal;
        throw err;
      }
    }, ['contact']);
  }

  /** Test activities by key (a test key only) in one `$batch`; a row already gone counts as removed. */
  async deleteTestActivities(refs: readonly TestActivityRef[]): Promise<WriteResult> {
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    const keys = new Set(testKeys(refs, out));
    if (!keys.size) return out;
    const tables = new Map((await this.activityTables()).map((t) => [t.type, t]));
    const ops: Op[] = refs.filter((r) => keys.delete(r.key)).map((r) => {
      const t = tables.get(r.type) as { table: string; set: string };
      return { ref: r.key, kind: 'delete', collection: t.set, key: this.activityRowKey(t.table, r.key) };
    });
    return goneIsRemoved(await this.runBatches(ops), out);
  }

  async deleteTestContact(id: string): Promise<WriteResult> {
    const key = guids([id])[0];
    const r = await this.call('delete', `contacts(${key})`, async () => {
      try {
        await this.api.deleteRecord({ collection: 'contacts', key });
        return null;
      } catch (err) {
        const refusal = recordRefusal(err);
        if (refusal) return refusal;
        throw err;
      }
    }, ['contact']);
    return goneIsRemoved(r && !r.ok ? { succeeded: [], failed: [{ ref: key, code: r.code, message: r.message }], unprocessed: [] } : { succeeded: [key], failed: [], unprocessed: [] });
  }

  /** Queues one operation in the open batch (inside the change set, or as an independent part). */
  private async queue(op: Op, inChangeSet: boolean): Promise<void> {
    const req = { collection: op.collection, key: op.key, inChangeSet };
    if (op.kind === 'update') await this.api.update({ ...req, data: op.data, ifmatch: '*' });
    else if (op.kind === 'upsert') await this.api.upsert({ ...req, data: op.data });
    else if (op.kind === 'create') await this.api.create({ collection: op.collection, data: op.data, inChangeSet });
    else await this.api.deleteRecord(req);
  }

  /**
   * One `$batch` holding one change set of ≤ 1000 operations (atomic). When the platform refuses the change set
   * (one record failed and all were rolled back), the same operations are resent as independent parts with
   * `odata.continue-on-error`, which gives a result per record: the good ones are applied, the bad ones reported.
   */
  private async sendBatch(part: Op[]): Promise<unknown[]> {
    const atomic = await this.call('batch', `$batch change set of ${part.length}`, async () => {
      this.api.startBatch();
      for (const op of part) await this.queue(op, true);
      try {
        return { results: await this.api.executeBatch() };
      } catch (err) {
        if (Array.isArray(err)) return { rolledBack: err as unknown[] };
        throw err;
      }
    });
    if ('results' in atomic) return part.map(() => null);
    this.log(`dataverse change set rolled back (${messageOf(atomic.rolledBack.find((e) => e instanceof Error) as DvError)}); resending ${part.length} operations independently`);
    return this.call('batch', `$batch of ${part.length} (per record)`, async () => {
      this.api.startBatch();
      for (const op of part) await this.queue(op, false);
      return this.api.executeBatch({ continueOnError: true });
    });
  }

  /** Sends operations in `$batch` requests of ≤ 1000; operations answered 429 are retried after Retry-After. */
  private async runBatches(ops: Op[] | LazyOps): Promise<WriteResult> {
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    let pending: LazyOps = Array.isArray(ops) ? { length: ops.length, at: (i) => ops[i] } : ops;
    for (let round = 0; pending.length; round++) {
      const throttled: Op[] = [];
      let wait = 0;
      const size = this.batchSize();
      for (let start = 0; start < pending.length; start += size) {
        const part: Op[] = [];
        for (let i = start; i < Math.min(start + size, pending.length); i++) part.push(pending.at(i));
        let results: unknown[];
        try {
          results = await this.sendBatch(part);
        } catch (err) {
          if (err instanceof CatalogueError && err.kind === 'CONNECT_FAILED') throw err;
          // The whole request failed (after its retries): nothing of it is known to be applied.
          for (const o of part) out.unprocessed.push(o.ref);
          this.log(`dataverse $batch failed: ${(err as CatalogueError).detail ?? String(err)}`);
          continue;
        }
        part.forEach((op, i) => {
          const res = results[i];
          if (!(res instanceof Error)) {
            out.succeeded.push(op.ref);
            return;
          }
          const r = res as Error & DvError;
          if (r.status === 429 && round < (this.cfg.maxRetries ?? 5)) {
            throttled.push(op);
            wait = Math.max(wait, retryAfterMs(r.headers, round));
            return;
          }
          out.failed.push({ ref: op.ref, code: codeOf(r) || String(r.status ?? 'UNKNOWN'), message: messageOf(r) });
        });
      }
      if (throttled.length) await this.sleep(wait);
      pending = { length: throttled.length, at: (i) => throttled[i] };
    }
    return out;
  }
}

/** A refusal of one record (validation, business rule, privilege, duplicate, not found); others are thrown on. */
function recordRefusal(err: unknown): Extract<TestContactResult, { ok: false }> | null {
  const e = err as DvError;
  if (!e || typeof e.status !== 'number' || e.status < 400 || e.status >= 500 || e.status === 401 || e.status === 429) return null;
  return { ok: false, httpStatus: e.status, code: codeOf(e), message: messageOf(e) };
}

/** Deleting a row that no longer exists (0x80040217) leaves nothing behind: it counts as removed. */
function goneIsRemoved(r: WriteResult, into: WriteResult = { succeeded: [], failed: [], unprocessed: [] }): WriteResult {
  into.succeeded.push(...r.succeeded, ...r.failed.filter((f) => f.code === '0x80040217').map((f) => f.ref));
  into.failed.push(...r.failed.filter((f) => f.code !== '0x80040217'));
  into.unprocessed.push(...r.unprocessed);
  return into;
}

function retryAfterMs(headers: Record<string, string> | undefined, attempt: number): number {
  const h = headers ? (headers['retry-after'] ?? headers['Retry-After']) : undefined;
  const secs = h === undefined ? NaN : Number(h);
  return Number.isFinite(secs) ? secs * 1000 : Math.min(60_000, 1000 * 2 ** attempt);
}

function toOpportunity(o: Rec): CrmOpportunity {
  const stages = ['Qualify', 'Develop', 'Propose', 'Close'];
  const state = o.statecode as number;
  return {
    id: o.opportunityid as string,
    name: (o.name as string) ?? null,
    accountId: (o._parentaccountid_value as string) ?? null,
    ownerId: (o._ownerid_value as string) ?? null,
    stage: (o.stepname as string) ?? (typeof o.salesstage === 'number' ? (stages[o.salesstage] ?? null) : null),
    isClosed: state !== 0,
    isWon: state === 1,
    amount: (o.estimatedvalue as number) ?? null,
    closeDate: isoOrNull(o.estimatedclosedate),
    primaryContactId: (o._parentcontactid_value as string) ?? null,
  };
}

function fromDvFlag(v: number | null): NotAtCompany {
  return v === DV_VALUES.notAtCompany.notAtCompany ? 'notAtCompany' : v === DV_VALUES.notAtCompany.ignore ? 'ignore' : 'noFeedback';
}

function isoOrNull(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

async function* noPages<T>(): AsyncGenerator<T[]> {
  // nothing to read
}

function empty<T>(): Pages<T> {
  return noPages<T>();
}
