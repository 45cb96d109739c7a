import { unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrmPerson, PersonUpdate, WriteResult } from '../crm/gateway';
import { CatalogueError, describeError } from '../domain/errors';
import { redact } from '../net/redact';
import { all, newRunState, type RunState, type SyncOptions } from './context';
import { ignoredNow, readAgain } from './ignoreGuard';
import { type RunReport, type StepName, type StepReport } from './report';
import { accountMatchingStep } from './steps/accountMatching';
import { associationsStep } from './steps/associations';
import { autoSaveFiles, autoSaveStep } from './steps/autoSave';
import { connectionStep } from './steps/connection';
import { StepFailure } from './steps/failure';
import { settingsStep } from './steps/settings';
import { lastRunOf, statusStep } from './steps/status';
import { testWriteBackStep, type TestWriteBackOptions } from './steps/testWriteBack';
import { validationStep } from './steps/validation';
import { leaseStep } from './steps/lease';
import { RunLease } from './lease';
import { writeBackStep } from './steps/writeBack';

type StepFn = (state: RunState, step: StepReport) => Promise<void>;

/** Run one step: time it, and turn any failure into a catalogue error on the step (secrets redacted). */
async function runStep(state: RunState, name: StepName, fn: StepFn): Promise<StepReport> {
  const step: StepReport = { name, status: 'ok', counts: {}, durationMs: 0, problems: [] };
  const started = Date.now();
  state.progress.say(`▶ ${name}`);
  try {
    await fn(state, step);
  } catch (err) {
    step.status = 'failed';
    if (err instanceof StepFailure || err instanceof CatalogueError) {
      step.error = describeError(err.kind, state.opts.locale ?? 'en', err.detail ? redact(err.detail) : undefined);
    } else {
      step.error = describeError('UNKNOWN', state.opts.locale ?? 'en', redact(String((err as Error)?.message ?? err)));
    }
  }
  step.durationMs = Date.now() - started;
  return step;
}

function finish(state: RunState, command: string, startedAt: number, steps: StepReport[]): RunReport {
  const { crm, linkedin } = state.opts;
  const crmCounts = crm.requestCounts();
  const liCounts = linkedin.requestCounts();
  return {
    crm: crm.kind,
    command,
    dryRun: state.writes.dryRun,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(state.now()).toISOString(),
    ok: steps.every((s) => s.status !== 'failed'),
    steps,
    requests: {
      crm: { total: crmCounts.total, byKind: { ...crmCounts.byKind } },
      linkedin: { total: liCounts.total, byKind: { ...liCounts.byKind } },
      crmWrites: state.writes.requests,
      crmWriteMinimum: state.writes.minimum,
    },
    changes: state.writes.changes,
    details: state.details,
  };
}

/**
 * The cycle's steps in rounds: the steps of one round run side by side (their requests share each client's bound),
 * a round starts when the one before has ended. Auto-save, validation and associations touch different data; the
 * associations step writes only after validation has read its records (`validationRead`). Write-back resolves
 * activities with the associations just written, so it comes after them.
 */
const CYCLE: [StepName, StepFn][][] = [
  [['connection', connectionStep]],
  [['settings', settingsStep]],
  // Before validation: the company URNs it stores are what validation compares first.
  [['accountMatching', accountMatchingStep]],
  [
    ['autoSave', autoSaveStep],
    ['validation', validationStep],
    ['associations', associationsStep],
  ],
  [['writeBack', writeBackStep]],
];

/**
 * The daily cycle for one connection. Connection and settings failures stop the run (nothing else can work);
 * a later step's failure is reported and the remaining steps still run (a LinkedIn outage must not stop the
 * write-back). The status step always records the outcome when the CRM is reachable.
 */
export async function runCycle(opts: SyncOptions, only?: readonly StepName[]): Promise<RunReport> {
  const state = newRunState(opts);
  const startedAt = state.now();
  const steps: StepReport[] = [];
  const lease = new RunLease(opts.crm, { ...opts.lease, now: state.now, sleep: opts.sleep });
  let stop = false;
  try {
    for (const round of CYCLE) {
      const wanted = round.filter(
        ([name]) => !only || only.includes(name) || name === 'connection' || name === 'settings',
      );
      if (stop) {
        for (const [name] of round)
          steps.push({
            name,
            status: 'skipped',
            counts: {},
            durationMs: 0,
            note: 'an earlier step failed',
            problems: [],
          });
        continue;
      }
      if (!wanted.length) continue;
      if (lease.isHeld && !(await lease.renew())) {
        steps.push(await runStep(state, 'lease', () => Promise.reject(leaseLost())));
        stop = true;
        continue;
      }
      const run = ([name, fn]: [StepName, StepFn]) => {
        const s = runStep(state, name, fn);
        if (name === 'validation') state.validationRead = s.then(() => undefined);
        return s;
      };
      // Nothing is written before this run holds the connection's lease: it is taken while the settings (reads
      // only) are read, and the rounds that write come after.
      const taking =
        round[0][0] === 'settings' && !state.writes.dryRun
          ? runStep(state, 'lease', (st, step) => leaseStep(st, step, lease))
          : null;
      const done = await Promise.all(wanted.map(run));
      if (taking) {
        const l = await taking;
        steps.push(l);
        if (l.status === 'failed') stop = true;
      }
      steps.push(...done);
      if (done.some((s) => s.status === 'failed' && (s.name === 'connection' || s.name === 'settings'))) stop = true;
    }
    if (!stop) {
      const run = lastRunOf(state, steps);
      steps.push(await runStep(state, 'status', (st, step) => statusStep(st, step, run)));
    }
  } finally {
    await lease.release().catch(() => undefined);
  }
  return finish(state, only ? only.join('+') : 'sync', startedAt, steps);
}

function leaseLost(): CatalogueError {
  // Its lease expired and was taken over, or (Salesforce) another run's write won the moment both took it.
  return new CatalogueError('RUN_IN_PROGRESS', 'another run holds the lease now: this run stopped here');
}

/** Connection and settings only: what `navsync status` shows. */
export async function readStatus(opts: SyncOptions): Promise<RunReport> {
  // Status only reads: it reports a disconnected org instead of refusing.
  const state = newRunState({ ...opts, reconnect: true });
  const startedAt = state.now();
  const steps = [await runStep(state, 'connection', connectionStep)];
  if (steps[0].status !== 'failed') steps.push(await runStep(state, 'settings', settingsStep));
  return finish(state, 'status', startedAt, steps);
}

export interface DisconnectOptions {
  cleanup?: boolean;
  /** Clean-up shows the counts first; without `confirmed` it only counts (like a dry run). */
  confirmed?: boolean;
}

/**
 * Disconnect: stop the schedule (connected = false). With clean-up, remove what NavSync imported: association
 * fields, the flags it set (a rep's Ignore stays), account company URNs and the auto-save files. Written-back
 * activities are never deleted.
 */
export async function disconnect(opts: SyncOptions, d: DisconnectOptions = {}): Promise<RunReport> {
  const state = newRunState({ ...opts, dryRun: opts.dryRun || (d.cleanup === true && d.confirmed !== true) });
  const startedAt = state.now();
  const step = await runStep(state, 'disconnect', async (st, s) => {
    const { crm } = st.opts;
    const updates: PersonUpdate[] = [];
    if (d.cleanup) {
      for (const kind of ['contact', 'lead'] as const) {
        for await (const page of crm.people({ kind, withNavSyncData: true })) {
          for (const p of page) {
            const u = cleanupOf(p);
            if (u) updates.push(u);
          }
        }
      }
      const accounts = await all(crm.accounts({ withCompanyUrn: true }));
      const outDir = st.opts.outDir ?? 'navsync-autosave';
      const files = await autoSaveFiles(outDir);
      Object.assign(s.counts, {
        people: updates.length,
        flagsCleared: updates.filter((u) => u.fields.notAtCompany === 'noFeedback').length,
        accounts: accounts.length,
        autoSaveFiles: files.length,
      });
      st.progress.say(
        `clean-up: ${updates.length} contacts/leads, ${accounts.length} accounts, ${files.length} auto-save files${st.writes.dryRun ? ' (counted only; confirm to remove)' : ''}`,
      );
      const r1 = await cleanUpPeople(st, updates);
      const r2 = await st.writes.accounts(
        'disconnect',
        accounts.map((a) => ({ id: a.id, companyUrn: null })),
      );
      for (const f of [...r1.failed, ...r2.failed]) s.problems.push({ ref: f.ref, reason: `${f.code}: ${f.message}` });
      for (const f of files) {
        const path = join(outDir, f);
        await st.writes.file('disconnect', path, 'delete', () => unlink(path));
      }
      if (r1.failed.length || r2.failed.length || r1.unprocessed.length || r2.unprocessed.length) s.status = 'partial';
    }
    await st.writes.admin('disconnect', 'connected=false', () => crm.writeStatus({ connected: false }));
  });
  return finish(state, d.cleanup ? 'disconnect --cleanup' : 'disconnect', startedAt, [step]);
}

/** What clean-up removes from a person: the association, and a flag NavSync set (a rep's Ignore stays). */
function cleanupOf(p: CrmPerson): PersonUpdate | null {
  const fields: PersonUpdate['fields'] = {};
  if (p.memberUrn || p.profileUrl || p.photoUrl || p.matchSource || p.syncedAt) {
    Object.assign(fields, {
      memberUrn: null,
      profileUrl: null,
      photoUrl: null,
      matchSource: null,
      syncedAt: null,
      matchScore: null,
    });
  }
  if (p.notAtCompany === 'notAtCompany') Object.assign(fields, { notAtCompany: 'noFeedback', validatedAt: null });
  if (!Object.keys(fields).length) return null;
  return { id: p.id, kind: p.kind, fields, ...(p.version ? { ifVersion: p.version } : {}) };
}

/** The update without its flag change (null: nothing else to write). */
function withoutFlag(u: PersonUpdate): PersonUpdate | null {
  const { notAtCompany: _flag, validatedAt: _at, ...fields } = u.fields;
  return Object.keys(fields).length ? { ...u, fields } : null;
}

/**
 * Each update is written only if the record is as read (where the CRM can tell); a record changed in between (a rep
 * chose Ignore) is read again and cleaned up from what it holds now, once.
 */
async function cleanUpPeople(st: RunState, read: PersonUpdate[]): Promise<WriteResult> {
  // A flag a rep set to Ignore after the read stays (Salesforce cannot make the write itself conditional).
  const ignored = await ignoredNow(st.opts.crm, new Set(read.filter((u) => u.fields.notAtCompany).map((u) => u.kind)));
  const updates = read
    .map((u) => (ignored.has(u.id) ? withoutFlag(u) : u))
    .filter((u): u is PersonUpdate => u !== null);
  const first = await st.writes.people('disconnect', updates);
  const conflicts = new Set(first.conflicts ?? []);
  if (!conflicts.size) return first;
  const now = await readAgain(
    st.opts.crm,
    updates.filter((u) => conflicts.has(u.id)),
  );
  const again = [...now.values()].map(cleanupOf).filter((u): u is PersonUpdate => u !== null);
  const second = await st.writes.people('disconnect', again);
  const stillChanged = second.conflicts ?? [];
  return {
    succeeded: [...first.succeeded, ...second.succeeded],
    failed: [
      ...first.failed,
      ...second.failed,
      ...stillChanged.map((ref) => ({
        ref,
        code: 'CHANGED',
        message: 'changed again while cleaning up: run the clean-up again',
      })),
    ],
    unprocessed: [...first.unprocessed, ...second.unprocessed],
  };
}

/**
 * Test Write-Back: connection, settings, then a test contact with one test activity of each enabled kind on it,
 * removed again unless `keep`.
 */
export async function testWriteBack(opts: SyncOptions, t: TestWriteBackOptions = {}): Promise<RunReport> {
  const state = newRunState(opts);
  const startedAt = state.now();
  const steps = [await runStep(state, 'connection', connectionStep)];
  if (steps[0].status !== 'failed') steps.push(await runStep(state, 'settings', settingsStep));
  if (steps.every((s) => s.status !== 'failed'))
    steps.push(await runStep(state, 'testWriteBack', (st, step) => testWriteBackStep(st, step, t)));
  return finish(state, 'test-writeback', startedAt, steps);
}
