/** A record is revalidated at most once a day unless something changed: the LinkedIn contract's daily cadence. */
export const REVALIDATION_INTERVAL_MS = 24 * 60 * 60 * 1000;

export interface RevalidationClock {
  /** When NavSync last decided this record (epoch ms); null = never. */
  lastValidatedAt: number | null;
  /** Last change of the CRM side that the decision reads: the contact or its account (epoch ms). */
  crmModifiedAt: number | null;
  /** Last change of the LinkedIn side (the evidence's as-of time, epoch ms); null = no LinkedIn data. */
  linkedInAsOf: number | null;
}

/**
 * Revalidate iff never validated, the CRM record or the LinkedIn data changed after the last validation,
 * or 24 h or more have passed since it.
 */
export function isRevalidationDue(clock: RevalidationClock, now: number): boolean {
  const last = clock.lastValidatedAt;
  if (last === null || Number.isNaN(last)) return true; // never validated (or unreadable): decide now
  if (clock.crmModifiedAt !== null && clock.crmModifiedAt > last) return true;
  if (clock.linkedInAsOf !== null && clock.linkedInAsOf > last) return true;
  return now - last >= REVALIDATION_INTERVAL_MS;
}
