/**
 * The one interface the sync engine uses to talk to a CRM. Two adapters: `SalesforceGateway` (jsforce: SOQL,
 * sObject Collections ≤ 200, Bulk API 2.0 for larger writes) and `DataverseGateway` (the Dataverse Web API: OData,
 * FetchXML, `$batch` change sets ≤ 1000). Field names are NavSync's logical names (the keys of `SF.person` /
 * `DV.person` in domain/crmSchema); the adapters map them to platform names (namespace applied).
 *
 * Errors: every method throws `CatalogueError` (domain/errors) for failures of the whole call. Per-record
 * failures are never thrown: they come back in `WriteResult.failed` with the platform's code and message.
 */
import type { CatalogueError } from '../domain/errors';
import type { Seat } from '../domain/seats/seats';
import type { NavSyncSettings } from '../domain/settings/model';
import type { ActivityKind } from '../domain/writeback/kinds';
import type { TestContact } from '../domain/testWriteBack/plan';
import type { WritebackPlan, WritebackResolution } from '../domain/writeback/plan';

export type CrmKind = 'salesforce' | 'dataverse';
export type PersonKind = 'contact' | 'lead';

/** NavSync's "Not at company" flag; `noFeedback` = empty in Salesforce, 613730000 in Dataverse. */
export type NotAtCompany = 'noFeedback' | 'notAtCompany' | 'ignore';
export type MatchSource = 'sync' | 'manual';
/** The domain's activity kinds (domain/writeback/kinds). */
export type ActivityType = ActivityKind;

/** A page of records; queries return async iterables of pages so memory stays flat on large orgs. */
export type Pages<T> = AsyncIterable<T[]>;

// ---------- connection check (issue 6, step 1) ----------

export interface ConnectionCheck {
  ok: boolean;
  /** The integration user the credentials act as. */
  userId?: string;
  /** Objects checked (Salesforce: Account, Contact, Lead, Opportunity, OpportunityContactRole, Task, User,
   *  UserRole; Dataverse: account, activitypointer, contact, lead, opportunity, systemuser, position). */
  checked: string[];
  /** Objects the user cannot read (→ OBJECTS_UNREADABLE). */
  unreadable: string[];
  /** Set when ok is false: CONNECT_FAILED, INSUFFICIENT_ACCESS, OBJECTS_UNREADABLE or API_ERROR. */
  error?: CatalogueError;
  /**
   * Whether the platform itself keeps a rep's Ignore against this user's writes: Salesforce when the user holds the
   * NavSync Integration permission set ('unknown' when the user may not read assignments); Dataverse always (every
   * update is conditional on the row's version).
   */
  ignoreGuard?: 'on' | 'off' | 'unknown';
}

// ---------- settings, seats, status (what the admin pages save) ----------

/**
 * The settings record as the domain defines it (`NavSyncSettings`, mapped by domain/settings/records — the same
 * mapping the admin pages save through), plus what only the engine needs: the record id and its own status fields.
 */
export interface CrmSettings extends NavSyncSettings {
  /** Record id of the settings row (null when none exists yet). */
  id: string | null;
  lastRunSummary: string | null;
  /** Export cursor (epoch ms) saved after a successful apply; null before the first run. */
  exportCursor: number | null;
}

/** A seat as the domain defines it (`Seat`, mapped by domain/seats), plus its record id. */
export interface CrmSeat extends Seat {
  id: string;
}

export interface CrmStatus {
  connected: boolean;
  lastSyncedAt?: string | null;
  lastRunSummary?: string | null;
  exportCursor?: number | null;
}

// ---------- records read ----------

export interface CrmPerson {
  id: string;
  kind: PersonKind;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  title: string | null;
  /** Contact: the account id; lead: null. */
  accountId: string | null;
  /** Contact: the account's name; lead: the Company field. */
  companyName: string | null;
  ownerId: string | null;
  notAtCompany: NotAtCompany;
  memberUrn: string | null;
  profileUrl: string | null;
  photoUrl: string | null;
  matchSource: MatchSource | null;
  /** ISO datetimes. */
  syncedAt: string | null;
  validatedAt: string | null;
  lastModifiedAt: string | null;
  /**
   * The row version as read (Dataverse `@odata.etag`): an update sent with it is refused (412) when the row
   * changed in between. Salesforce has no conditional update: null there (the package's trigger guards Ignore).
   */
  version?: string | null;
}

export interface PersonQuery {
  kind: PersonKind;
  ids?: readonly string[];
  ownerIds?: readonly string[];
  /** Contacts only. */
  accountIds?: readonly string[];
  notAtCompany?: readonly NotAtCompany[];
  /** Only records carrying NavSync data (member URN, flag set, or synced-at set): for clean-up counts. */
  withNavSyncData?: boolean;
  /** Only records whose association is older than this ISO datetime or was never synced. */
  syncedBefore?: string;
  pageSize?: number;
}

export interface CrmAccount {
  id: string;
  name: string | null;
  website: string | null;
  phone: string | null;
  street: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  employees: number | null;
  industry: string | null;
  ownerId: string | null;
  companyUrn: string | null;
}

export interface AccountQuery {
  ids?: readonly string[];
  ownerIds?: readonly string[];
  withCompanyUrn?: boolean;
  pageSize?: number;
}

export interface CrmOpportunity {
  id: string;
  name: string | null;
  accountId: string | null;
  ownerId: string | null;
  /** Stage name (Salesforce StageName; Dataverse stepname, else the salesstage label). */
  stage: string | null;
  isClosed: boolean;
  isWon: boolean;
  amount: number | null;
  closeDate: string | null;
  /** Dataverse parentcontactid; Salesforce: null (use contact roles). */
  primaryContactId: string | null;
}

export interface OpportunityQuery {
  ids?: readonly string[];
  ownerIds?: readonly string[];
  accountIds?: readonly string[];
  openOnly?: boolean;
  pageSize?: number;
}

/** The ordered stage list of the org (Salesforce OpportunityStage; Dataverse salesstage options). */
export interface OpportunityStage {
  name: string;
  sortOrder: number;
  isClosed: boolean;
  isWon: boolean;
}

export interface CrmContactRole {
  opportunityId: string;
  contactId: string;
  role: string | null;
  isPrimary: boolean;
}

export interface CrmUser {
  id: string;
  name: string | null;
  email: string | null;
  active: boolean;
}

export interface UserQuery {
  ids?: readonly string[];
  activeOnly?: boolean;
  pageSize?: number;
}

// ---------- writes ----------

/** Logical person fields NavSync writes; null clears the field (Salesforce `#N/A`, Dataverse null). */
export interface PersonFields {
  notAtCompany?: NotAtCompany;
  memberUrn?: string | null;
  profileUrl?: string | null;
  photoUrl?: string | null;
  matchSource?: MatchSource | null;
  syncedAt?: string | null;
  validatedAt?: string | null;
  /** The sync match's stored score (`encodePersonScore`); null when unknown or no longer matched. */
  matchScore?: string | null;
}

export interface PersonUpdate {
  id: string;
  kind: PersonKind;
  fields: PersonFields;
  /** Write only if the record is still at this version (`CrmPerson.version`); a changed record is a conflict. */
  ifVersion?: string;
}

/**
 * Person updates read by position: an array, or a packed list that makes each update when it is read (the
 * validation step holds up to ~1,000,000 of them; see sync/validationChanges). Gateways read them one by one.
 */
export interface PersonUpdateList extends Iterable<PersonUpdate> {
  readonly length: number;
  at(index: number): PersonUpdate | undefined;
}

export interface AccountUpdate {
  id: string;
  companyUrn: string | null;
}

/**
 * A written-back Sales Navigator activity, upserted by `key` (the activity's id): reruns never double it.
 * It is exactly the write-back plan the domain makes (one definition of the shape).
 */
export type ActivityRecord = WritebackPlan;

export interface CrmActivity {
  id: string;
  key: string;
  type: ActivityType | null;
  ownerId: string | null;
  personId: string | null;
  completed: boolean;
  personName: string | null;
  personUrn: string | null;
  subject: string | null;
}

export interface ActivityQuery {
  keys?: readonly string[];
  /** Only open activities without a person (to re-resolve). */
  unresolvedOnly?: boolean;
  pageSize?: number;
}

/**
 * The change that completes an earlier unresolved activity (domain `planReResolution`), with its kind so the
 * Dataverse adapter knows the table. Only the person, the related record and the completed state are written:
 * the subject and body written earlier stay as they are.
 */
export interface ActivityResolution extends WritebackResolution {
  type: ActivityType;
  /** The record id as read moments before (Salesforce updates by it, so a Task deleted meanwhile is not recreated). */
  id: string;
}

/** Keys of Test Write-Back's own activities (`sn-<kind>-navsync-test-<run>-<kind>`, domain testWriteBack plan). */
export const TEST_ACTIVITY_KEY = /^sn-(inmail|message|note|call)-navsync-test-/;

/** A Test Write-Back activity to remove: its key (always a test key) and kind (the Dataverse table). */
export interface TestActivityRef {
  key: string;
  type: ActivityType;
}

/** The created test contact, or the platform's refusal (for domain `diagnoseTestWriteBack`). */
export type TestContactResult =
  { ok: true; id: string } | { ok: false; httpStatus?: number; code: string; message: string; fields?: string[] };

export interface WriteFailure {
  /** Record id, or the activity key for upserts. */
  ref: string;
  /** The platform's error code (Salesforce statusCode/errorCode; Dataverse 0x… code). */
  code: string;
  message: string;
}

export interface WriteResult {
  succeeded: string[];
  failed: WriteFailure[];
  /** Records the platform did not process (Bulk job aborted, `$batch` change set rolled back): retry later. */
  unprocessed: string[];
  /** Upserts only: refs that were created (the rest were updated). */
  created?: string[];
  /** Refs not written because the record changed since it was read (`PersonUpdate.ifVersion`); re-read them. */
  conflicts?: string[];
}

/** A platform job an earlier run left unfinished (Salesforce Bulk API 2.0 ingest job still Open or UploadComplete). */
export interface LeftJob {
  id: string;
  object: string;
  state: string;
  createdAt: string | null;
  /** False when the platform refused to abort it (e.g. it finished in the meantime). */
  aborted: boolean;
}

/** What a write is routed through (for reporting requests vs the platform minimum). */
export type WriteEngine = 'collections' | 'bulk' | 'batch';

export interface RequestCounts {
  total: number;
  byKind: Record<string, number>;
}

export interface CrmGateway {
  readonly kind: CrmKind;
  /** The org/environment identity used in the LinkedIn CRM instance URN (Salesforce org id, Dataverse org id). */
  instanceId(): Promise<string>;

  /**
   * The CRM server's clock (epoch ms, from its HTTP `Date` header), null when it does not say: the engine compares
   * and writes times by the platform's clock, never by the machine it runs on.
   */
  serverTime(): Promise<number | null>;
  /** Step 1: reach the CRM, authenticate, read one row of each required object. Never throws. */
  checkConnection(): Promise<ConnectionCheck>;

  readSettings(): Promise<CrmSettings>;
  /** Creates the settings row when none exists. */
  writeSettings(patch: Partial<Omit<CrmSettings, 'id'>>): Promise<void>;
  writeStatus(status: CrmStatus): Promise<void>;
  readSeats(): Promise<CrmSeat[]>;
  /** Upsert seats by userId. */
  writeSeats(seats: readonly Omit<CrmSeat, 'id'>[]): Promise<WriteResult>;

  people(q: PersonQuery): Pages<CrmPerson>;
  /**
   * True when a query of many records is read the platform's bulk way in a few requests (Salesforce: one Bulk API
   * 2.0 query job): the validation step then reads the seat holders' people once for a large export, instead of
   * each row's record by id.
   */
  readonly bulkReads?: boolean;
  /**
   * Ids of the records of a kind matched by hand (match source Manual) and changed at or after `since` (ISO
   * datetime, the CRM's clock): one query, however many records the caller is about to write. Optional: without
   * it the caller reads those records again by id.
   */
  handMatchedSince?(kind: PersonKind, since: string): Pages<string>;
  accounts(q: AccountQuery): Pages<CrmAccount>;
  opportunities(q: OpportunityQuery): Pages<CrmOpportunity>;
  opportunityStages(): Promise<OpportunityStage[]>;
  /** Salesforce OpportunityContactRole; Dataverse connections to contacts plus parentcontactid. */
  contactRoles(opportunityIds: readonly string[]): Pages<CrmContactRole>;
  users(q: UserQuery): Pages<CrmUser>;
  activities(q: ActivityQuery): Pages<CrmActivity>;

  /** Bulk update of person fields; routed through the platform's bulk engine (see `engineFor`). */
  updatePeople(updates: PersonUpdateList): Promise<WriteResult>;
  updateAccounts(updates: readonly AccountUpdate[]): Promise<WriteResult>;
  /** Upsert by activity key (Salesforce external id; Dataverse alternate key). */
  upsertActivities(activities: readonly ActivityRecord[]): Promise<WriteResult>;
  /**
   * Re-resolution: set only person, related record and completed state of open activities, never creating a row
   * (Salesforce: update by record id; Dataverse: update by the alternate key with If-Match). Results are by key.
   */
  resolveActivities(resolutions: readonly ActivityResolution[]): Promise<WriteResult>;
  /** Test Write-Back: create the plan's test contact. A refusal comes back with the platform's code and text. */
  createTestContact(contact: TestContact): Promise<TestContactResult>;
  /**
   * Test Write-Back clean-up: delete the test's own activities by key (any other key is refused per record, so
   * written-back activities can never be removed here). A record already gone counts as removed.
   */
  deleteTestActivities(refs: readonly TestActivityRef[]): Promise<WriteResult>;
  /** Test Write-Back clean-up: delete the test contact this run created. */
  deleteTestContact(id: string): Promise<WriteResult>;
  /**
   * The run lease on the settings record, compare-and-set: writes `next` only if the lease still reads `expected`
   * (null = none), and says whether it did. Each CRM uses the strongest check it offers (Dataverse: If-Match on the
   * row; Salesforce: read again after the write, see its settings store for the race that remains).
   */
  swapRunLease(expected: string | null, next: string | null): Promise<boolean>;
  /** The run lease as stored (null = none). */
  readRunLease(): Promise<string | null>;
  /** Aborts the platform jobs this integration user left unfinished; call only while holding the run lease. */
  abortLeftJobs(): Promise<LeftJob[]>;
  /** Disconnect clean-up: delete NavSync's own settings/seat rows (never written-back activities). */
  deleteNavSyncRecords(what: 'seats' | 'settings'): Promise<WriteResult>;

  /** Which engine a write of n records takes (Salesforce: ≤ 200 → collections, else bulk; Dataverse: batch). */
  engineFor(n: number): WriteEngine;
  /**
   * The minimum number of HTTP requests a write of n records needs on this platform (for the run report); `bytes`:
   * the data as sent where its size sets the number of requests (Salesforce Bulk CSV: one job per upload limit).
   */
  minimumWriteRequests(n: number, bytes?: number): number;
  /** Requests made so far, by kind (e.g. `query`, `queryMore`, `collections`, `bulkCreate`, `batch`). */
  requestCounts(): RequestCounts;
}

/** The refs that are Test Write-Back keys; any other key is refused per record (never deleted). */
export function testKeys(refs: readonly TestActivityRef[], out: WriteResult): string[] {
  const keys: string[] = [];
  for (const r of refs) {
    if (TEST_ACTIVITY_KEY.test(r.key)) keys.push(r.key);
    else
      out.failed.push({
        ref: r.key,
        code: 'NOT_A_TEST_ACTIVITY',
        message: 'only Test Write-Back activities are deleted; written-back activities never are',
      });
  }
  return [...new Set(keys)];
}
