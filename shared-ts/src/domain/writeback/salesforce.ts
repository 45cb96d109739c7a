import { SF, SF_NAMESPACE, sfName } from '../crmSchema';
import { utf8ToBase64, noteHtml } from './base64';
import { ACTIVITY_KIND_SF_TYPE } from './kinds';
import type { WritebackPlan, WritebackResolution } from './plan';
import { SF_TEXT_LIMITS, trimToLength } from './text';

/**
 * Salesforce rendering of a write-back plan: a Task upserted by LinkedIn_Activity_Key__c (external id, unique).
 *
 * Notes (salesforce-api.md §6.4): a note is ALSO a Task, the idempotency ledger — ContentNote has no external id,
 * and an unmatched note has no record to link to, so only a Task can be upserted and listed as unresolved.
 * When the note is matched, a ContentNote (enhanced note, shown in the Notes related list) is added and linked
 * to the person and the related record; the engine creates it only on the run where the Task is created or
 * resolved (the upsert result says which), so reruns never double it.
 */
export interface SalesforceTaskContext {
  /** ApiName of a closed TaskStatus (query TaskStatus: IsClosed) — status values differ per org. */
  completedStatus: string;
  /** ApiName of the default open TaskStatus (IsDefault). */
  openStatus: string;
  /** Task Priority value; default "Normal". */
  priority?: string;
  /** Values of the org's Task Type picklist; Type is set to "Call" for calls only when the org has it. */
  taskTypes?: readonly string[];
  /** Package namespace for our custom fields; null in a no-namespace org. Default: navsync. */
  namespace?: string | null;
}

export type SalesforceFieldValue = string | null;

export interface SalesforceTaskPlan {
  /** External-id field and value for the upsert (`PATCH /sobjects/Task/<field>/<key>`, Bulk externalIdFieldName). */
  externalIdField: string;
  key: string;
  /** Fields sent on every upsert. */
  fields: Record<string, SalesforceFieldValue>;
  /** Fields Salesforce accepts on insert only (TaskSubtype is not updateable): send them when creating. */
  createOnlyFields: Record<string, SalesforceFieldValue>;
}

function sfNamespaceOf(ctx: SalesforceTaskContext): string | null {
  return ctx.namespace === undefined ? SF_NAMESPACE : ctx.namespace;
}

/** YYYY-MM-DD (UTC) of an ISO time: Task.ActivityDate is a date without time. */
export function activityDate(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().slice(0, 10);
}

export function salesforceTask(plan: WritebackPlan, ctx: SalesforceTaskContext): SalesforceTaskPlan {
  const n = sfNamespaceOf(ctx);
  const f = (name: string) => sfName(name, n);
  const whoId = plan.person ? plan.person.id : null;
  // A Task whose Who is a lead may not have a What (Salesforce rejects it).
  const whatId = plan.person && plan.person.kind === 'contact' && plan.relatedToId ? plan.relatedToId : null;
  const fields: Record<string, SalesforceFieldValue> = {
    Subject: trimToLength(plan.subject, SF_TEXT_LIMITS.subject),
    Description: plan.body ? trimToLength(plan.body, SF_TEXT_LIMITS.description) : null,
    ActivityDate: activityDate(plan.occurredAt),
    Status: plan.completed ? ctx.completedStatus : ctx.openStatus,
    Priority: ctx.priority || 'Normal',
    OwnerId: plan.ownerId,
    WhoId: whoId,
    WhatId: whatId,
    [f(SF.task.activityType)]: ACTIVITY_KIND_SF_TYPE[plan.type],
    [f(SF.task.personName)]: plan.personName ? trimToLength(plan.personName, SF_TEXT_LIMITS.personName) : null,
    [f(SF.task.personUrn)]: plan.personUrn ? trimToLength(plan.personUrn, SF_TEXT_LIMITS.personUrn) : null,
  };
  if (plan.type === 'call' && ctx.taskTypes && ctx.taskTypes.indexOf('Call') >= 0) fields.Type = 'Call';
  const keyField = f(SF.task.activityKey);
  fields[keyField] = plan.key;
  return {
    externalIdField: keyField,
    key: plan.key,
    fields,
    createOnlyFields: { TaskSubtype: plan.type === 'call' ? 'Call' : 'Task' },
  };
}

/** The update that resolves an earlier open Task (by its key) once the person matches. */
export function salesforceResolutionFields(
  resolution: WritebackResolution,
  ctx: SalesforceTaskContext,
): Record<string, SalesforceFieldValue> {
  const whatId = resolution.person.kind === 'contact' && resolution.relatedToId ? resolution.relatedToId : null;
  return { WhoId: resolution.person.id, WhatId: whatId, Status: ctx.completedStatus };
}

export interface SalesforceContentNotePlan {
  /** POST /sobjects/ContentNote */
  note: { Title: string; Content: string };
  /** POST /sobjects/ContentDocumentLink, one per record, with ContentDocumentId = the new note's id. */
  links: { LinkedEntityId: string; ShareType: 'I'; Visibility: 'AllUsers' }[];
}

/** The enhanced note for a matched note activity; null for other kinds and for unresolved notes. */
export function salesforceContentNote(plan: WritebackPlan): SalesforceContentNotePlan | null {
  if (plan.type !== 'note' || !plan.person) return null;
  const linked = [plan.person.id];
  if (plan.person.kind === 'contact' && plan.relatedToId) linked.push(plan.relatedToId);
  return {
    note: { Title: trimToLength(plan.subject, SF_TEXT_LIMITS.noteTitle), Content: utf8ToBase64(noteHtml(plan.body)) },
    links: linked.map((id) => ({ LinkedEntityId: id, ShareType: 'I', Visibility: 'AllUsers' })),
  };
}
