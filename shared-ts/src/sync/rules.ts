/**
 * The engine's seam to the domain rules: it maps what the gateway read (CrmSettings, CrmSeat, CrmPerson …)
 * to the domain's inputs and calls the domain. No rule is decided here.
 */
import type { ActivityRecord, CrmPerson, CrmSeat, CrmSettings, CrmUser } from '../crm/gateway';
import { ACTIVITY_KINDS, type ActivityKind } from '../domain/writeback/kinds';
import { planWriteback, type WritebackDecision, type WritebackPerson } from '../domain/writeback/plan';
import { syncingUserIds, type Seat } from '../domain/seats/seats';
import type { NavSyncSettings } from '../domain/settings/model';
import { BlockingIndex, createPrepareCache, PERSON_MATCH_KIND, prepareMember, preparePerson, type PersonKeys } from '../domain/matching/index';
import type { Locale } from '../domain/i18n/index';
import type { InboxActivity } from './inbox';

/** Gateway settings → the domain's model (the gateway lists items; all four = "sync back all data items"). */
export function domainSettings(s: CrmSettings): NavSyncSettings {
  const items = s.writeBackItems.filter((k): k is ActivityKind => (ACTIVITY_KINDS as readonly string[]).includes(k));
  return {
    autoSyncAllSeats: s.autoSyncAllSeats,
    pipelineStage: s.pipelineStage,
    wonValueField: s.wonValueField,
    writeBackEnabled: s.writeBackEnabled,
    writeBackItems: items.length === ACTIVITY_KINDS.length ? 'all' : items,
    dataValidationEnabled: s.dataValidationEnabled,
    embeddedProfileEnabled: s.embeddedProfileEnabled,
    photoRefreshEnabled: s.photoRefreshEnabled,
    connected: s.connected,
    lastSyncedAt: s.lastSyncedAt,
  };
}

/** Gateway seat → domain seat (the gateway stores the rep's opt-out as one switch: every kind). */
export function domainSeat(s: CrmSeat): Seat {
  return { userId: s.userId, enabled: s.enabled, writeBackOptOut: s.writeBackOptOut ? ACTIVITY_KINDS.slice() : [] };
}

/** The syncing users (seats module): auto-sync all seats or the seats switched on; inactive users never. */
export function syncingUsers(settings: CrmSettings, seats: readonly CrmSeat[], users: readonly CrmUser[]): string[] {
  return syncingUserIds(
    settings.autoSyncAllSeats,
    seats.map(domainSeat),
    users.map((u) => ({ id: u.id, name: u.name, active: u.active })),
  );
}

/** Decide and plan one inbox activity with the write-back module. */
export function writeBackDecision(
  a: InboxActivity,
  seatHolderId: string,
  seat: CrmSeat | undefined,
  person: CrmPerson | null,
  settings: CrmSettings,
  crm: 'salesforce' | 'dataverse',
  locale: Locale,
): WritebackDecision {
  const wp: WritebackPerson | null = person ? { id: person.id, kind: person.kind, accountId: person.accountId } : null;
  return planWriteback(
    {
      id: a.id,
      kind: a.kind,
      channel: a.channel,
      seatHolderId,
      occurredAt: a.time,
      subject: a.subject || null,
      body: a.body || null,
      person: { memberUrn: a.memberUrn, name: a.name || null },
      optOut: a.optOut,
    },
    wp,
    { crm, settings: domainSettings(settings), repOptOut: seat ? domainSeat(seat).writeBackOptOut : [], locale },
  );
}

/** The gateway's activity record for a plan (same shape; kept as a function so a shape change shows up here). */
export function activityRecord(plan: Extract<WritebackDecision, { outcome: 'write' }>['plan']): ActivityRecord {
  return { ...plan };
}

/**
 * Resolve an inbox activity's person: the member LinkedIn associated with a CRM record first (an identity,
 * not a guess), else the matching module's explainable, blocked match, applied only when it may auto-match
 * (high confidence, not ambiguous).
 */
export class PersonResolver {
  private readonly byUrn = new Map<string, CrmPerson>();
  private readonly cache = createPrepareCache();
  private readonly index: BlockingIndex<PersonKeys, ReturnType<typeof PERSON_MATCH_KIND.score>>;
  constructor(private readonly people: readonly CrmPerson[]) {
    for (const p of people) if (p.memberUrn) this.byUrn.set(p.memberUrn, p);
    this.index = new BlockingIndex(
      PERSON_MATCH_KIND,
      people.map((p) =>
        preparePerson({ id: p.id, firstName: p.firstName, lastName: p.lastName, email: p.email, phone: p.phone, title: p.title, companyName: p.companyName }, this.cache),
      ),
    );
  }
  /** How the last resolve() found its person (for the run report's counts). */
  lastVia: 'association' | 'match' | null = null;

  resolve(a: { memberUrn: string | null; email: string | null; name: string; company: string | null }): CrmPerson | null {
    this.lastVia = null;
    if (a.memberUrn) {
      const p = this.byUrn.get(a.memberUrn);
      if (p) {
        this.lastVia = 'association';
        return p;
      }
    }
    const [first, ...rest] = a.name.trim().split(/\s+/);
    const member = prepareMember(
      { firstName: first ?? null, lastName: rest.join(' ') || null, email: a.email, positions: a.company ? [{ companyName: a.company, current: true }] : [] },
      this.cache,
    );
    const r = this.index.match(member);
    if (!r.autoMatch || r.candidateIndex === null) return null;
    this.lastVia = 'match';
    return this.people[r.candidateIndex];
  }
}
