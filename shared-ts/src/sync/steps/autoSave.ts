import { mkdir, readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { all, type RunState } from '../context';
import { csvDocument } from '../../net/csv';
import { writePrivateFile } from '../privateFile';
import type { StepReport } from '../report';
import { autoSaveSets } from '../../domain/pipeline/index';

/** Sales Navigator list-upload columns (account list and lead list CSV). */
export const ACCOUNT_CSV_HEADER = ['Account Name', 'Website', 'City', 'CRM Account ID'];
export const LEAD_CSV_HEADER = ['First Name', 'Last Name', 'Email', 'Title', 'Company', 'CRM Contact ID'];

const fileSlug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'user';

/** Every auto-save file NavSync writes (and removes when it no longer applies). */
export const AUTOSAVE_FILE = /^autosave-.*\.csv$/;

/**
 * A seat holder's file name: readable (the mailbox name) and unique (the CRM user id, case kept: two holders
 * with the same mailbox name at different domains never share a file).
 */
export function autoSaveBase(ownerId: string, email: string | null | undefined): string {
  return `${fileSlug(email?.split('@')[0] ?? 'user')}-${ownerId.replace(/[^A-Za-z0-9-]+/g, '-')}`;
}

/**
 * Step 3: for each seat holder, the accounts and contacts of their open opportunities past the admin's stage,
 * written as CSV files ready for Sales Navigator account/lead list upload.
 */
export async function autoSaveStep(state: RunState, step: StepReport): Promise<void> {
  const { crm } = state.opts;
  const holders = new Set(state.seatHolders.keys());
  if (!holders.size) {
    step.status = 'skipped';
    step.note = 'no seat holders';
    return;
  }
  const stages = await crm.opportunityStages();
  const opps = await all(crm.opportunities({ ownerIds: [...holders], openOnly: true }));
  const roles = opps.length ? await all(crm.contactRoles(opps.map((o) => o.id))) : [];
  const result = autoSaveSets({
    stages,
    threshold: state.settings?.pipelineStage ?? null,
    opportunities: opps,
    contactRoles: roles,
    autoSyncAllSeats: state.settings?.autoSyncAllSeats ?? true,
    // Only the syncing users the settings step settled on (inactive users already left out).
    seats: (state.seats ?? []).filter((s) => holders.has(s.userId)),
  });
  if (!result.ok) {
    step.status = 'failed';
    step.note = `pipeline stage "${state.settings?.pipelineStage}" is not one of the org's stages`;
    return;
  }
  for (const id of result.unknownStage)
    step.problems.push({ ref: id, reason: 'opportunity stage is not in the org stage list' });
  const sets = result.sets.map((s) => ({ ownerId: s.userId, accountIds: s.accountIds, contactIds: s.contactIds }));
  const accountIds = [...new Set(sets.flatMap((s) => s.accountIds))];
  const contactIds = [...new Set(sets.flatMap((s) => s.contactIds))];
  const accounts = new Map(
    (accountIds.length ? await all(crm.accounts({ ids: accountIds })) : []).map((a) => [a.id, a]),
  );
  const contacts = new Map(
    (contactIds.length ? await all(crm.people({ kind: 'contact', ids: contactIds })) : []).map((c) => [c.id, c]),
  );
  const outDir = state.opts.outDir ?? 'navsync-autosave';
  if (!state.writes.dryRun) await mkdir(outDir, { recursive: true, mode: 0o700 });
  let files = 0;
  const written = new Set<string>();
  for (const set of sets) {
    const holder = state.seatHolders.get(set.ownerId);
    const base = autoSaveBase(set.ownerId, holder?.email);
    const accountRows = set.accountIds
      .map((id) => accounts.get(id))
      .filter((a) => !!a)
      .map((a) => [a.name, a.website, a.city, a.id]);
    const leadRows = set.contactIds
      .map((id) => contacts.get(id))
      .filter((c) => !!c)
      .map((c) => [c.firstName, c.lastName, c.email, c.title, c.companyName, c.id]);
    const accountFile = join(outDir, `autosave-${base}-accounts.csv`);
    const leadFile = join(outDir, `autosave-${base}-leads.csv`);
    await state.writes.file('autoSave', accountFile, `${accountRows.length} accounts`, () =>
      writePrivateFile(accountFile, csvDocument(ACCOUNT_CSV_HEADER, accountRows)),
    );
    await state.writes.file('autoSave', leadFile, `${leadRows.length} contacts`, () =>
      writePrivateFile(leadFile, csvDocument(LEAD_CSV_HEADER, leadRows)),
    );
    files += 2;
    written.add(accountFile).add(leadFile);
    state.details.autoSave.push({
      seatHolder: holder?.name ?? holder?.email ?? set.ownerId,
      accounts: accountRows.length,
      contacts: leadRows.length,
      files: [accountFile, leadFile],
    });
  }
  // Files of earlier runs that no longer apply (a holder without a set now, an older name) would be uploaded as current.
  let removed = 0;
  for (const name of await autoSaveFiles(outDir)) {
    const path = join(outDir, name);
    if (written.has(path)) continue;
    await state.writes.file('autoSave', path, 'delete (no longer applies)', () => unlink(path));
    removed++;
  }
  Object.assign(step.counts, {
    openOpportunities: opps.length,
    seatHolders: sets.length,
    accounts: accountIds.length,
    contacts: contactIds.length,
    files,
    removed,
  });
}

/** The auto-save files in `outDir` (none when it does not exist yet). */
export async function autoSaveFiles(outDir: string): Promise<string[]> {
  try {
    return (await readdir(outDir)).filter((f) => AUTOSAVE_FILE.test(f));
  } catch {
    return [];
  }
}
