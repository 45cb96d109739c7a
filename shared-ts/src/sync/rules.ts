/**
 * The engine's seam to the domain rules it needs for auto-save, write-back and person resolution. Each
 * function here delegates to the domain module of its subject; see the report for any that still carry an
 * interim rule because the domain module had not landed.
 */
import type { ActivityRecord, ActivityType, CrmContactRole, CrmOpportunity, CrmPerson, CrmSettings, OpportunityStage } from '../crm/gateway';
import type { InboxActivity } from './inbox';

export interface AutoSaveSet {
  ownerId: string;
  accountIds: string[];
  contactIds: string[];
}

/** Accounts and contacts of each seat holder's open opportunities at or past the admin's stage. */
export function autoSaveSets(
  stages: readonly OpportunityStage[],
  threshold: string | null,
  opportunities: readonly CrmOpportunity[],
  roles: readonly CrmContactRole[],
  seatHolderIds: ReadonlySet<string>,
): AutoSaveSet[] {
  const order = new Map(stages.map((s) => [s.name, s.sortOrder]));
  const min = threshold === null ? null : order.get(threshold) ?? null;
  const rolesByOpp = new Map<string, string[]>();
  for (const r of roles) rolesByOpp.set(r.opportunityId, [...(rolesByOpp.get(r.opportunityId) ?? []), r.contactId]);
  const sets = new Map<string, { accounts: Set<string>; contacts: Set<string> }>();
  for (const o of opportunities) {
    if (o.isClosed || !o.ownerId || !seatHolderIds.has(o.ownerId)) continue;
    if (min !== null && (o.stage === null || (order.get(o.stage) ?? -1) < min)) continue;
    const set = sets.get(o.ownerId) ?? { accounts: new Set<string>(), contacts: new Set<string>() };
    sets.set(o.ownerId, set);
    if (o.accountId) set.accounts.add(o.accountId);
    for (const c of rolesByOpp.get(o.id) ?? []) set.contacts.add(c);
    if (o.primaryContactId) set.contacts.add(o.primaryContactId);
  }
  return [...sets.entries()].map(([ownerId, s]) => ({ ownerId, accountIds: [...s.accounts], contactIds: [...s.contacts] }));
}

/** Is this kind of activity written back (settings) and did neither the rep nor the item opt out? */
export function writeBackAllowed(settings: CrmSettings, kind: ActivityType, itemOptOut: boolean, seatOptOut: boolean): boolean {
  if (!settings.writeBackEnabled || itemOptOut || seatOptOut) return false;
  return settings.writeBackItems.length === 0 || settings.writeBackItems.includes(kind);
}

/** The idempotency key of a written-back activity: LinkedIn's activity id, namespaced. */
export function activityKey(id: string): string {
  return `li:${id}`;
}

/** The CRM activity for an inbox item: completed on the matched person, or open and unresolved. */
export function activityPlan(a: InboxActivity, ownerId: string, person: CrmPerson | null): ActivityRecord {
  return {
    key: activityKey(a.id),
    type: a.kind,
    ownerId,
    ...(person ? { person: { id: person.id, kind: person.kind } } : {}),
    ...(person && person.kind === 'contact' && person.accountId ? { relatedToId: person.accountId } : {}),
    subject: a.subject,
    body: a.body,
    occurredAt: a.time,
    completed: person !== null,
    personName: a.name || null,
    personUrn: a.memberUrn,
  };
}

const normal = (s: string | null | undefined) =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Resolve an inbox item to one CRM person: the associated member first, then an exact e-mail, then name + company. */
export class PersonResolver {
  private readonly byUrn = new Map<string, CrmPerson>();
  private readonly byEmail = new Map<string, CrmPerson[]>();
  private readonly byName = new Map<string, CrmPerson[]>();
  constructor(people: Iterable<CrmPerson>) {
    for (const p of people) {
      if (p.memberUrn) this.byUrn.set(p.memberUrn, p);
      if (p.email) push(this.byEmail, p.email.toLowerCase(), p);
      push(this.byName, normal(`${p.firstName ?? ''} ${p.lastName ?? ''}`), p);
    }
  }
  resolve(a: { memberUrn: string | null; email: string | null; name: string; company: string | null }): CrmPerson | null {
    if (a.memberUrn) {
      const p = this.byUrn.get(a.memberUrn);
      if (p) return p;
    }
    if (a.email) {
      const ps = this.byEmail.get(a.email.toLowerCase()) ?? [];
      if (ps.length === 1) return ps[0];
    }
    const candidates = (this.byName.get(normal(a.name)) ?? []).filter((p) => a.company && normal(p.companyName) === normal(a.company));
    return candidates.length === 1 ? candidates[0] : null;
  }
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
