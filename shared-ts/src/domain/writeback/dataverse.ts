import { DV } from '../crmSchema';
import { nameGuid } from '../nameGuid';
import type { ActivityKind } from './kinds';
import type { WritebackPlan, WritebackResolution } from './plan';
import { DV_TEXT_LIMITS, trimToLength } from './text';

/**
 * Dataverse rendering of a write-back plan. InMails and messages go to NavSync's custom activity tables, calls
 * to the standard phonecall activity, notes to annotation (a note on the person). Each row's primary id is derived
 * from the activity key, so `PATCH <entitySet>(<id>)` upserts: a rerun updates, never doubles. Owner = the seat
 * holder (ownerid bind); the creator is whoever calls the API, i.e. the integration user.
 */
export interface DataverseWritebackTable {
  table: string;
  /** Entity set name (plural); for our own tables read EntitySetName back on first contact if it was customised. */
  entitySet: string;
  primaryId: string;
  isActivity: boolean;
}

export const DV_WRITEBACK_TABLES: Record<ActivityKind, DataverseWritebackTable> = {
  inmail: {
    table: DV.activity.inmailTable,
    entitySet: `${DV.activity.inmailTable}s`,
    primaryId: 'activityid',
    isActivity: true,
  },
  message: {
    table: DV.activity.messageTable,
    entitySet: `${DV.activity.messageTable}s`,
    primaryId: 'activityid',
    isActivity: true,
  },
  call: { table: 'phonecall', entitySet: 'phonecalls', primaryId: 'activityid', isActivity: true },
  note: { table: 'annotation', entitySet: 'annotations', primaryId: 'annotationid', isActivity: false },
};

/** statecode/statuscode pairs: activities are Open 0/1 and Completed 1/2 (phone call "Made" is 2 too). */
export interface DataverseStatus {
  statecode: number;
  statuscode: number;
}
export const DV_ACTIVITY_STATUS: { open: DataverseStatus; completed: DataverseStatus } = {
  open: { statecode: 0, statuscode: 1 },
  completed: { statecode: 1, statuscode: 2 },
};

export interface DataverseWritebackContext {
  /**
   * Single-valued navigation property for "regarding" (activities) or "objectid" (notes) per table and target.
   * The names are per relationship; read ReferencingEntityNavigationPropertyName from metadata and pass them here.
   * Default: `regardingobjectid_<target>_<table>` for activities, `objectid_<target>` for notes.
   */
  regardingNavigation?: (table: string, target: 'contact' | 'lead') => string;
  /** Status codes per kind when an org customised them. */
  statusOverrides?: Partial<Record<ActivityKind, { open?: DataverseStatus; completed?: DataverseStatus }>>;
}

export function defaultRegardingNavigation(table: string, target: 'contact' | 'lead'): string {
  return table === 'annotation' ? `objectid_${target}` : `regardingobjectid_${target}_${table}`;
}

export interface DataverseActivityPlan {
  key: string;
  table: string;
  entitySet: string;
  /** Deterministic primary id: upsert with PATCH `<entitySet>(<id>)`. */
  id: string;
  record: Record<string, string | number | boolean | null>;
}

const PLURAL: Record<'contact' | 'lead', string> = { contact: 'contacts', lead: 'leads' };

function statusFor(kind: ActivityKind, completed: boolean, ctx: DataverseWritebackContext): DataverseStatus {
  const o = ctx.statusOverrides && ctx.statusOverrides[kind];
  if (completed) return (o && o.completed) || DV_ACTIVITY_STATUS.completed;
  return (o && o.open) || DV_ACTIVITY_STATUS.open;
}

/** The id a key's row has in Dataverse (the same for every run). */
export function dataverseActivityId(key: string): string {
  return nameGuid(`navsync.activity.${key}`);
}

export function dataverseActivity(plan: WritebackPlan, ctx: DataverseWritebackContext = {}): DataverseActivityPlan {
  const target = DV_WRITEBACK_TABLES[plan.type];
  const nav = ctx.regardingNavigation || defaultRegardingNavigation;
  const id = dataverseActivityId(plan.key);
  const record: Record<string, string | number | boolean | null> = {
    'ownerid@odata.bind': `/systemusers(${plan.ownerId})`,
  };
  // Annotation takes no custom columns: a note is found again by its derived id alone.
  if (target.isActivity) {
    record[DV.activity.activityKey] = plan.key;
    record[DV.activity.personName] = plan.personName ? trimToLength(plan.personName, DV_TEXT_LIMITS.personName) : null;
    record[DV.activity.personUrn] = plan.personUrn ? trimToLength(plan.personUrn, DV_TEXT_LIMITS.personUrn) : null;
  }
  if (plan.person)
    record[`${nav(target.table, plan.person.kind)}@odata.bind`] = `/${PLURAL[plan.person.kind]}(${plan.person.id})`;
  if (target.isActivity) {
    record.subject = trimToLength(plan.subject, DV_TEXT_LIMITS.subject);
    record.description = plan.body ? trimToLength(plan.body, DV_TEXT_LIMITS.description) : null;
    record.actualstart = plan.occurredAt;
    record.actualend = plan.occurredAt;
    const s = statusFor(plan.type, plan.completed, ctx);
    record.statecode = s.statecode;
    record.statuscode = s.statuscode;
  } else {
    record.subject = trimToLength(plan.subject, DV_TEXT_LIMITS.annotationSubject);
    record.notetext = trimToLength(plan.body, DV_TEXT_LIMITS.annotationText);
    record.isdocument = false;
  }
  return { key: plan.key, table: target.table, entitySet: target.entitySet, id, record };
}

/** The update that resolves an earlier open activity (regarding + completed), addressed by its derived id. */
export function dataverseResolution(
  resolution: WritebackResolution,
  kind: ActivityKind,
  ctx: DataverseWritebackContext = {},
): DataverseActivityPlan {
  const target = DV_WRITEBACK_TABLES[kind];
  const nav = ctx.regardingNavigation || defaultRegardingNavigation;
  const record: Record<string, string | number | boolean | null> = {
    [`${nav(target.table, resolution.person.kind)}@odata.bind`]: `/${PLURAL[resolution.person.kind]}(${resolution.person.id})`,
  };
  if (target.isActivity) {
    const s = statusFor(kind, true, ctx);
    record.statecode = s.statecode;
    record.statuscode = s.statuscode;
  }
  return {
    key: resolution.key,
    table: target.table,
    entitySet: target.entitySet,
    id: dataverseActivityId(resolution.key),
    record,
  };
}
