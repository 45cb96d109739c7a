import type { ActivityRecord, ActivityType } from '../../crm/gateway';
import type { RunState } from '../context';
import type { StepReport } from '../report';

const ALL: readonly ActivityType[] = ['inmail', 'message', 'note', 'call'];

/**
 * Test Write-Back from the command line: one open test activity of each enabled type, owned by the first
 * seat holder, upserted by a fixed key (rerunning it never adds records). Each type's result is listed; a
 * platform refusal (e.g. a validation rule) shows the CRM's code and message.
 */
export async function testWriteBackStep(state: RunState, step: StepReport): Promise<void> {
  const settings = state.settings;
  const owner = [...state.seatHolders.keys()][0];
  if (!settings || !owner) {
    step.status = 'failed';
    step.note = owner ? 'settings could not be read' : 'no enabled seat holder to own the test activities';
    return;
  }
  const types = settings.writeBackItems.length ? settings.writeBackItems : ALL;
  const at = new Date(state.now()).toISOString();
  const records: ActivityRecord[] = types.map((type) => ({
    key: `navsync-test:${type}`,
    type,
    ownerId: owner,
    subject: `NavSync Test Write-Back (${type})`,
    body: `Test activity written by NavSync at ${at}. It can be deleted.`,
    occurredAt: at,
    completed: false,
    personName: 'NavSync Test',
    personUrn: null,
  }));
  const result = await state.writes.activities('testWriteBack', records);
  for (const f of result.failed) step.problems.push({ ref: f.ref, reason: `${f.code}: ${f.message}` });
  for (const u of result.unprocessed) step.problems.push({ ref: u, reason: 'not processed by the CRM; try again' });
  Object.assign(step.counts, { types: types.length, written: result.succeeded.length, failed: result.failed.length + result.unprocessed.length });
  if (result.failed.length || result.unprocessed.length) step.status = result.succeeded.length ? 'partial' : 'failed';
}
