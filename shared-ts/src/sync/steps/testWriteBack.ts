import type { ActivityRecord, CrmGateway, TestActivityRef, WriteResult } from '../../crm/gateway';
import { t, type Locale } from '../../domain/i18n/index';
import {
  describeTestWriteBackFailure,
  diagnoseTestWriteBack,
  planTestActivities,
  planTestWriteBack,
  type TestWriteBackFailure,
  type TestWriteBackPlan,
} from '../../domain/testWriteBack/index';
import { ACTIVITY_KIND_LABEL } from '../../domain/writeback/kinds';
import { all, type RunState } from '../context';
import type { RecordOutcome, StepReport } from '../report';

export interface TestWriteBackOptions {
  /** Give the test contact an e-mail address (for orgs whose validation rule requires one). */
  withEmail?: boolean;
  /** Put the test contact on this account (for orgs that require one). */
  accountId?: string | null;
  /** Leave the test records in the CRM to look at; they are listed with their ids. */
  keep?: boolean;
}

/**
 * Test Write-Back from the command line, as the admin pages do it: create the plan's test contact, write one
 * test activity of each enabled kind completed on it through the write-back rules, then remove them in the
 * plan's order (activities, then the contact) unless `keep`. A refusal is explained by the testWriteBack
 * module's diagnosis (e-mail rule, validation rule, required field, access …). Whatever fails in the middle,
 * what was created is still cleaned up, and anything that could not be removed is listed with its id.
 */
export async function testWriteBackStep(
  state: RunState,
  step: StepReport,
  o: TestWriteBackOptions = {},
): Promise<void> {
  const settings = state.settings;
  const owner = [...state.seatHolders.keys()][0];
  if (!settings || !owner) {
    step.status = 'failed';
    step.note = owner ? 'settings could not be read' : 'no syncing seat holder to own the test records';
    return;
  }
  const { crm } = state.opts;
  const locale = state.opts.locale ?? 'en';
  const plan = planTestWriteBack({
    crm: crm.kind,
    settings,
    ownerId: owner,
    runAt: new Date(state.now()).toISOString(),
    locale,
    includeEmail: o.withEmail,
    accountId: o.accountId,
  });
  if (!plan.ok) {
    step.status = 'failed';
    step.note = t(plan.errorKey ?? 'testWriteBack.noItems', locale);
    return;
  }
  if (state.writes.dryRun) {
    step.counts = { kinds: plan.kinds.length };
    await dryRun(state, plan, o);
    return;
  }
  const counts = {
    kinds: plan.kinds.length,
    contactCreated: 0,
    written: 0,
    failed: 0,
    removed: 0,
    kept: 0,
    leftBehind: 0,
  };
  step.counts = counts;
  const outcomes: RecordOutcome[] = (step.outcomes = []);
  const explain = (f: TestWriteBackFailure) => {
    const d = describeTestWriteBackFailure(diagnoseTestWriteBack(f), locale);
    return `${d.code} ${d.message} ${d.remedy} (${d.detail})`;
  };

  const created = await crm.createTestContact(plan.contact);
  if (!created.ok) {
    step.status = 'failed';
    step.note = t('testWriteBack.failedAt', locale, { step: t('testWriteBack.stepContact', locale) });
    step.problems.push({
      ref: 'contact',
      reason: explain({
        crm: crm.kind,
        step: 'contact',
        httpStatus: created.httpStatus,
        code: created.code,
        message: created.message,
        fields: created.fields,
      }),
    });
    return;
  }
  const contactId = created.id;
  counts.contactCreated = 1;
  outcomes.push({ record: 'contact', outcome: 'created', id: contactId });

  const records = planTestActivities(plan, crm.kind, contactId, locale);
  let written: TestActivityRef[] = [];
  let failedAt: string | null = null;
  let thrown: unknown = null;
  try {
    const result = await state.writes.activities('testWriteBack', records);
    written = records.filter((r) => result.succeeded.includes(r.key)).map((r) => ({ key: r.key, type: r.type }));
    // Not processed by the CRM: it may or may not be there; look before cleaning up.
    written.push(
      ...(await stillThere(
        crm,
        records.filter((r) => result.unprocessed.includes(r.key)),
      )),
    );
    for (const r of records) {
      if (written.some((w) => w.key === r.key)) {
        outcomes.push({ record: `${r.type} activity`, outcome: 'written', id: r.key });
        continue;
      }
      outcomes.push({ record: `${r.type} activity`, outcome: 'failed', id: r.key });
      const f = result.failed.find((x) => x.ref === r.key);
      step.problems.push({
        ref: r.key,
        reason: f
          ? explain({ crm: crm.kind, step: 'activity', kind: r.type, code: f.code, message: f.message })
          : 'not processed by the CRM; run the test again',
      });
      failedAt ??= stepLabel(r, locale);
    }
  } catch (err) {
    // The whole write failed (network, session, service): some records may exist all the same.
    thrown = err;
    failedAt = stepLabel(records[0], locale);
    written = await stillThere(crm, records);
    for (const w of written) outcomes.push({ record: `${w.type} activity`, outcome: 'written', id: w.key });
  }
  counts.written = written.length;
  counts.failed = records.length - written.length;

  if (o.keep) {
    for (const x of [...outcomes])
      if (x.outcome === 'created' || x.outcome === 'written')
        outcomes.push({ record: x.record, outcome: 'kept', id: x.id });
    counts.kept = written.length + 1;
  } else {
    const left = await cleanUp(crm, plan, written, contactId, outcomes, step);
    counts.removed = outcomes.filter((x) => x.outcome === 'removed').length;
    counts.leftBehind = left.length;
    if (left.length) {
      step.problems.push({
        ref: 'cleanup',
        reason: t('testWriteBack.leftBehind', locale, { records: left.join(', ') }),
      });
      failedAt ??= t('testWriteBack.stepCleanup', locale);
    }
  }

  if (failedAt) {
    step.status = 'failed';
    step.note = t('testWriteBack.failedAt', locale, { step: failedAt });
  } else {
    step.note = o.keep
      ? t('testWriteBack.kept', locale, { count: written.length, contact: contactId })
      : t('testWriteBack.succeeded', locale, { count: written.length });
  }
  if (thrown) throw thrown;
}

function stepLabel(r: ActivityRecord, locale: Locale): string {
  return t('testWriteBack.stepActivity', locale, { kind: t(ACTIVITY_KIND_LABEL[r.type], locale) });
}

/** Which of these test activities the CRM holds (when that cannot be read: all of them, to be safe). */
async function stillThere(crm: CrmGateway, records: readonly ActivityRecord[]): Promise<TestActivityRef[]> {
  if (!records.length) return [];
  try {
    const found = new Set((await all(crm.activities({ keys: records.map((r) => r.key) }))).map((a) => a.key));
    return records.filter((r) => found.has(r.key)).map((r) => ({ key: r.key, type: r.type }));
  } catch {
    return records.map((r) => ({ key: r.key, type: r.type }));
  }
}

/**
 * The plan's clean-up order: the test activities, then the contact (the contact is removed even when an activity
 * could not be). A Salesforce note is one Task here (the engine writes no ContentNote), so the plan's
 * `deleteNote` step has nothing to remove. Returns what is left behind, with ids.
 */
async function cleanUp(
  crm: CrmGateway,
  plan: TestWriteBackPlan,
  written: TestActivityRef[],
  contactId: string,
  outcomes: RecordOutcome[],
  step: StepReport,
): Promise<string[]> {
  const keys = new Set(written.map((w) => w.key));
  const refs: TestActivityRef[] = [];
  for (const c of plan.cleanup)
    if (c.step === 'deleteActivity' && keys.has(c.key)) refs.push({ key: c.key, type: c.kind });
  const notRemoved = new Set<string>();
  if (refs.length) {
    const r = await attempt(
      () => crm.deleteTestActivities(refs),
      refs.map((x) => x.key),
    );
    for (const x of refs) {
      if (r.succeeded.includes(x.key)) outcomes.push({ record: `${x.type} activity`, outcome: 'removed', id: x.key });
      else notRemoved.add(x.key);
    }
    for (const f of r.failed)
      step.problems.push({ ref: f.ref, reason: `could not remove it: ${f.code}: ${f.message}` });
  }
  const left: string[] = [];
  const c = await attempt(() => crm.deleteTestContact(contactId), [contactId]);
  if (c.succeeded.length) outcomes.push({ record: 'contact', outcome: 'removed', id: contactId });
  else {
    left.push(`contact ${contactId}`);
    outcomes.push({ record: 'contact', outcome: 'left behind', id: contactId });
    for (const f of c.failed)
      step.problems.push({ ref: contactId, reason: `could not remove the test contact: ${f.code}: ${f.message}` });
  }
  if (notRemoved.size) {
    // Read back: removing the contact may have taken its activities with it (cascade delete).
    const there = await stillThereByKey(crm, [...notRemoved]);
    for (const x of refs.filter((r) => notRemoved.has(r.key))) {
      const id = there.get(x.key);
      if (id === undefined) outcomes.push({ record: `${x.type} activity`, outcome: 'removed', id: x.key });
      else {
        left.push(`${x.type} activity ${id ?? x.key} (${x.key})`);
        outcomes.push({ record: `${x.type} activity`, outcome: 'left behind', id: id ?? x.key });
      }
    }
  }
  return left;
}

/** Record id by key of the activities still in the CRM; when that cannot be read, every key (id unknown: null). */
async function stillThereByKey(crm: CrmGateway, keys: string[]): Promise<Map<string, string | null>> {
  try {
    return new Map((await all(crm.activities({ keys }))).map((a) => [a.key, a.id]));
  } catch {
    return new Map(keys.map((k) => [k, null]));
  }
}

/** A clean-up call whose failure as a whole is reported per record, so the rest of the clean-up still runs. */
async function attempt(fn: () => Promise<WriteResult>, refs: string[]): Promise<WriteResult> {
  try {
    return await fn();
  } catch (err) {
    const message = String((err as { detail?: string; message?: string })?.detail ?? (err as Error)?.message ?? err);
    return { succeeded: [], failed: refs.map((ref) => ({ ref, code: 'ERROR', message })), unprocessed: [] };
  }
}

/** What the test would create and remove, listed as the run's changes; nothing is written. */
async function dryRun(state: RunState, plan: TestWriteBackPlan, o: TestWriteBackOptions): Promise<void> {
  const { crm } = state.opts;
  const c = plan.contact;
  const changes = state.writes.changes;
  const contactDetail = [
    `${c.firstName} ${c.lastName}`,
    `owner ${c.ownerId}`,
    c.email ? `e-mail ${c.email}` : 'no e-mail',
    ...(c.accountId ? [`account ${c.accountId}`] : []),
  ];
  changes.push({ step: 'testWriteBack', action: 'create', target: 'contact', detail: contactDetail.join(', ') });
  await state.writes.activities(
    'testWriteBack',
    planTestActivities(plan, crm.kind, '(test contact)', state.opts.locale ?? 'en'),
  );
  if (o.keep) return;
  for (const s of plan.cleanup) {
    if (s.step === 'deleteActivity')
      changes.push({
        step: 'testWriteBack',
        action: 'delete',
        target: `activity ${s.key}`,
        detail: `${s.kind} test activity`,
      });
  }
  changes.push({ step: 'testWriteBack', action: 'delete', target: 'contact', detail: 'the test contact' });
}
