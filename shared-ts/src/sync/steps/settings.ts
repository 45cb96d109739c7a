import { all, type RunState } from '../context';
import type { StepReport } from '../report';

/** Step 2: the settings and seats the admin pages saved, and the seat holders' user records. */
export async function settingsStep(state: RunState, step: StepReport): Promise<void> {
  const { crm } = state.opts;
  state.settings = await crm.readSettings();
  state.seats = await crm.readSeats();
  const enabled = state.seats.filter((s) => s.enabled);
  const users = enabled.length ? await all(crm.users({ ids: enabled.map((s) => s.userId) })) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const seat of enabled) {
    const u = byId.get(seat.userId);
    if (!u) {
      step.problems.push({ ref: seat.userId, reason: 'seat holder is not a CRM user' });
      continue;
    }
    if (!u.active) {
      step.problems.push({ ref: seat.userId, reason: 'seat holder is inactive in the CRM' });
      continue;
    }
    state.seatHolders.set(u.id, { email: u.email, name: u.name, writeBackOptOut: seat.writeBackOptOut });
  }
  step.counts.seats = state.seats.length;
  step.counts.seatHolders = state.seatHolders.size;
  step.counts.dataValidation = state.settings.dataValidationEnabled ? 1 : 0;
  step.counts.writeBack = state.settings.writeBackEnabled ? 1 : 0;
  const st = state.settings;
  step.note = `connected ${st.connected ? 'yes' : 'no'}, last synced ${st.lastSyncedAt ?? 'never'}${st.lastRunSummary ? `; last run: ${st.lastRunSummary}` : ''}`;
}
