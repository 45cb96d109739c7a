import type { ActivityRecord, CrmActivity, CrmPerson, WriteResult } from '../../crm/gateway';
import { all, chunks, type RunState } from '../context';
import { readInbox, type InboxActivity } from '../inbox';
import { pushProblem, type StepReport } from '../report';
import { activityRecord, PersonResolver, writeBackDecision } from '../rules';
import { reResolveFromCrm } from './reResolution';

/**
 * Step 6: write-back. Each inbox activity is decided and planned by the write-back module: completed on the
 * matched person, or open and unresolved. The inbox only grows, so every run reads it again: an activity that
 * is already complete in the CRM is left alone, an unresolved one is completed once its person can be matched,
 * and the upsert by the activity key means a rerun never doubles anything. Open activities whose inbox line is
 * gone are then re-resolved from what the CRM keeps of them (reResolution.ts).
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

  const counts = {
    read: 0,
    invalid: 0,
    duplicates: 0,
    notSeatHolder: 0,
    skipped: 0,
    deferred: 0,
    alreadyDone: 0,
    matched: 0,
    byAssociation: 0,
    byMatching: 0,
    unresolved: 0,
    reResolved: 0,
  };
  const items: { a: InboxActivity; owner: string }[] = [];
  const seen = new Set<string>();
  for await (const item of readInbox(state.opts.inboxFile)) {
    if (!item.ok) {
      counts.invalid++;
      pushProblem(step.problems, { ref: `inbox:${item.line}`, reason: item.reason });
      continue;
    }
    counts.read++;
    const a = item.activity;
    // An activity is known by its kind and id together: an InMail and a message may share an id.
    const identity = `${a.kind}\u0000${a.id}`;
    if (seen.has(identity)) {
      counts.duplicates++;
      continue;
    }
    seen.add(identity);
    const owner = holderByEmail.get(a.seatHolder);
    if (!owner) {
      counts.notSeatHolder++;
      pushProblem(step.problems, { ref: a.id, reason: 'the seat holder is not a syncing NavSync seat' });
      continue;
    }
    items.push({ a, owner });
  }
  // The CRM's people are read once, and only when something needs resolving.
  let resolverOnce: Promise<PersonResolver> | null = null;
  const people = () => {
    resolverOnce ??= (async () => {
      const list: CrmPerson[] = [];
      for (const kind of ['contact', 'lead'] as const)
        for await (const page of crm.people({ kind })) list.push(...page);
      return new PersonResolver(list);
    })();
    return resolverOnce;
  };
  // Keys the inbox decided in this run (written, skipped or deferred): the CRM-side re-resolution leaves them.
  const handled = new Set<string>();
  const result = items.length ? await fromInbox(state, step, items, await people(), counts, handled) : null;
  const fromCrm = await reResolveFromCrm(state, step, handled, people);
  Object.assign(step.counts, counts, {
    written: result?.succeeded.length ?? 0,
    created: result?.created?.length ?? 0,
    reResolvedFromCrm: fromCrm.reResolvedFromCrm,
    stillUnresolvedInCrm: fromCrm.stillUnresolvedInCrm,
    failed: (result?.failed.length ?? 0) + fromCrm.failed,
    unprocessed: (result?.unprocessed.length ?? 0) + fromCrm.unprocessed,
  });
  if (step.counts.failed || step.counts.unprocessed) step.status = 'partial';
}

type Counts = Record<
  'skipped' | 'deferred' | 'alreadyDone' | 'matched' | 'byAssociation' | 'byMatching' | 'unresolved' | 'reResolved',
  number
>;

/** The inbox activities: decided, compared with what the CRM holds for their keys, upserted. */
async function fromInbox(
  state: RunState,
  step: StepReport,
  items: { a: InboxActivity; owner: string }[],
  resolver: PersonResolver,
  counts: Counts,
  handled: Set<string>,
): Promise<WriteResult> {
  const { crm } = state.opts;
  const settings = state.settings as NonNullable<RunState['settings']>;
  const locale = state.opts.locale ?? 'en';
  const planned: { a: InboxActivity; record: ActivityRecord; via: 'association' | 'match' | null }[] = [];
  for (const { a, owner } of items) {
    const person = resolver.resolve(a);
    const via = resolver.lastVia;
    const seat = state.seats?.find((s) => s.userId === owner);
    const d = writeBackDecision(a, owner, seat, person, settings, crm.kind, locale);
    const key = d.outcome === 'write' ? d.plan.key : d.key;
    if (key) handled.add(key);
    if (d.outcome === 'skip') {
      counts.skipped++;
      if (d.reason === 'invalidActivity') pushProblem(step.problems, { ref: a.id, reason: d.reason });
    } else if (d.outcome === 'defer') {
      counts.deferred++;
    } else {
      planned.push({ a, record: activityRecord(d.plan), via });
    }
  }

  // What the CRM already holds for these keys.
  const existing = new Map<string, CrmActivity>();
  for (const part of chunks(
    planned.map((p) => p.record.key),
    500,
  )) {
    for (const act of await all(crm.activities({ keys: part }))) existing.set(act.key, act);
  }
  const records: ActivityRecord[] = [];
  for (const { a, record, via } of planned) {
    const before = existing.get(record.key);
    if (before && before.completed && before.personId) {
      counts.alreadyDone++;
      continue;
    }
    if (!record.completed) {
      counts.unresolved++;
      state.details.unresolved.push({ key: record.key, type: a.kind, personName: a.name, seatHolder: a.seatHolder });
      if (before) continue; // already recorded as unresolved and still no match: nothing to write
    } else {
      counts.matched++;
      if (via === 'association') counts.byAssociation++;
      else counts.byMatching++;
      if (before) counts.reResolved++;
    }
    records.push(record);
  }
  state.progress.say(`writeBack: upserting ${records.length} activities`);
  const result = await state.writes.activities('writeBack', records);
  for (const f of result.failed) pushProblem(step.problems, { ref: f.ref, reason: `${f.code}: ${f.message}` });
  return result;
}
