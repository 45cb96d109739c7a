import { encodeLastRun, type LastRun, type RunStepStatus } from '../../domain/settings/lastRun';
import type { RunState } from '../context';
import type { StepReport } from '../report';

/** The run so far as both admin pages read it (domain/settings/lastRun): when, each step's result, a failure's code. */
export function lastRunOf(state: RunState, steps: readonly StepReport[]): LastRun {
  const out = steps
    .filter((s) => s.name !== 'disconnect' && s.name !== 'testWriteBack')
    .map((s) => ({ name: s.name, status: s.status as RunStepStatus, ...(s.error ? { code: s.error.code } : {}) }));
  return {
    at: new Date(state.now()).toISOString(),
    ok: out.every((s) => s.status === 'ok' || s.status === 'skipped'),
    steps: out,
  };
}

/**
 * Step 7: connected, and the last run, where the admin pages show them. "Last synced" moves only when no step
 * failed; a partial step (rows skipped with their reasons) still synced the rest, and the last run shows it as
 * partly succeeded. A failed run leaves "Last synced" at the last good cycle.
 */
export async function statusStep(state: RunState, step: StepReport, run: LastRun): Promise<void> {
  const good = run.steps.every((s) => s.status !== 'failed');
  const synced = good ? { lastSyncedAt: run.at } : {};
  await state.writes.admin('status', `connected=true${good ? `, lastSyncedAt=${run.at}` : ''}`, () =>
    state.opts.crm.writeStatus({ connected: true, ...synced, lastRunSummary: encodeLastRun(run) }),
  );
  step.counts.written = 1;
}
