import type { RunState } from '../context';
import type { StepReport } from '../report';

/** Step 7: connected, last synced and the last run's summary, where the admin pages show them. */
export async function statusStep(state: RunState, step: StepReport, summary: string): Promise<void> {
  const at = new Date(state.now()).toISOString();
  await state.writes.admin('status', `connected=true, lastSyncedAt=${at}`, () =>
    state.opts.crm.writeStatus({ connected: true, lastSyncedAt: at, lastRunSummary: summary.slice(0, 1000) }),
  );
  step.counts.written = 1;
}
