import type { RunLease } from '../lease';
import type { RunState } from '../context';
import { pushProblem, type StepReport } from '../report';

/**
 * Take the connection's run lease (waiting for another run, within bounds), then abort what an earlier run left
 * unfinished on the platform (with the lease held, no running NavSync run can own it) and report each one.
 */
export async function leaseStep(state: RunState, step: StepReport, lease: RunLease): Promise<void> {
  await lease.take();
  step.counts.held = 1;
  const left = await state.opts.crm.abortLeftJobs();
  for (const j of left) {
    pushProblem(step.problems, {
      ref: j.id,
      reason: `${j.object} job left ${j.state} by an earlier run${j.createdAt ? ` (${j.createdAt})` : ''}: ${j.aborted ? 'aborted' : 'could not be aborted'}`,
    });
  }
  if (left.length) step.counts.leftJobsAborted = left.filter((j) => j.aborted).length;
}
