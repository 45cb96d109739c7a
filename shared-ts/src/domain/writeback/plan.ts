import { t, type Locale } from '../i18n/index';
import { activityKey } from './key';
import type { NavSyncSettings } from '../settings/model';
import { isActivityKind, type ActivityKind } from './kinds';
import { cleanBody, singleLine, SF_TEXT_LIMITS, trimToLength } from './text';

/** LinkedIn writes back activities from this date on (the vendor's retroactive write-back limit). */
export const WRITEBACK_RETROACTIVE_FROM = '2021-06-23T00:00:00.000Z';

/** One Sales Navigator activity from a seat holder's inbox (already mapped from the inbox line). */
export interface SalesNavActivity {
  /** Sales Navigator's id of the activity. */
  id: string;
  kind: ActivityKind;
  /** Where it was logged; calls are only written back from the mobile app. */
  channel: 'desktop' | 'mobile' | null;
  /** CRM user id of the seat holder: the owner of the written record. */
  seatHolderId: string;
  /** ISO 8601 time of the activity. */
  occurredAt: string;
  subject: string | null;
  body: string | null;
  /** The other person, as LinkedIn knows them (kept on unresolved activities). */
  person: { memberUrn: string | null; name: string | null };
  /** This one item was marked not to be written back (inbox flag). */
  optOut: boolean;
}

/** The CRM person an activity was matched to (by the matching module), with what it relates to. */
export interface WritebackPerson {
  id: string;
  kind: 'contact' | 'lead';
  accountId: string | null;
  /** An open opportunity of the seat holder with this contact, when the engine knows one. */
  opportunityId?: string | null;
}

export interface WritebackContext {
  crm: 'salesforce' | 'dataverse';
  /** The admin's write-back switch and items ("sync back all data items" or a subset); see settings/model. */
  settings: Pick<NavSyncSettings, 'writeBackEnabled' | 'writeBackItems'>;
  /** The kinds this seat holder opted out of (their seat record's per-item opt-out). */
  repOptOut: readonly ActivityKind[];
  /** Language of the org's users (subjects are written once, in this language). */
  locale: Locale;
}

/**
 * The platform-neutral record to upsert (the CRM gateway's ActivityRecord is this type): completed on the
 * matched person, or open and unresolved with the person's name and URN kept.
 */
export interface WritebackPlan {
  key: string;
  type: ActivityKind;
  ownerId: string;
  person?: { id: string; kind: 'contact' | 'lead' };
  /** Opportunity, else account of a matched contact; never set for a lead (Salesforce forbids WhatId then). */
  relatedToId?: string;
  subject: string;
  body: string;
  occurredAt: string;
  completed: boolean;
  personName: string | null;
  personUrn: string | null;
}

export const WRITEBACK_SKIP_REASONS = [
  'writeBackOff',
  'itemDisabled',
  'repOptOut',
  'itemOptOut',
  'callNotFromMobile',
  'invalidActivity',
  'beforeRetroactiveLimit',
] as const;
export type WritebackSkipReason = (typeof WRITEBACK_SKIP_REASONS)[number];

/** Waits for a later run: a Dataverse note must hang on a record, so an unmatched note waits for its person. */
export type WritebackDeferReason = 'noteNeedsPerson';

export type WritebackDecision =
  | { outcome: 'write'; plan: WritebackPlan }
  | { outcome: 'skip'; key: string | null; reason: WritebackSkipReason; messageKey: string }
  | { outcome: 'defer'; key: string; reason: WritebackDeferReason; messageKey: string };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function skip(key: string | null, reason: WritebackSkipReason): WritebackDecision {
  return { outcome: 'skip', key, reason, messageKey: `writeback.reason${cap(reason)}` };
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Parsed epoch ms of an ISO time with a zone, or NaN. */
export function parseActivityTime(iso: string): number {
  return typeof iso === 'string' && ISO.test(iso) ? Date.parse(iso) : Number.NaN;
}

/** Subject in the org's language: "Sales Navigator InMail: <subject>" or "… with <person>" when there is none. */
export function activitySubject(activity: SalesNavActivity, locale: Locale): string {
  const ownSubject = activity.subject ? singleLine(activity.subject) : '';
  const kind = cap(activity.kind);
  if (ownSubject) return t(`writeback.subject${kind}`, locale, { subject: ownSubject });
  const who = activity.person.name ? singleLine(activity.person.name) : activity.person.memberUrn || '?';
  return t(`writeback.subject${kind}With`, locale, { person: who });
}

/**
 * Decide and plan the write-back of one activity. Rules in order: write-back on; the kind enabled
 * ("all data items" or the subset); the rep's per-item (kind) opt-out; this item's own opt-out; calls only from mobile;
 * a readable activity (id, kind, owner, time); not before the retroactive limit. Then a matched person gives a
 * completed activity on that record, no match an open one that keeps the person's name and URN.
 */
export function planWriteback(
  activity: SalesNavActivity,
  person: WritebackPerson | null,
  ctx: WritebackContext,
): WritebackDecision {
  const kindOk = isActivityKind(activity.kind);
  const key = kindOk && typeof activity.id === 'string' && activity.id ? activityKey(activity.id, activity.kind) : null;
  if (!ctx.settings.writeBackEnabled) return skip(key, 'writeBackOff');
  if (key === null || !activity.seatHolderId) return skip(key, 'invalidActivity');
  const items = ctx.settings.writeBackItems;
  if (items !== 'all' && items.indexOf(activity.kind) < 0) return skip(key, 'itemDisabled');
  if (ctx.repOptOut.indexOf(activity.kind) >= 0) return skip(key, 'repOptOut');
  if (activity.optOut) return skip(key, 'itemOptOut');
  if (activity.kind === 'call' && activity.channel !== 'mobile') return skip(key, 'callNotFromMobile');
  const when = parseActivityTime(activity.occurredAt);
  if (Number.isNaN(when)) return skip(key, 'invalidActivity');
  if (when < Date.parse(WRITEBACK_RETROACTIVE_FROM)) return skip(key, 'beforeRetroactiveLimit');
  if (person === null && activity.kind === 'note' && ctx.crm === 'dataverse') {
    return { outcome: 'defer', key, reason: 'noteNeedsPerson', messageKey: 'writeback.reasonNoteNeedsPerson' };
  }

  const plan: WritebackPlan = {
    key,
    type: activity.kind,
    ownerId: activity.seatHolderId,
    subject: trimToLength(activitySubject(activity, ctx.locale), SF_TEXT_LIMITS.subject),
    body: trimToLength(cleanBody(activity.body || ''), SF_TEXT_LIMITS.description),
    occurredAt: new Date(when).toISOString(),
    completed: person !== null,
    personName: activity.person.name ? trimToLength(singleLine(activity.person.name), SF_TEXT_LIMITS.personName) : null,
    personUrn: activity.person.memberUrn || null,
  };
  if (person !== null) {
    plan.person = { id: person.id, kind: person.kind };
    const related = person.kind === 'contact' ? person.opportunityId || person.accountId : null;
    if (related) plan.relatedToId = related;
  }
  return { outcome: 'write', plan };
}

/** An earlier unresolved activity as read back from the CRM. */
export interface UnresolvedActivity {
  key: string;
  completed: boolean;
  personId: string | null;
  personName: string | null;
  personUrn: string | null;
}

/** The change that resolves an earlier open activity once its person matches: set the person, complete it. */
export interface WritebackResolution {
  key: string;
  person: { id: string; kind: 'contact' | 'lead' };
  relatedToId?: string;
  completed: true;
}

/** Resolve an earlier unresolved activity, or null when it is already resolved or still has no match. */
export function planReResolution(
  existing: UnresolvedActivity,
  person: WritebackPerson | null,
): WritebackResolution | null {
  if (person === null || existing.completed || existing.personId !== null) return null;
  const out: WritebackResolution = { key: existing.key, person: { id: person.id, kind: person.kind }, completed: true };
  const related = person.kind === 'contact' ? person.opportunityId || person.accountId : null;
  if (related) out.relatedToId = related;
  return out;
}

/** i18n key of a written activity's state, for run reports and the unresolved list. */
export function writebackStatusKey(completed: boolean): string {
  return completed ? 'writeback.statusCompleted' : 'writeback.statusUnresolved';
}

/** "Unresolved: <person>" in the user's language (name, else URN), for lists of open activities. */
export function unresolvedLabel(personName: string | null, personUrn: string | null, locale: Locale): string {
  return t('writeback.unresolvedPerson', locale, { person: personName || personUrn || '?' });
}
