import { DV, SF, sfName } from '../crmSchema';
import { ACTIVITY_KINDS, ACTIVITY_KIND_SF_TYPE, type ActivityKind } from '../writeback/kinds';

/**
 * Sales Navigator seats in the CRM: which CRM users hold a seat, whether CRM sync is on for each, and who is
 * therefore a "syncing user". The contract's seat limit caps the number of seat holders.
 */

export interface Seat {
  userId: string;
  /** CRM sync switched on for this seat (used when auto-sync all seat holders is off). */
  enabled: boolean;
  /** The activity kinds this rep opted out of writing back (per item, as the rep chose). */
  writeBackOptOut: ActivityKind[];
}

/** A CRM user as the settings page lists them. */
export interface SeatUser {
  id: string;
  name: string | null;
  active: boolean;
}

export interface SeatError {
  /** The user the error is about ('' for the whole list). */
  userId: string;
  key: string;
  params: Record<string, string | number>;
}

export interface SeatChange {
  ok: boolean;
  /** The seats after the change; unchanged input when not ok. */
  seats: Seat[];
  errors: SeatError[];
  /** Users newly given a seat. */
  added: string[];
}

/** null = no limit known (the contract did not say). */
export type SeatLimit = number | null;

function seatError(userId: string, key: string, params: Record<string, string | number> = {}): SeatError {
  return { userId, key, params };
}

function seatUserLabel(users: readonly SeatUser[], id: string): string {
  const u = users.find((x) => x.id === id);
  return u && u.name ? u.name : id;
}

/**
 * Give seats to CRM users. Only active, known users; a user already holding a seat or listed twice is an
 * error, and so is going over the contract's limit. All or nothing: on any error nothing is assigned.
 */
export function assignSeats(
  seats: readonly Seat[],
  userIds: readonly string[],
  users: readonly SeatUser[],
  limit: SeatLimit,
  options: { enabled?: boolean } = {},
): SeatChange {
  const errors: SeatError[] = [];
  const added: string[] = [];
  for (const id of userIds) {
    const user = users.find((u) => u.id === id);
    if (!user) errors.push(seatError(id, 'settings.seatUnknownUser', { user: id }));
    else if (!user.active) errors.push(seatError(id, 'settings.seatInactiveUser', { user: seatUserLabel(users, id) }));
    else if (seats.some((s) => s.userId === id) || added.indexOf(id) >= 0) {
      errors.push(seatError(id, 'settings.seatDuplicate', { user: seatUserLabel(users, id) }));
    } else added.push(id);
  }
  const total = seats.length + added.length;
  // Only new seats are checked: an org already over a reduced contract can still switch seats and remove some.
  if (limit !== null && added.length > 0 && total > limit) {
    errors.push(seatError('', 'settings.seatLimitExceeded', { limit, count: total }));
  }
  if (errors.length) return { ok: false, seats: seats.slice(), errors, added: [] };
  const enabled = options.enabled === undefined ? true : options.enabled;
  return {
    ok: true,
    seats: [...seats, ...added.map((userId) => ({ userId, enabled, writeBackOptOut: [] as ActivityKind[] }))],
    errors: [],
    added,
  };
}

/** Take seats away (unknown ids are ignored: removing twice is harmless). */
export function removeSeats(seats: readonly Seat[], userIds: readonly string[]): Seat[] {
  return seats.filter((s) => userIds.indexOf(s.userId) < 0);
}

/** Switch CRM sync on or off for some seats ('all' = bulk select/deselect). Seats of other users are untouched. */
export function setSeatsEnabled(seats: readonly Seat[], userIds: readonly string[] | 'all', enabled: boolean): Seat[] {
  return seats.map((s) => (userIds === 'all' || userIds.indexOf(s.userId) >= 0 ? { ...s, enabled } : s));
}

/** Users who may still get a seat: active, not yet holding one; sorted by name for the picker. */
export function assignableUsers(seats: readonly Seat[], users: readonly SeatUser[]): SeatUser[] {
  const list = users.filter((u) => u.active && !seats.some((s) => s.userId === u.id));
  // Accent-insensitive, so "Élodie" sorts with the E's.
  list.sort((a, b) => (a.name || a.id).localeCompare(b.name || b.id, undefined, { sensitivity: 'base' }));
  return list;
}

/** Seats left under the contract (null when no limit is known). */
export function seatsRemaining(seats: readonly Seat[], limit: SeatLimit): number | null {
  return limit === null ? null : Math.max(0, limit - seats.length);
}

/**
 * The users whose CRM data syncs: with auto-sync all seat holders, every seat holder; otherwise only the seats
 * switched on. A deactivated CRM user never syncs (when the active list is known).
 */
export function syncingUserIds(
  autoSyncAllSeats: boolean,
  seats: readonly Seat[],
  users?: readonly SeatUser[],
): string[] {
  const out: string[] = [];
  for (const s of seats) {
    if (!autoSyncAllSeats && !s.enabled) continue;
    if (users) {
      const u = users.find((x) => x.id === s.userId);
      if (!u || !u.active) continue;
    }
    if (out.indexOf(s.userId) < 0) out.push(s.userId);
  }
  return out;
}

export function isSyncingUser(
  userId: string,
  autoSyncAllSeats: boolean,
  seats: readonly Seat[],
  users?: readonly SeatUser[],
): boolean {
  return syncingUserIds(autoSyncAllSeats, seats, users).indexOf(userId) >= 0;
}

/** A Salesforce NavSync_Seat__c record (field names without namespace unless given). */
export function seatToSalesforce(seat: Seat, namespace: string | null = null): Record<string, string | boolean | null> {
  const f = SF.seat;
  const optOut = seatOptOutKinds(seat.writeBackOptOut);
  return {
    [sfName(f.user, namespace)]: seat.userId,
    [sfName(f.enabled, namespace)]: seat.enabled,
    // Multi-select picklist of the opted-out items.
    [sfName(f.writeBackOptOut, namespace)]: optOut.length
      ? optOut.map((k) => ACTIVITY_KIND_SF_TYPE[k]).join(';')
      : null,
  };
}

function seatOptOutKinds(kinds: readonly ActivityKind[]): ActivityKind[] {
  return ACTIVITY_KINDS.filter((k) => kinds.indexOf(k) >= 0);
}

/** Opt-out as stored: `true` = every item; `InMail;Call` (Salesforce) or `inmail,call` (Dataverse) = those items. */
function parseSeatOptOut(v: unknown): ActivityKind[] {
  if (v === true) return ACTIVITY_KINDS.slice();
  if (typeof v !== 'string') return [];
  const values = v.split(/[;,]/).map((x) => x.trim().toLowerCase());
  return ACTIVITY_KINDS.filter(
    (k) => values.indexOf(k) >= 0 || values.indexOf(ACTIVITY_KIND_SF_TYPE[k].toLowerCase()) >= 0,
  );
}

export function seatFromSalesforce(record: Record<string, unknown>, namespace: string | null = null): Seat | null {
  const f = SF.seat;
  const get = (name: string) => {
    const ns = sfName(name, namespace);
    return Object.prototype.hasOwnProperty.call(record, ns) ? record[ns] : record[name];
  };
  const user = get(f.user);
  if (typeof user !== 'string' || user === '') return null;
  return { userId: user, enabled: get(f.enabled) === true, writeBackOptOut: parseSeatOptOut(get(f.writeBackOptOut)) };
}

/** A Dataverse navsync_seat row; the user lookup is bound with `@odata.bind` to systemusers. */
export function seatToDataverse(seat: Seat): Record<string, string | boolean | null> {
  const c = DV.seat;
  const optOut = seatOptOutKinds(seat.writeBackOptOut);
  return {
    [`${c.user}@odata.bind`]: `/systemusers(${seat.userId})`,
    [c.enabled]: seat.enabled,
    // Text column: the opted-out kinds, comma-separated.
    [c.writeBackOptOut]: optOut.length ? optOut.join(',') : null,
  };
}

/** From a Dataverse row read with `_navsync_userid_value`. */
export function seatFromDataverse(row: Record<string, unknown>): Seat | null {
  const c = DV.seat;
  const user = row[`_${c.user}_value`];
  if (typeof user !== 'string' || user === '') return null;
  return { userId: user, enabled: row[c.enabled] === true, writeBackOptOut: parseSeatOptOut(row[c.writeBackOptOut]) };
}
