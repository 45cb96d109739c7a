import type { ActivityRecord } from '../../crm/gateway';
import { describeTestWriteBackFailure, diagnoseTestWriteBack, planTestWriteBack } from '../../domain/testWriteBack/index';
import { planWriteback } from '../../domain/writeback/plan';
import type { RunState } from '../context';
import type { StepReport } from '../report';

/**
 * Test Write-Back from the command line: one test activity of each enabled kind (the testWriteBack module's
 * plan, written through the write-back rules), owned by the first syncing seat holder and upserted by its key.
 * The CRM gateway creates no contacts, so the activities are written as open, unresolved ones naming the test
 * person; a refusal is explained by the module's diagnosis (validation rule, required field, access …).
 */
export async function testWriteBackStep(state: RunState, step: StepReport): Promise<void> {
  const settings = state.settings;
  const owner = [...state.seatHolders.keys()][0];
  if (!settings || !owner) {
    step.status = 'failed';
    step.note = owner ? 'settings could not be read' : 'no syncing seat holder to own the test activities';
    return;
  }
  const crm = state.opts.crm.kind;
  const locale = state.opts.locale ?? 'en';
  const plan = planTestWriteBack({ crm, settings, ownerId: owner, runAt: new Date(state.now()).toISOString(), locale });
  if (!plan.ok) {
    step.status = 'failed';
    step.note = 'write-back is off or no item is enabled';
    return;
  }
  const records: ActivityRecord[] = [];
  for (const a of plan.activities) {
    // Dataverse notes need a record to hang on: without a test contact they are reported as not tested.
    const d = planWriteback(a, null, { crm, settings: { writeBackEnabled: true, writeBackItems: plan.kinds }, repOptOut: [], locale });
    if (d.outcome === 'write') records.push({ ...d.plan });
    else step.problems.push({ ref: `${a.kind}`, reason: `not tested: ${d.reason}` });
  }
  const result = await state.writes.activities('testWriteBack', records);
  for (const f of result.failed) {
    const rec = records.find((r) => r.key === f.ref);
    const diag = describeTestWriteBackFailure(
      diagnoseTestWriteBack({ crm, step: 'activity', kind: rec?.type, code: f.code, message: f.message }),
      locale,
    );
    step.problems.push({ ref: f.ref, reason: `${diag.code} ${diag.message} ${diag.remedy} (${diag.detail})` });
  }
  for (const u of result.unprocessed) step.problems.push({ ref: u, reason: 'not processed by the CRM; try again' });
  Object.assign(step.counts, { kinds: plan.kinds.length, written: result.succeeded.length, failed: result.failed.length + result.unprocessed.length });
  if (result.failed.length || result.unprocessed.length) step.status = result.succeeded.length ? 'partial' : 'failed';
}
