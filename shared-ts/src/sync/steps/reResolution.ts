import type { ActivityResolution, CrmActivity, WriteResult } from '../../crm/gateway';
import { planReResolution } from '../../domain/writeback/plan';
import type { RunState } from '../context';
import { pushProblem, type StepReport } from '../report';
import type { PersonResolver } from '../rules';

export interface ReResolutionCounts {
  /** Open unresolved activities read from the CRM that this run's inbox did not cover. */
  openInCrm: number;
  reResolvedFromCrm: number;
  stillUnresolvedInCrm: number;
  failed: number;
  unprocessed: number;
}

/**
 * Re-resolution from the CRM: the open, unresolved NavSync activities keep the person's name and member URN, so
 * they can be completed even after their inbox line is gone. Keys the inbox handled in this run are left to it;
 * activities of users who are no longer syncing seat holders are left alone (write-back only acts for seats).
 * The person is resolved like an inbox activity (member URN association first, then the matcher with the name),
 * and only person, related record and completed state are written (`planReResolution`), never subject or body.
 */
export async function reResolveFromCrm(
  state: RunState,
  step: StepReport,
  handled: ReadonlySet<string>,
  resolver: () => Promise<PersonResolver>,
): Promise<ReResolutionCounts> {
  const counts: ReResolutionCounts = {
    openInCrm: 0,
    reResolvedFromCrm: 0,
    stillUnresolvedInCrm: 0,
    failed: 0,
    unprocessed: 0,
  };
  const open: (CrmActivity & { type: NonNullable<CrmActivity['type']> })[] = [];
  for await (const page of state.opts.crm.activities({ unresolvedOnly: true })) {
    for (const a of page) {
      if (handled.has(a.key) || !a.type || !a.ownerId || !state.seatHolders.has(a.ownerId)) continue;
      open.push({ ...a, type: a.type });
    }
  }
  counts.openInCrm = open.length;
  if (!open.length) return counts;

  const people = await resolver();
  const list: ActivityResolution[] = [];
  for (const a of open) {
    const person =
      a.personUrn || a.personName
        ? people.resolve({ memberUrn: a.personUrn, email: null, name: a.personName ?? '', company: null })
        : null;
    const resolution = planReResolution(
      a,
      person ? { id: person.id, kind: person.kind, accountId: person.accountId } : null,
    );
    if (resolution) {
      list.push({ ...resolution, type: a.type, id: a.id });
      continue;
    }
    counts.stillUnresolvedInCrm++;
    const holder = state.seatHolders.get(a.ownerId as string);
    state.details.unresolved.push({
      key: a.key,
      type: a.type,
      personName: a.personName ?? a.personUrn ?? '',
      seatHolder: holder?.email ?? (a.ownerId as string),
    });
  }
  if (!list.length) return counts;
  state.progress.say(`writeBack: completing ${list.length} unresolved activities found in the CRM`);
  const result: WriteResult = await state.writes.resolutions('writeBack', list);
  for (const f of result.failed) pushProblem(step.problems, { ref: f.ref, reason: `${f.code}: ${f.message}` });
  for (const u of result.unprocessed)
    pushProblem(step.problems, {
      ref: u,
      reason: 'not processed by the CRM; it stays open and is tried again on the next run',
    });
  counts.reResolvedFromCrm = result.succeeded.length;
  counts.failed = result.failed.length;
  counts.unprocessed = result.unprocessed.length;
  return counts;
}
