import type { RunState } from '../context';
import type { StepReport } from '../report';
import { StepFailure } from './failure';

/** Step 1: reach the CRM as the integration user and read the objects it must read. */
export async function connectionStep(state: RunState, step: StepReport): Promise<void> {
  const check = await state.opts.crm.checkConnection();
  step.counts.objectsChecked = check.checked.length;
  step.counts.objectsUnreadable = check.unreadable.length;
  for (const o of check.unreadable) step.problems.push({ ref: o, reason: 'not readable by the integration user' });
  if (!check.ok) {
    throw new StepFailure(check.error?.kind ?? (check.unreadable.length ? 'OBJECTS_UNREADABLE' : 'CONNECT_FAILED'), check.error?.detail ?? check.unreadable.join(', '));
  }
}
