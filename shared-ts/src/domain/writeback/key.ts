import { hash128Hex } from './hash';
import type { ActivityKind } from './kinds';

/** Fits both key fields (Salesforce LinkedIn_Activity_Key__c 255, Dataverse navsync_activitykey 200). */
export const ACTIVITY_KEY_MAX_LENGTH = 100;

const SAFE_ID = /^[A-Za-z0-9._:-]+$/;

/**
 * The idempotency key of a written-back activity: `sn-<kind>-<Sales Navigator activity id>`. Stable (a pure
 * function of id and kind), distinct across kinds, and safe on both platforms:
 * - Dataverse compares strings case-insensitively, so an id with capitals gets a suffix hashed from the exact
 *   id (`ABC` and `abc` stay different keys);
 * - ids with other characters, or too long for the field, become `sn-<kind>-~<32 hex>` of the exact id
 *   (`~` never occurs in a kept id, so the two forms cannot meet; it is URL-safe for upsert-by-key paths).
 */
export function activityKey(activityId: string, kind: ActivityKind): string {
  const prefix = `sn-${kind}-`;
  if (SAFE_ID.test(activityId)) {
    const hasUpper = activityId !== activityId.toLowerCase();
    const key = hasUpper ? `${prefix}${activityId}~${hash128Hex(activityId).slice(0, 12)}` : prefix + activityId;
    if (key.length <= ACTIVITY_KEY_MAX_LENGTH) return key;
  }
  return `${prefix}~${hash128Hex(activityId)}`;
}

/** The kind a key was made for, or null if it is not a NavSync write-back key. */
export function activityKeyKind(key: string): ActivityKind | null {
  const m = /^sn-(inmail|message|note|call)-./.exec(key);
  return m ? (m[1] as ActivityKind) : null;
}
