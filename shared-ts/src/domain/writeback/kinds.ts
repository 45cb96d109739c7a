import { SF_VALUES } from '../crmSchema';

/** The Sales Navigator activities NavSync writes back. Calls exist only when logged in the mobile app. */
export const ACTIVITY_KINDS = ['inmail', 'message', 'note', 'call'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** i18n key of each kind's label (settings checkboxes, reports). */
export const ACTIVITY_KIND_LABEL: Record<ActivityKind, string> = {
  inmail: 'writeback.kindInmail',
  message: 'writeback.kindMessage',
  note: 'writeback.kindNote',
  call: 'writeback.kindCall',
};

/** Value of the Salesforce Task picklist LinkedIn_Activity_Type__c. */
export const ACTIVITY_KIND_SF_TYPE: Record<ActivityKind, string> = {
  inmail: SF_VALUES.activityType.inmail,
  message: SF_VALUES.activityType.message,
  note: SF_VALUES.activityType.note,
  call: SF_VALUES.activityType.call,
};

export function isActivityKind(value: unknown): value is ActivityKind {
  return typeof value === 'string' && (ACTIVITY_KINDS as readonly string[]).indexOf(value) >= 0;
}
