import { createHash } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { redact, registerSecret } from '../net/redact';
import { describeError } from '../domain/errors';
import { resolveLocale, type Locale } from '../domain/i18n/index';
import { activityKey } from '../domain/writeback/key';
import { ConfigError } from '../sync/config';
import { credentialsFor } from '../sync/credentialsFile';
import { connect } from '../sync/connect';
import { all, chunks } from '../sync/context';
import { runCycle } from '../sync/engine';
import { readInbox } from '../sync/inbox';
import { emptyDetails, type Problem, type RunReport } from '../sync/report';
import type { Clock } from './clock';
import type { ServeConnection } from './config';
import type { RunRow, ServeState, StoredActivity } from './state';

export interface CycleDeps {
  store: ServeState;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  /** Where the per-run inbox files of queued activities are written (next to the database). */
  stateDir: string;
  log: (line: string) => void;
}

/** The activity key of a received activity: the same key the CRM record is upserted under. */
export function keyOf(a: { id: string; kind: StoredActivity['activity']['kind'] }): string {
  return activityKey(a.id, a.kind);
}

/**
 * The JSON-lines inbox file stays an import path: its activities join the queue (idempotent by key), bad lines
 * are reported on the run, and what the queue already wrote is not written again.
 */
async function importInboxFile(deps: CycleDeps, conn: ServeConnection): Promise<Problem[]> {
  const problems: Problem[] = [];
  const items: StoredActivity[] = [];
  const receivedAt = new Date(deps.clock.now()).toISOString();
  for await (const item of readInbox(conn.config.inboxFile)) {
    if (item.ok) items.push({ key: keyOf(item.activity), activity: item.activity, receivedAt });
    else problems.push({ ref: `inbox:${item.line}`, reason: item.reason });
  }
  if (items.length) await deps.store.addActivities(conn.name, items);
  return problems;
}

/** A run that could not start the cycle (missing credentials, unreadable inbox …), reported like a failed step. */
function failedReport(
  conn: ServeConnection,
  command: string,
  startedAt: number,
  now: number,
  err: unknown,
  locale: Locale,
): RunReport {
  const kind = err instanceof ConfigError ? 'CONNECT_FAILED' : 'UNKNOWN';
  return {
    crm: conn.config.crm,
    command,
    dryRun: false,
    startedAt: new Date(startedAt).toISOString(),
    finishedAt: new Date(now).toISOString(),
    ok: false,
    steps: [
      {
        name: 'connection',
        status: 'failed',
        counts: {},
        durationMs: now - startedAt,
        problems: [],
        error: describeError(kind, locale, redact(String((err as Error)?.message ?? err))),
      },
    ],
    requests: { crm: { total: 0, byKind: {} }, linkedin: { total: 0, byKind: {} }, crmWrites: 0, crmWriteMinimum: 0 },
    changes: [],
    details: emptyDetails(),
  };
}

/**
 * One run of a connection: the queued activities go to the engine as its inbox, the daily cycle (or, for a
 * write-back run, only its write-back) runs, and the activities the CRM then holds under their key leave the
 * queue. Anything the CRM did not take stays queued for the next run. The report is stored with the run.
 */
/** This installation's id for a run on the CRM's run lease (sync/lease.ts): the same for each attempt of the run. */
function leaseOwner(deps: CycleDeps, conn: ServeConnection, run: RunRow): string {
  const installation = createHash('sha256').update(`${hostname()}\n${deps.stateDir}`).digest('hex').slice(0, 12);
  return `serve-${installation}-${conn.name}-${run.id}`;
}

export async function runConnection(deps: CycleDeps, conn: ServeConnection, run: RunRow): Promise<RunReport> {
  const { store, clock } = deps;
  const locale = resolveLocale(conn.config.locale ?? deps.env.NAVSYNC_LOCALE ?? '');
  const command = run.trigger === 'writeBack' ? 'writeBack' : 'sync';
  const startedAt = clock.now();
  let report: RunReport;
  try {
    const importProblems = await importInboxFile(deps, conn);
    const pending = await store.pendingActivities(conn.name);
    const inboxFile = join(deps.stateDir, `${conn.name}.queued.jsonl`);
    // Activities carry names and e-mail addresses: the file is for this user only.
    writeFileSync(inboxFile, pending.map((p) => JSON.stringify(p.activity)).join('\n') + (pending.length ? '\n' : ''), {
      mode: 0o600,
    });
    chmodSync(inboxFile, 0o600);
    const creds = credentialsFor(conn.config, deps.env);
    for (const v of Object.values(creds)) registerSecret(v);
    const c = connect(conn.config, creds);
    report = await runCycle(
      // The engine keeps the system clock even under a test clock: it compares its time with the CRM's.
      {
        ...c.options,
        inboxFile,
        locale,
        progress: (line) => deps.log(`[${conn.name}] ${line}`),
        // A run taken up again after a stop is the same run: it may take back its own lease at once.
        lease: { owner: leaseOwner(deps, conn, run) },
      },
      run.trigger === 'writeBack' ? ['writeBack'] : undefined,
    );
    const wb = report.steps.find((s) => s.name === 'writeBack');
    if (wb) wb.problems.unshift(...importProblems);
    if (wb && (wb.status === 'ok' || wb.status === 'partial') && pending.length) {
      const held = new Set<string>();
      for (const part of chunks(
        pending.map((p) => p.key),
        500,
      )) {
        for (const a of await all(c.options.crm.activities({ keys: part }))) held.add(a.key);
      }
      await store.markWritten(conn.name, [...held], run.id, clock.now());
      wb.counts.queued = pending.length;
      wb.counts.leftQueued = pending.length - held.size;
    }
  } catch (err) {
    report = failedReport(conn, command, startedAt, clock.now(), err, locale);
  }
  await store.finishRun(run.id, report, clock.now());
  return report;
}
