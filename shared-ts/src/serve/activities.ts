import { checkActivity, type FieldError } from '../sync/inbox';
import { keyOf } from './cycle';
import type { StoredActivity } from './state';

/** At most this many activities per request (a day of a large team fits; more goes in several requests). */
export const MAX_ACTIVITIES_PER_REQUEST = 1000;

export type Received =
  { ok: true; items: StoredActivity[] } | { ok: false; errors: (FieldError & { index: number })[] };

/**
 * A write-back request body: one activity, an array of them, or `{ "activities": [...] }`. Every activity is
 * checked with the inbox rules and every error is returned with the activity's index, so a client can fix its
 * request; a request with any error stores nothing (all or none, so a retry cannot half-apply).
 */
export function receiveActivities(body: unknown, receivedAt: string): Received {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { activities?: unknown }).activities)
      ? (body as { activities: unknown[] }).activities
      : [body];
  if (list.length === 0)
    return { ok: false, errors: [{ index: 0, field: 'activities', reason: 'no activity in the request' }] };
  if (list.length > MAX_ACTIVITIES_PER_REQUEST) {
    return {
      ok: false,
      errors: [
        {
          index: MAX_ACTIVITIES_PER_REQUEST,
          field: 'activities',
          reason: `at most ${MAX_ACTIVITIES_PER_REQUEST} activities per request`,
        },
      ],
    };
  }
  const errors: (FieldError & { index: number })[] = [];
  const items: StoredActivity[] = [];
  list.forEach((v, index) => {
    const c = checkActivity(v);
    if (c.ok) items.push({ key: keyOf(c.activity), activity: c.activity, receivedAt });
    else for (const e of c.errors) errors.push({ index, ...e });
  });
  return errors.length ? { ok: false, errors } : { ok: true, items };
}
