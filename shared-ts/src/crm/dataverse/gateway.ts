/**
 * `CrmGateway` for Dataverse / Dynamics 365, on the Web API (webApi.ts, over the guarded connections): OData queries with `Prefer: odata.maxpagesize`
 * paging (`@odata.nextLink`), FetchXML with paging cookies, writes in `$batch` change sets (batch.ts),
 * entity/attribute metadata and publishing; requests are counted and retried in client.ts.
 */
import { DV, DV_VALUES } from '../../domain/crmSchema';
import { serverDate } from '../../net/serverTime';
import { CatalogueError } from '../../domain/errors';
import type { Seat } from '../../domain/seats/seats';
import { testContactDataverse, type TestContact } from '../../domain/testWriteBack/plan';
import { dataverseActivityId, dataverseResolution } from '../../domain/writeback/dataverse';
import type { DataverseConfig } from '../config';
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
  WriteFailure,
  WriteResult,
} from '../gateway';
import { testKeys } from '../gateway';
import { chunks, empty } from '../lists';
import { BatchWriter, type Op } from './batch';
import { DataverseClient, type Page, type Rec } from './client';
import { nextFetchPage, pagedFetchXml, PAGING_ANNOTATIONS, type FetchPage } from './fetchXml';
import { codeOf, dataverseError, goneIsRemoved, messageOf, recordRefusal, type DvError } from './errors';
import { FORMATTED, IN_CHUNK, guids, inFilter, odataString, xmlAttr } from './odata';
import { fromDvFlag, isoOrNull, toOpportunity } from './records';
import { preferences, queryPath } from './webApi';
import { DataverseSettingsStore } from './settings';

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

export class DataverseGateway implements CrmGateway {
  readonly kind = 'dataverse' as const;
  private readonly dv: DataverseClient;
  private readonly batches: BatchWriter;
  private readonly store: DataverseSettingsStore;
  private who: { userId: string; orgId: string } | null = null;
  constructor(private readonly cfg: DataverseConfig) {
    this.dv = new DataverseClient(cfg);
    this.batches = new BatchWriter(this.dv);
    this.store = new DataverseSettingsStore(this.dv, this.batches);
  }

  endpoints(): string[] {
    return [this.cfg.url];
  }

  requestCounts(): RequestCounts {
    return { total: this.dv.counts.total, byKind: { ...this.dv.counts.byKind } };
  }

  engineFor(): WriteEngine {
    return 'batch';
  }

  minimumWriteRequests(n: number): number {
    return Math.ceil(n / this.dv.batchSize());
  }

  // ---------- connection ----------

  private async whoAmI(): Promise<{ userId: string; orgId: string }> {
    if (!this.who) {
      const r = await this.dv.call('whoAmI', 'WhoAmI', () =>
        this.dv.web.get<{ UserId: string; OrganizationId: string }>('WhoAmI'),
      );
      this.who = { userId: r.UserId, orgId: r.OrganizationId };
    }
    return this.who;
  }

  serverTime(): Promise<number | null> {
    return serverDate(`${this.cfg.url.replace(/\/$/, '')}/api/data/`, 'dataverse', this.cfg.outbound);
  }

  async instanceId(): Promise<string> {
    return (await this.whoAmI()).orgId;
  }

  /** WhoAmI, then one `$batch` reading one row of each required table. */
  async checkConnection(): Promise<ConnectionCheck> {
    const checked = DV_REQUIRED_OBJECTS.map(([t]) => t);
    try {
      const { userId } = await this.whoAmI();
      const results = await this.dv.call('batch', 'connection check', () =>
        this.dv.web.batch(
          DV_REQUIRED_OBJECTS.map(([table, set]) => ({
            method: 'GET' as const,
            url: queryPath(set, { select: [`${table === 'activitypointer' ? 'activity' : table}id`], top: 1 }),
          })),
          { changeSet: false, continueOnError: true },
        ),
      );
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
        return {
          ok: false,
          userId,
          checked,
          unreadable,
          error: new CatalogueError(
            'OBJECTS_UNREADABLE',
            `Dataverse: cannot read ${unreadable.join(', ')} (${codeOf(denied[0])}: ${messageOf(denied[0])})`,
          ),
        };
      }
      return { ok: true, userId, checked, unreadable: [] };
    } catch (err) {
      return { ok: false, checked, unreadable: [], error: dataverseError(err, 'connection check') };
    }
  }

  // ---------- metadata ----------

  /** The entity set of a table, read from its metadata once (custom tables do not pluralise predictably). */
  entitySetName(logicalName: string): Promise<string> {
    return this.dv.entitySetName(logicalName);
  }

  /** Whether a column exists (the `$filter` probe, which always answers 200). */
  async attributeExists(table: string, attribute: string): Promise<boolean> {
    const r = await this.dv.call('metadata', `Attributes(${table}.${attribute})`, () =>
      this.dv.web.get<{ value: Rec[] }>(
        queryPath(`EntityDefinitions(LogicalName='${table}')/Attributes`, {
          select: ['LogicalName'],
          filter: `LogicalName eq ${odataString(attribute)}`,
        }),
        { Consistency: 'Strong' },
      ),
    );
    return r.value.length > 0;
  }

  /** Creates a column from an attribute definition (e.g. a PicklistAttributeMetadata), in a solution if named. */
  async createAttribute(table: string, definition: Rec, solutionUniqueName?: string): Promise<void> {
    await this.dv.call('metadata', `create attribute on ${table}`, () =>
      this.dv.web.create(
        `EntityDefinitions(LogicalName='${table}')/Attributes`,
        definition,
        solutionUniqueName ? { 'MSCRM.SolutionUniqueName': solutionUniqueName } : {},
      ),
    );
  }

  async publish(tables: readonly string[]): Promise<void> {
    const xml = `<importexportxml><entities>${tables.map((t) => `<entity>${xmlAttr(t)}</entity>`).join('')}</entities></importexportxml>`;
    await this.dv.call('publish', 'PublishXml', () =>
      this.dv.web.send({ method: 'POST', url: 'PublishXml', body: { ParameterXml: xml } }),
    );
  }

  async provisionedLanguages(): Promise<number[]> {
    const r = await this.dv.call('function', 'RetrieveProvisionedLanguages', () =>
      this.dv.web.get<{ RetrieveProvisionedLanguages: number[] }>('RetrieveProvisionedLanguages'),
    );
    return r.RetrieveProvisionedLanguages;
  }

  // ---------- queries ----------

  people(q: PersonQuery): Pages<CrmPerson> {
    const P = DV.person;
    const isContact = q.kind === 'contact';
    const table = isContact ? 'contact' : 'lead';
    const select = [
      `${table}id`,
      'firstname',
      'lastname',
      'emailaddress1',
      'telephone1',
      'jobtitle',
      '_ownerid_value',
      'modifiedon',
      ...(isContact ? ['_parentcustomerid_value'] : ['companyname']),
      ...Object.values(P),
    ];
    const where = ['statecode eq 0'];
    const flag = P.notAtCompany;
    if (q.notAtCompany?.length) {
      const parts = q.notAtCompany.map((v) => `${flag} eq ${DV_VALUES.notAtCompany[v]}`);
      if (q.notAtCompany.includes('noFeedback')) parts.push(`${flag} eq null`);
      where.push(`(${parts.join(' or ')})`);
    }
    if (q.withNavSyncData)
      where.push(
        `(${P.memberUrn} ne null or ${flag} eq ${DV_VALUES.notAtCompany.notAtCompany} or ${flag} eq ${DV_VALUES.notAtCompany.ignore} or ${P.syncedAt} ne null)`,
      );
    if (q.syncedBefore)
      where.push(`(${P.syncedAt} eq null or ${P.syncedAt} lt ${new Date(q.syncedBefore).toISOString()})`);
    if (!isContact && q.accountIds) return empty();
    return this.dv.chunked(
      `${table}s`,
      select,
      where,
      [
        [`${table}id`, q.ids],
        ['_parentcustomerid_value', isContact ? q.accountIds : undefined],
        ['_ownerid_value', q.ownerIds],
      ],
      (r) => this.toPerson(q.kind, r),
      [table],
    );
  }

  /** The rows of a kind matched by hand and modified at or after `since`: one query (no id list). */
  handMatchedSince(kind: PersonKind, since: string): Pages<string> {
    const table = kind === 'contact' ? 'contact' : 'lead';
    const where = [
      `${DV.person.matchSource} eq ${DV_VALUES.matchSource.manual}`,
      `modifiedon ge ${new Date(since).toISOString()}`,
    ];
    return this.dv.chunked(`${table}s`, [`${table}id`], where, [], (r) => r[`${table}id`] as string, [table]);
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
      companyName:
        kind === 'contact'
          ? ((r[`_parentcustomerid_value${FORMATTED}`] ?? r._parentcustomerid_value_Formatted ?? null) as string | null)
          : s('companyname'),
      ownerId: s('_ownerid_value'),
      notAtCompany: fromDvFlag(r[P.notAtCompany] as number | null),
      memberUrn: s(P.memberUrn),
      profileUrl: s(P.profileUrl),
      photoUrl: s(P.photoUrl),
      matchSource: ms === DV_VALUES.matchSource.manual ? 'manual' : ms === DV_VALUES.matchSource.sync ? 'sync' : null,
      syncedAt: isoOrNull(r[P.syncedAt]),
      validatedAt: isoOrNull(r[P.validatedAt]),
      lastModifiedAt: isoOrNull(r.modifiedon),
      version: (r['@odata.etag'] as string | undefined) ?? null,
    };
  }

  accounts(q: AccountQuery): Pages<CrmAccount> {
    const urn = DV.account.companyUrn;
    const select = [
      'accountid',
      'name',
      'websiteurl',
      'telephone1',
      'address1_line1',
      'address1_city',
      'address1_stateorprovince',
      'address1_postalcode',
      'numberofemployees',
      'industrycode',
      '_ownerid_value',
      urn,
    ];
    const where = q.withCompanyUrn ? [`${urn} ne null`] : [];
    return this.dv.chunked(
      'accounts',
      select,
      where,
      [
        ['accountid', q.ids],
        ['_ownerid_value', q.ownerIds],
      ],
      (r) => ({
        id: r.accountid as string,
        name: (r.name as string) ?? null,
        website: (r.websiteurl as string) ?? null,
        phone: (r.telephone1 as string) ?? null,
        street: (r.address1_line1 as string) ?? null,
        city: (r.address1_city as string) ?? null,
        state: (r.address1_stateorprovince as string) ?? null,
        postalCode: (r.address1_postalcode as string) ?? null,
        employees: (r.numberofemployees as number) ?? null,
        industry:
          ((r[`industrycode${FORMATTED}`] ?? r.industrycode_Formatted ?? null) as string | null) ??
          (r.industrycode === null || r.industrycode === undefined ? null : String(r.industrycode)),
        ownerId: (r._ownerid_value as string) ?? null,
        companyUrn: (r[urn] as string) ?? null,
      }),
      ['account'],
    );
  }

  /** Opportunities through FetchXML, following its paging cookie. */
  opportunities(q: OpportunityQuery): Pages<CrmOpportunity> {
    const lists: [string, readonly string[] | undefined][] = [
      ['opportunityid', q.ids],
      ['parentaccountid', q.accountIds],
      ['ownerid', q.ownerIds],
    ];
    const given = lists.filter((l): l is [string, readonly string[]] => l[1] !== undefined);
    if (given.some(([, ids]) => ids.length === 0)) return empty();
    const [first, ...rest] = given;
    const cond = (col: string, ids: readonly string[]) =>
      `<condition attribute="${col}" operator="in">${guids(ids)
        .map((i) => `<value>${i}</value>`)
        .join('')}</condition>`;
    const fixed = [
      ...(q.openOnly ? ['<condition attribute="statecode" operator="eq" value="0" />'] : []),
      ...rest.map(([c, ids]) => cond(c, ids)),
    ];
    const self = this;
    return (async function* () {
      const parts = first
        ? chunks([...new Set(first[1])], IN_CHUNK).map((p) => [...fixed, cond(first[0], p)])
        : [fixed];
      for (const conditions of parts) yield* self.fetchOpportunities(conditions);
    })();
  }

  private async *fetchOpportunities(conditions: string[]): AsyncGenerator<CrmOpportunity[]> {
    const attrs = [
      'opportunityid',
      'name',
      'parentaccountid',
      'parentcontactid',
      'ownerid',
      'stepname',
      'salesstage',
      'statecode',
      'estimatedvalue',
      'estimatedclosedate',
    ];
    const count = Math.min(this.cfg.pageSize ?? 5000, 5000);
    const fetchXml = `<fetch count="${count}"><entity name="opportunity">${attrs.map((a) => `<attribute name="${a}" />`).join('')}<order attribute="opportunityid" />${conditions.length ? `<filter type="and">${conditions.join('')}</filter>` : ''}</entity></fetch>`;
    for (let p: FetchPage | null = { page: 1 }; p;) {
      const at = p;
      const r = await this.dv.call(
        'fetchXml',
        'opportunities',
        () =>
          this.dv.web.get<Page>(`opportunities?fetchXml=${encodeURIComponent(pagedFetchXml(fetchXml, at))}`, {
            Prefer: preferences({ annotations: PAGING_ANNOTATIONS }),
          }),
        ['opportunity'],
      );
      if (r.value.length) yield r.value.map((o) => toOpportunity(o));
      p = nextFetchPage(r, at.page);
    }
  }

  /** The out-of-box sales stages of the opportunity `salesstage` choice (0–3), then won/lost. */
  async opportunityStages(): Promise<OpportunityStage[]> {
    return ['Qualify', 'Develop', 'Propose', 'Close']
      .map((name, i) => ({ name, sortOrder: i, isClosed: false, isWon: false }))
      .concat([
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
        yield* self.dv.odata(
          'opportunities',
          ['opportunityid', '_parentcontactid_value'],
          `${inFilter('opportunityid', part)} and _parentcontactid_value ne null`,
          (r) => ({
            opportunityId: r.opportunityid as string,
            contactId: r._parentcontactid_value as string,
            role: null,
            isPrimary: true,
          }),
          ['opportunity'],
        );
        yield* self.dv.odata(
          'connections',
          ['_record1id_value', '_record2id_value', 'name'],
          `${inFilter('_record1id_value', part)} and record2objecttypecode eq 2`,
          (r) => ({
            opportunityId: r._record1id_value as string,
            contactId: r._record2id_value as string,
            role: (r.name as string) ?? null,
            isPrimary: false,
          }),
          ['connection'],
        );
      }
    })();
  }

  users(q: UserQuery): Pages<CrmUser> {
    return this.dv.chunked(
      'systemusers',
      ['systemuserid', 'fullname', 'internalemailaddress', 'isdisabled'],
      q.activeOnly ? ['isdisabled eq false'] : [],
      [['systemuserid', q.ids]],
      (r) => ({
        id: r.systemuserid as string,
        name: (r.fullname as string) ?? null,
        email: (r.internalemailaddress as string) ?? null,
        active: !r.isdisabled,
      }),
      ['systemuser'],
    );
  }

  private async activityTables(): Promise<
    { type: ActivityType; table: string; set: string; pk: string; regarding: string }[]
  > {
    const A = DV.activity;
    return [
      {
        type: 'inmail',
        table: A.inmailTable,
        set: await this.entitySetName(A.inmailTable),
        pk: 'activityid',
        regarding: '_regardingobjectid_value',
      },
      {
        type: 'message',
        table: A.messageTable,
        set: await this.entitySetName(A.messageTable),
        pk: 'activityid',
        regarding: '_regardingobjectid_value',
      },
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
        const select = [
          t.pk,
          A.activityKey,
          A.personName,
          A.personUrn,
          '_ownerid_value',
          t.regarding,
          'subject',
          'statecode',
        ];
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
          yield* self.dv.odata(t.set, select, where.join(' and '), map, [t.table]);
          continue;
        }
        for (const part of chunks([...new Set(q.keys)], IN_CHUNK)) {
          const keys = `(${part.map((k) => `${A.activityKey} eq ${odataString(k)}`).join(' or ')})`;
          yield* self.dv.odata(t.set, select, [...where, keys].join(' and '), map, [t.table]);
        }
      }
    })();
  }

  /** Notes written back for these keys, looked up by their derived annotationid. */
  private async *notesByKey(keys: readonly string[]): AsyncGenerator<CrmActivity[]> {
    const keyById = new Map([...new Set(keys)].map((k) => [dataverseActivityId(k).toLowerCase(), k]));
    for (const part of chunks([...keyById.keys()], IN_CHUNK)) {
      yield* this.dv.odata(
        'annotations',
        ['annotationid', '_ownerid_value', '_objectid_value', 'subject'],
        inFilter('annotationid', part),
        (r: Rec): CrmActivity => ({
          id: r.annotationid as string,
          key: keyById.get(String(r.annotationid).toLowerCase()) as string,
          type: 'note',
          ownerId: (r._ownerid_value as string) ?? null,
          personId: (r._objectid_value as string) ?? null,
          completed: r._objectid_value != null,
          personName: null,
          personUrn: null,
          subject: (r.subject as string) ?? null,
        }),
        ['annotation'],
      );
    }
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

  /** `$batch` requests end with their response: nothing is ever left running on the platform. */
  async abortLeftJobs(): Promise<LeftJob[]> {
    return [];
  }

  // ---------- writes ----------

  private toDvFields(f: PersonFields): Rec {
    const P = DV.person;
    const out: Rec = {};
    if (f.notAtCompany !== undefined) out[P.notAtCompany] = DV_VALUES.notAtCompany[f.notAtCompany];
    if (f.memberUrn !== undefined) out[P.memberUrn] = f.memberUrn;
    if (f.profileUrl !== undefined) out[P.profileUrl] = f.profileUrl;
    if (f.photoUrl !== undefined) out[P.photoUrl] = f.photoUrl;
    if (f.matchSource !== undefined)
      out[P.matchSource] = f.matchSource === null ? null : DV_VALUES.matchSource[f.matchSource];
    if (f.syncedAt !== undefined) out[P.syncedAt] = f.syncedAt;
    if (f.validatedAt !== undefined) out[P.validatedAt] = f.validatedAt;
    if (f.matchScore !== undefined) out[P.matchScore] = f.matchScore;
    return out;
  }

  updatePeople(updates: PersonUpdateList): Promise<WriteResult> {
    // Each operation is made when its $batch is sent: a validation apply can hold ~800,000 updates.
    const at = (i: number): Op => {
      const u = updates.at(i) as PersonUpdate;
      return {
        ref: u.id,
        kind: 'update',
        collection: `${u.kind}s`,
        key: guids([u.id])[0],
        data: this.toDvFields(u.fields),
        ...(u.ifVersion ? { ifMatch: u.ifVersion } : {}),
      };
    };
    return this.batches.run({ length: updates.length, at });
  }

  updateAccounts(updates: readonly AccountUpdate[]): Promise<WriteResult> {
    return this.batches.run(
      updates.map((u) => ({
        ref: u.id,
        kind: 'update',
        collection: 'accounts',
        key: guids([u.id])[0],
        data: { [DV.account.companyUrn]: u.companyUrn },
      })),
    );
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
          refused.push({
            ref: a.key,
            code: 'NOTE_WITHOUT_PERSON',
            message: 'a Dataverse note is written only on a matched contact or lead',
          });
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
      if (a.person)
        data[`regardingobjectid_${a.person.kind}@odata.bind`] = `/${a.person.kind}s(${guids([a.person.id])[0]})`;
      else if (a.relatedToId) data['regardingobjectid_account@odata.bind'] = `/accounts(${guids([a.relatedToId])[0]})`;
      data.actualend = a.occurredAt;
      // Completed activities are closed (statecode 1, statuscode 2); unresolved ones stay open.
      data.statecode = a.completed ? 1 : 0;
      data.statuscode = a.completed ? 2 : 1;
      ops.push({
        ref: a.key,
        kind: 'upsert',
        collection: t.set,
        key: `${A.activityKey}=${encodeURIComponent(odataString(a.key))}`,
        data,
      });
    }
    const result = await this.batches.run(ops);
    result.failed.push(...refused);
    return result;
  }

  /** The row of a written-back activity: activity tables by the NavSync alternate key, notes by their derived id. */
  private activityRowKey(table: string, key: string): string {
    return table === 'annotation'
      ? dataverseActivityId(key)
      : `${DV.activity.activityKey}=${encodeURIComponent(odataString(key))}`;
  }

  /**
   * Completes earlier open activities: an update (If-Match `*`, so a missing row is never created) setting only
   * regarding and statecode/statuscode (domain `dataverseResolution`); subject and description stay as written.
   */
  async resolveActivities(resolutions: readonly ActivityResolution[]): Promise<WriteResult> {
    const tables = new Map((await this.activityTables()).map((t) => [t.type, t]));
    const regardingNavigation = (table: string, target: 'contact' | 'lead') =>
      table === 'annotation' ? `objectid_${target}` : `regardingobjectid_${target}`;
    const ops: Op[] = resolutions.map((r) => {
      const t = tables.get(r.type) as { table: string; set: string };
      const person = { ...r.person, id: guids([r.person.id])[0] };
      const plan = dataverseResolution({ ...r, person }, r.type, { regardingNavigation });
      return {
        ref: r.key,
        kind: 'update',
        collection: t.set,
        key: this.activityRowKey(t.table, r.key),
        data: plan.record,
      };
    });
    return this.batches.run(ops);
  }

  /** POST contacts (domain `testContactDataverse`); a refusal of the record (4xx) comes back with its code. */
  async createTestContact(contact: TestContact): Promise<TestContactResult> {
    const data = testContactDataverse({
      ...contact,
      ownerId: guids([contact.ownerId])[0],
      accountId: contact.accountId ? guids([contact.accountId])[0] : null,
    });
    return this.dv.call(
      'create',
      'contacts',
      async (): Promise<TestContactResult> => {
        try {
          return { ok: true, id: await this.dv.web.create('contacts', data) };
        } catch (err) {
          const refusal = recordRefusal(err);
          if (refusal) return refusal;
          throw err;
        }
      },
      ['contact'],
    );
  }

  /** Test activities by key (a test key only) in one `$batch`; a row already gone counts as removed. */
  async deleteTestActivities(refs: readonly TestActivityRef[]): Promise<WriteResult> {
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    const keys = new Set(testKeys(refs, out));
    if (!keys.size) return out;
    const tables = new Map((await this.activityTables()).map((t) => [t.type, t]));
    const ops: Op[] = refs
      .filter((r) => keys.delete(r.key))
      .map((r) => {
        const t = tables.get(r.type) as { table: string; set: string };
        return { ref: r.key, kind: 'delete', collection: t.set, key: this.activityRowKey(t.table, r.key) };
      });
    return goneIsRemoved(await this.batches.run(ops), out);
  }

  async deleteTestContact(id: string): Promise<WriteResult> {
    const key = guids([id])[0];
    const r = await this.dv.call(
      'delete',
      `contacts(${key})`,
      async () => {
        try {
          await this.dv.web.send({ method: 'DELETE', url: `contacts(${key})` });
          return null;
        } catch (err) {
          const refusal = recordRefusal(err);
          if (refusal) return refusal;
          throw err;
        }
      },
      ['contact'],
    );
    return goneIsRemoved(
      r && !r.ok
        ? { succeeded: [], failed: [{ ref: key, code: r.code, message: r.message }], unprocessed: [] }
        : { succeeded: [key], failed: [], unprocessed: [] },
    );
  }
}
