import { syncingUserIds, type Seat, type SeatUser } from '../seats/seats';
import { orderPipelineStages, type PipelineStage } from './stages';

/** An opportunity as read from the CRM. */
export interface PipelineOpportunity {
  id: string;
  ownerId: string | null;
  accountId: string | null;
  stage: string | null;
  /** The CRM's own closed flag (Salesforce IsClosed; Dataverse statecode ≠ Open). */
  isClosed: boolean;
  /** Dataverse parentcontactid (the deal's named contact); Salesforce leaves it null and uses contact roles. */
  primaryContactId?: string | null;
}

export interface PipelineContactRole {
  opportunityId: string;
  contactId: string;
}

export interface AutoSaveInput {
  stages: readonly PipelineStage[];
  /** The admin's stage; null = "Not sure" = every open opportunity. */
  threshold: string | null;
  opportunities: Iterable<PipelineOpportunity>;
  contactRoles: Iterable<PipelineContactRole>;
  /** Auto-sync all seat holders, or only the seats switched on (seats module decides who syncs). */
  autoSyncAllSeats: boolean;
  seats: readonly Seat[];
  /** Active-user list, when known: a deactivated user gets no auto-save set. */
  users?: readonly SeatUser[];
}

/** What one seat holder auto-saves to Sales Navigator (account list and lead list), ids sorted. */
export interface AutoSaveSet {
  userId: string;
  accountIds: string[];
  contactIds: string[];
  /** The opportunities that qualified (for the run report and for checks). */
  opportunityIds: string[];
}

export interface AutoSaveResult {
  ok: boolean;
  /** When not ok: the threshold is not one of the org's stages (the settings page's own message). */
  error: { key: string; params: Record<string, string> } | null;
  /** One set per syncing seat holder, ordered by user id (empty sets included, so the report lists everyone). */
  sets: AutoSaveSet[];
  /** Open opportunities of seat holders left out because their stage is not in the org's list. */
  unknownStage: string[];
}

function sortedIds(ids: Set<string>): string[] {
  return Array.from(ids).sort((a, b) => {
    if (a < b) return -1;
    return a > b ? 1 : 0;
  });
}

/**
 * The auto-save set of every syncing seat holder: the accounts and contacts (via contact roles, and the
 * Dataverse primary contact) of their OPEN opportunities at or past the admin's stage. Closed stages and
 * closed opportunities never count. Output is deterministic whatever the input order.
 */
export function autoSaveSets(input: AutoSaveInput): AutoSaveResult {
  const ordered = orderPipelineStages(input.stages);
  const rank = new Map<string, number>();
  const closedStage = new Set<string>();
  ordered.forEach((s, i) => {
    rank.set(s.name, i);
    if (s.isClosed) closedStage.add(s.name);
  });
  let minRank = -1;
  if (input.threshold !== null) {
    const r = rank.get(input.threshold);
    if (r === undefined) {
      // Never guess a threshold: an unknown stage auto-saves nothing and says why.
      return {
        ok: false,
        error: { key: 'settings.errStageUnknown', params: { stage: input.threshold } },
        sets: [],
        unknownStage: [],
      };
    }
    minRank = r;
  }

  const holders = syncingUserIds(input.autoSyncAllSeats, input.seats, input.users);
  const byUser = new Map<string, { accounts: Set<string>; contacts: Set<string>; opps: Set<string> }>();
  for (const u of holders) byUser.set(u, { accounts: new Set(), contacts: new Set(), opps: new Set() });

  const qualifying = new Map<string, string>(); // opportunity id → owner
  const unknown = new Set<string>();
  for (const o of input.opportunities) {
    const set = o.ownerId === null ? undefined : byUser.get(o.ownerId);
    if (set === undefined || o.isClosed) continue;
    if (o.stage !== null && closedStage.has(o.stage)) continue;
    const r = o.stage === null ? undefined : rank.get(o.stage);
    if (r === undefined) {
      unknown.add(o.id);
      continue;
    }
    if (r < minRank) continue;
    set.opps.add(o.id);
    if (o.accountId) set.accounts.add(o.accountId);
    if (o.primaryContactId) set.contacts.add(o.primaryContactId);
    qualifying.set(o.id, o.ownerId as string);
  }
  for (const role of input.contactRoles) {
    const owner = qualifying.get(role.opportunityId);
    if (owner !== undefined) (byUser.get(owner) as { contacts: Set<string> }).contacts.add(role.contactId);
  }

  const sets: AutoSaveSet[] = sortedIds(new Set(byUser.keys())).map((userId) => {
    const s = byUser.get(userId) as { accounts: Set<string>; contacts: Set<string>; opps: Set<string> };
    return {
      userId,
      accountIds: sortedIds(s.accounts),
      contactIds: sortedIds(s.contacts),
      opportunityIds: sortedIds(s.opps),
    };
  });
  return { ok: true, error: null, sets, unknownStage: sortedIds(unknown) };
}
