import { all, type RunState } from '../context';
import type { StepReport } from '../report';
import { syncingUsers } from '../rules';

/** Step 2: the settings and seats the admin pages saved, and who syncs (the seats module decides). */
export async function settingsStep(state: RunState, step: StepReport): Promise<void> {
  const { crm } = state.opts;
  // The seats are read beside the settings (a disconnected org reads them for nothing, a connected one sooner).
  const [settings, seats] = await Promise.all([crm.readSettings(), crm.readSeats()]);
  state.settings = settings;
  // Disconnect stops the schedule: once an admin disconnected (connected off after a sync), runs stop here
  // until someone reconnects on purpose. A fresh install (never synced) connects on its first run.
  if (!settings.connected && settings.lastSyncedAt !== null && !state.opts.reconnect) {
    step.status = 'failed';
    step.note =
      'disconnected by an admin: nothing synced (reconnect with `navsync sync --reconnect` or from the admin page)';
    return;
  }
  state.seats = seats;
  const users = state.seats.length ? await all(crm.users({ ids: state.seats.map((s) => s.userId) })) : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const seat of state.seats) {
    const u = byId.get(seat.userId);
    if (!u) step.problems.push({ ref: seat.userId, reason: 'seat holder is not a CRM user' });
    else if (!u.active)
      step.problems.push({ ref: seat.userId, reason: 'seat holder is inactive in the CRM: not synced' });
  }
  for (const id of syncingUsers(settings, state.seats, users)) {
    const u = byId.get(id);
    state.seatHolders.set(id, {
      email: u?.email ?? null,
      name: u?.name ?? null,
      writeBackOptOut: state.seats.find((s) => s.userId === id)?.writeBackOptOut ?? [],
    });
  }
  step.counts.seats = state.seats.length;
  step.counts.syncingUsers = state.seatHolders.size;
  step.counts.dataValidation = settings.dataValidationEnabled ? 1 : 0;
  step.counts.writeBack = settings.writeBackEnabled ? 1 : 0;
  step.note = `connected ${settings.connected ? 'yes' : 'no'}, last synced ${settings.lastSyncedAt ?? 'never'}${settings.lastRunSummary ? `; last run: ${settings.lastRunSummary}` : ''}`;
}
