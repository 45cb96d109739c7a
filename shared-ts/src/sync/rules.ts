/**
 * The engine's seam to the domain rules: the gateway already reads settings and seats as the domain's types;
 * this maps people and inbox activities to the domain's inputs and calls the domain. No rule is decided here.
 */
import type { ActivityRecord, CrmPerson, CrmSeat, CrmSettings, CrmUser } from '../crm/gateway';
import { planWriteback, type WritebackDecision, type WritebackPerson } from '../domain/writeback/plan';
import { syncingUserIds } from '../domain/seats/seats';
import {
  BlockingIndex,
  createPrepareCache,
  PERSON_MATCH_KIND,
  prepareMember,
  preparePerson,
  type PersonKeys,
} from '../domain/matching/index';
import type { Locale } from '../domain/i18n/index';
import type { InboxActivity } from './inbox';

/** The syncing users (seats module): auto-sync all seats or the seats switched on; inactive users never. */
export function syncingUsers(settings: CrmSettings, seats: readonly CrmSeat[], users: readonly CrmUser[]): string[] {
  return syncingUserIds(
    settings.autoSyncAllSeats,
    seats,
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
    { crm, settings, repOptOut: seat ? seat.writeBackOptOut : [], locale },
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
        preparePerson(
          {
            id: p.id,
            firstName: p.firstName,
            lastName: p.lastName,
            email: p.email,
            phone: p.phone,
            title: p.title,
            companyName: p.companyName,
          },
          this.cache,
        ),
      ),
    );
  }
  /** How the last resolve() found its person (for the run report's counts). */
  lastVia: 'association' | 'match' | null = null;

  resolve(a: {
    memberUrn: string | null;
    email: string | null;
    name: string;
    company: string | null;
  }): CrmPerson | null {
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
      {
        firstName: first ?? null,
        lastName: rest.join(' ') || null,
        email: a.email,
        positions: a.company ? [{ companyName: a.company, current: true }] : [],
      },
      this.cache,
    );
    const r = this.index.match(member);
    if (!r.autoMatch || r.candidateIndex === null) return null;
    this.lastVia = 'match';
    return this.people[r.candidateIndex];
  }
}
