import type { ActivityRecord, CrmActivity, CrmPerson } from '../../crm/gateway';
import { all, chunks, type RunState } from '../context';
import { readInbox, type InboxActivity } from '../inbox';
import type { StepReport } from '../report';
import { activityKey, activityPlan, PersonResolver, writeBackAllowed } from '../rules';

/**
 * Step 6: write-back. Each inbox activity becomes a CRM activity upserted by its key: completed on the matched
 * person, or open and unresolved. The inbox only grows, so every run reads it again: an activity that is
 * already complete in the CRM is left alone, an unresolved one is resolved when its person now exists, and the
 * upsert by key means a rerun never doubles anything.
 */
export async function writeBackStep(state: RunState, step: StepReport): Promise<void> {
  const { crm } = state.opts;
  const settings = state.settings;
  if (!settings || !settings.writeBackEnabled) {
    step.status = 'skipped';
    step.note = 'write-back is off';
    return;
  }
  const holderByEmail = new Map<string, string>();
  for (const [id, h] of state.seatHolders) if (h.email) holderByEmail.set(h.email.toLowerCase(), id);

  const counts = { read: 0, invalid: 0, duplicates: 0, notSeatHolder: 0, optedOut: 0, alreadyDone: 0, matched: 0, unresolved: 0, reResolved: 0 };
  const items: InboxActivity[] = [];
  const seen = new Set<string>();
  for await (const item of readInbox(state.opts.inboxFile)) {
    if (!item.ok) {
      counts.invalid++;
      step.problems.push({ ref: `inbox:${item.line}`, reason: item.reason });
      continue;
    }
    counts.read++;
    const a = item.activity;
    if (seen.has(a.id)) {
      counts.duplicates++;
      continue;
    }
    seen.add(a.id);
    const owner = holderByEmail.get(a.seatHolder);
    if (!owner) {
      counts.notSeatHolder++;
      step.problems.push({ ref: a.id, reason: 'the seat holder is not an enabled NavSync seat' });
      continue;
    }
    if (!writeBackAllowed(settings, a.kind, a.optOut, state.seatHolders.get(owner)?.writeBackOptOut ?? false)) {
      counts.optedOut++;
      continue;
    }
    items.push(a);
  }
  if (!items.length) {
    Object.assign(step.counts, counts);
    return;
  }

  // What the CRM already holds for these keys.
  const existing = new Map<string, CrmActivity>();
  for (const part of chunks(items.map((a) => activityKey(a.id)), 500)) {
    for (const act of await all(crm.activities({ keys: part }))) existing.set(act.key, act);
  }
  const people: CrmPerson[] = [];
  for (const kind of ['contact', 'lead'] as const) for await (const page of crm.people({ kind })) people.push(...page);
  const resolver = new PersonResolver(people);

  const records: ActivityRecord[] = [];
  for (const a of items) {
    const key = activityKey(a.id);
    const before = existing.get(key);
    if (before && before.completed && before.personId) {
      counts.alreadyDone++;
      continue;
    }
    const person = resolver.resolve(a);
    if (before && !person) {
      counts.unresolved++; // still unresolved and already recorded as such: nothing to write
      state.details.unresolved.push({ key, type: a.kind, personName: a.name, seatHolder: a.seatHolder });
      continue;
    }
    const owner = holderByEmail.get(a.seatHolder) as string;
    records.push(activityPlan(a, owner, person));
    if (person) {
      counts.matched++;
      if (before) counts.reResolved++;
    } else {
      counts.unresolved++;
      state.details.unresolved.push({ key, type: a.kind, personName: a.name, seatHolder: a.seatHolder });
    }
  }
  state.progress.say(`writeBack: upserting ${records.length} activities`);
  const result = await state.writes.activities('writeBack', records);
  for (const f of result.failed) step.problems.push({ ref: f.ref, reason: `${f.code}: ${f.message}` });
  Object.assign(step.counts, counts, {
    written: result.succeeded.length,
    created: result.created?.length ?? 0,
    failed: result.failed.length,
    unprocessed: result.unprocessed.length,
  });
  if (result.failed.length || result.unprocessed.length) step.status = 'partial';
}
