import type { InboxActivity } from '../sync/inbox';
import type { RunReport } from '../sync/report';

/**
 * What `navsync serve` keeps: the schedule of each connection, the run history with each run's report, and the
 * write-back queue. Two homes: one SQLite file (store.ts, the default) or PostgreSQL shared by several workers
 * (pgState.ts, with `--queue`).
 */
export type RunTrigger = 'schedule' | 'manual' | 'writeBack';
export type RunState = 'running' | 'ok' | 'partial' | 'failed' | 'interrupted';

export interface RunRow {
  id: number;
  connection: string;
  trigger: RunTrigger;
  /** The schedule slot (ISO time) a scheduled run belongs to; null for "run now" and write-back runs. */
  slot: string | null;
  state: RunState;
  attempts: number;
  startedAt: string;
  finishedAt: string | null;
}

export interface StoredActivity {
  key: string;
  activity: InboxActivity;
  receivedAt: string;
}

/** A runs-table row as either database returns it; `time` turns its timestamps into ISO strings. */
export function runRowOf(r: Record<string, unknown>, time: (v: unknown) => string | null): RunRow {
  return {
    id: Number(r.id),
    connection: String(r.connection),
    trigger: r.trigger as RunTrigger,
    slot: (r.slot as string | null) ?? null,
    state: r.state as RunState,
    attempts: Number(r.attempts),
    startedAt: time(r.started_at) as string,
    finishedAt: time(r.finished_at),
  };
}

export function runStateOf(report: RunReport): RunState {
  if (!report.ok) return 'failed';
  return report.steps.some((s) => s.status === 'partial') ? 'partial' : 'ok';
}

export interface ServeState {
  /** When the connection was first scheduled with this pattern (a changed pattern starts counting anew). */
  scheduleSince(connection: string, pattern: string, now: number): Promise<number>;
  finishRun(id: number, report: RunReport, now: number): Promise<void>;
  markInterrupted(id: number): Promise<void>;
  run(id: number): Promise<RunRow | null>;
  report(id: number): Promise<RunReport | null>;
  /** The most recent runs, newest first (optionally of one connection). */
  recentRuns(limit: number, connection?: string): Promise<RunRow[]>;
  /** The last run that finished, with its report. */
  lastFinished(connection: string): Promise<{ run: RunRow; report: RunReport | null } | null>;
  /** The last cycle that succeeded (what "Last synced" shows). */
  lastSynced(connection: string): Promise<string | null>;
  /** Queue activities for write-back, all or none, idempotent by key. */
  addActivities(connection: string, items: StoredActivity[]): Promise<{ accepted: number; duplicates: number }>;
  pendingActivities(connection: string): Promise<StoredActivity[]>;
  pendingCount(connection: string): Promise<number>;
  /** Activities the CRM now holds under their key leave the queue (kept as 'written' for idempotency). */
  markWritten(connection: string, keys: readonly string[], runId: number, now: number): Promise<void>;
  close(): Promise<void>;
}
