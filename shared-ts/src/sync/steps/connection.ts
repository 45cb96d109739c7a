import { adoptServerClock, CLOCK_SKEW_REPORTED_MS, type RunState } from '../context';
import type { StepReport } from '../report';
import { StepFailure } from './failure';

/** Step 1: reach the CRM as the integration user and read the objects it must read. */
export async function connectionStep(state: RunState, step: StepReport): Promise<void> {
  const check = await state.opts.crm.checkConnection();
  step.counts.objectsChecked = check.checked.length;
  step.counts.objectsUnreadable = check.unreadable.length;
  for (const o of check.unreadable) step.problems.push({ ref: o, reason: 'not readable by the integration user' });
  if (!check.ok) {
    throw new StepFailure(
      check.error?.kind ?? (check.unreadable.length ? 'OBJECTS_UNREADABLE' : 'CONNECT_FAILED'),
      check.error?.detail ?? check.unreadable.join(', '),
    );
  }
  if (check.ignoreGuard === 'off') {
    step.counts.ignoreGuardOff = 1;
    step.problems.push({
      ref: 'NavSync Integration',
      reason:
        "the integration user does not hold the NavSync Integration permission set, so the package's triggers do not keep a rep's Ignore against its writes (the engine still reads the flags again before each write). Assign it: Setup → Users → the integration user → Permission Set Assignments.",
    });
  }
  await useCrmClock(state, step);
}

/** The run keeps the CRM's time; a clock difference beyond a few minutes is reported (the engine's clock is off). */
async function useCrmClock(state: RunState, step: StepReport): Promise<void> {
  let server: number | null;
  try {
    server = await state.opts.crm.serverTime();
  } catch {
    server = null;
  }
  if (server === null) {
    step.problems.push({
      ref: 'clock',
      reason: "the CRM did not tell its time (no Date header): the engine's own clock is used",
    });
    return;
  }
  const offset = adoptServerClock(state, server);
  if (Math.abs(offset) < CLOCK_SKEW_REPORTED_MS) return;
  step.counts.clockSkewSeconds = Math.round(-offset / 1000);
  step.problems.push({
    ref: 'clock',
    reason: `this machine's clock is ${describeSpan(Math.abs(offset))} ${offset < 0 ? 'ahead of' : 'behind'} the CRM's; the CRM's time is used for every comparison and every time written. Set the machine's clock right (NTP).`,
  });
}

function describeSpan(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 120) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} hours` : `${Math.round(hours / 24)} days`;
}
