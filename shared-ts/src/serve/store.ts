import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Database } from 'node-sqlite3-wasm';
import type { InboxActivity } from '../sync/inbox';
import type { RunReport } from '../sync/report';
import { runRowOf, runStateOf, type RunRow, type RunTrigger, type ServeState, type StoredActivity } from './state';

/**
 * The state of `navsync serve` in one SQLite file (node-sqlite3-wasm: SQLite compiled to WebAssembly, reading and
 * writing the file through Node's fs with fsync, so it needs no native build and no server): the schedule of each
 * connection, the run history with each run's report, and the write-back queue of received activities.
 * Each write is one SQLite transaction, synced to disk before the call returns.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS schedule (
  connection TEXT PRIMARY KEY,
  pattern TEXT NOT NULL,
  since TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  connection TEXT NOT NULL,
  trigger TEXT NOT NULL,
  slot TEXT,
  state TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 1,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  report TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS runs_slot ON runs (connection, slot) WHERE slot IS NOT NULL;
CREATE INDEX IF NOT EXISTS runs_connection ON runs (connection, id);
CREATE TABLE IF NOT EXISTS activities (
  connection TEXT NOT NULL,
  key TEXT NOT NULL,
  activity TEXT NOT NULL,
  received_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  written_at TEXT,
  run_id INTEGER,
  PRIMARY KEY (connection, key)
);
CREATE INDEX IF NOT EXISTS activities_pending ON activities (connection, state);
`;

type Row = Record<string, unknown>;

const runRow = (r: Record<string, unknown>): RunRow =>
  runRowOf(r, (v) => (v === null || v === undefined ? null : String(v)));

const RUN_COLUMNS = 'id, connection, trigger, slot, state, attempts, started_at, finished_at';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class StoreInUseError extends Error {}

export class Store implements ServeState {
  private readonly db: Database;
  private readonly ownerFile: string;

  /**
   * Open (or create) the database. One `navsync serve` owns a database at a time (`<file>.owner` holds its pid);
   * the SQLite lock of a process that was killed mid-transaction (a `<file>.lock` folder) is cleared, because no
   * one else can hold it.
   */
  constructor(readonly file: string) {
    this.ownerFile = `${file}.owner`;
    if (existsSync(this.ownerFile)) {
      const pid = Number(readFileSync(this.ownerFile, 'utf8').trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new StoreInUseError(
          `another navsync serve (pid ${pid}) uses ${file}; stop it first or give --database another file`,
        );
      }
    }
    rmSync(`${file}.lock`, { recursive: true, force: true });
    writeFileSync(this.ownerFile, `${process.pid}\n`, { mode: 0o600 });
    this.db = new Database(file);
    this.db.exec('PRAGMA synchronous = FULL;');
    this.db.exec(SCHEMA);
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
    rmSync(this.ownerFile, { force: true });
  }

  private tx<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const out = fn();
      this.db.exec('COMMIT');
      return out;
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
  }

  /** When the connection was first scheduled with this pattern (a changed pattern starts counting anew). */
  async scheduleSince(connection: string, pattern: string, now: number): Promise<number> {
    const row = this.db.get('SELECT pattern, since FROM schedule WHERE connection = ?', [connection]);
    if (row && row.pattern === pattern) return Date.parse(String(row.since));
    const since = new Date(now).toISOString();
    this.db.run(
      'INSERT INTO schedule (connection, pattern, since) VALUES (?, ?, ?) ON CONFLICT (connection) DO UPDATE SET pattern = excluded.pattern, since = excluded.since',
      [connection, pattern, since],
    );
    return now;
  }

  /**
   * Start a run. A scheduled run claims its slot: a slot that already has a finished run is never run again
   * (null is returned); an interrupted one is taken up again under the same row.
   */
  async claimRun(connection: string, trigger: RunTrigger, slot: string | null, now: number): Promise<RunRow | null> {
    const at = new Date(now).toISOString();
    return this.tx(() => {
      if (slot) {
        const existing = this.db.get(`SELECT ${RUN_COLUMNS} FROM runs WHERE connection = ? AND slot = ?`, [
          connection,
          slot,
        ]);
        if (existing) {
          if (existing.state !== 'interrupted') return null;
          this.db.run("UPDATE runs SET state = 'running', attempts = attempts + 1, started_at = ? WHERE id = ?", [
            at,
            Number(existing.id),
          ]);
          return runRow(this.db.get(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [Number(existing.id)]) as Row);
        }
      }
      const r = this.db.run(
        "INSERT INTO runs (connection, trigger, slot, state, started_at) VALUES (?, ?, ?, 'running', ?)",
        [connection, trigger, slot, at],
      );
      return runRow(this.db.get(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [Number(r.lastInsertRowid)]) as Row);
    });
  }

  /** Take up an interrupted run again (a "run now" or write-back run cut short by a stop). */
  async resumeRun(id: number, now: number): Promise<RunRow | null> {
    const r = this.db.run(
      "UPDATE runs SET state = 'running', attempts = attempts + 1, started_at = ? WHERE id = ? AND state = 'interrupted'",
      [new Date(now).toISOString(), id],
    );
    return r.changes ? this.run(id) : null;
  }

  async finishRun(id: number, report: RunReport, now: number): Promise<void> {
    const state = runStateOf(report);
    this.db.run("UPDATE runs SET state = ?, finished_at = ?, report = ? WHERE id = ? AND state = 'running'", [
      state,
      new Date(now).toISOString(),
      JSON.stringify(report),
      id,
    ]);
  }

  async markInterrupted(id: number): Promise<void> {
    this.db.run("UPDATE runs SET state = 'interrupted' WHERE id = ? AND state = 'running'", [id]);
  }

  /** At start: runs left 'running' belong to a process that stopped without finishing them. */
  async interruptLeftovers(): Promise<RunRow[]> {
    this.db.run("UPDATE runs SET state = 'interrupted' WHERE state = 'running'");
    return this.db.all(`SELECT ${RUN_COLUMNS} FROM runs WHERE state = 'interrupted' ORDER BY id`).map(runRow);
  }

  /** Runs of a connection cut short by a stop or a crash, oldest first. */
  async interruptedRuns(connection: string): Promise<RunRow[]> {
    return this.db
      .all(`SELECT ${RUN_COLUMNS} FROM runs WHERE connection = ? AND state = 'interrupted' ORDER BY id`, [connection])
      .map(runRow);
  }

  async run(id: number): Promise<RunRow | null> {
    const r = this.db.get(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [id]);
    return r ? runRow(r) : null;
  }

  async report(id: number): Promise<RunReport | null> {
    const r = this.db.get('SELECT report FROM runs WHERE id = ?', [id]);
    return r?.report ? (JSON.parse(String(r.report)) as RunReport) : null;
  }

  /** The most recent runs, newest first (optionally of one connection). */
  async recentRuns(limit: number, connection?: string): Promise<RunRow[]> {
    const rows = connection
      ? this.db.all(`SELECT ${RUN_COLUMNS} FROM runs WHERE connection = ? ORDER BY id DESC LIMIT ?`, [
          connection,
          limit,
        ])
      : this.db.all(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY id DESC LIMIT ?`, [limit]);
    return rows.map(runRow);
  }

  /** The last run that finished, with its report. */
  async lastFinished(connection: string): Promise<{ run: RunRow; report: RunReport | null } | null> {
    const r = this.db.get(
      `SELECT ${RUN_COLUMNS}, report FROM runs WHERE connection = ? AND finished_at IS NOT NULL ORDER BY id DESC LIMIT 1`,
      [connection],
    );
    return r ? { run: runRow(r), report: r.report ? (JSON.parse(String(r.report)) as RunReport) : null } : null;
  }

  /** The last cycle that succeeded (what "Last synced" shows). */
  async lastSynced(connection: string): Promise<string | null> {
    const r = this.db.get(
      "SELECT finished_at FROM runs WHERE connection = ? AND trigger != 'writeBack' AND state IN ('ok', 'partial') ORDER BY id DESC LIMIT 1",
      [connection],
    );
    return (r?.finished_at as string | undefined) ?? null;
  }

  /**
   * Queue activities for write-back, all or none, idempotent by key: a key already queued (pending or written)
   * is counted as a duplicate and left as it is.
   */
  async addActivities(connection: string, items: StoredActivity[]): Promise<{ accepted: number; duplicates: number }> {
    return this.tx(() => {
      let accepted = 0;
      for (const it of items) {
        const r = this.db.run(
          'INSERT OR IGNORE INTO activities (connection, key, activity, received_at) VALUES (?, ?, ?, ?)',
          [connection, it.key, JSON.stringify(it.activity), it.receivedAt],
        );
        accepted += r.changes;
      }
      return { accepted, duplicates: items.length - accepted };
    });
  }

  async pendingActivities(connection: string): Promise<StoredActivity[]> {
    return this.db
      .all(
        "SELECT key, activity, received_at FROM activities WHERE connection = ? AND state = 'pending' ORDER BY received_at, key",
        [connection],
      )
      .map((r) => ({
        key: String(r.key),
        activity: JSON.parse(String(r.activity)) as InboxActivity,
        receivedAt: String(r.received_at),
      }));
  }

  async pendingCount(connection: string): Promise<number> {
    return Number(
      this.db.get("SELECT COUNT(*) AS n FROM activities WHERE connection = ? AND state = 'pending'", [connection])?.n ??
        0,
    );
  }

  /** Activities the CRM now holds under their key leave the queue (kept as 'written' for idempotency). */
  async markWritten(connection: string, keys: readonly string[], runId: number, now: number): Promise<void> {
    const at = new Date(now).toISOString();
    this.tx(() => {
      for (const key of keys) {
        this.db.run(
          "UPDATE activities SET state = 'written', written_at = ?, run_id = ? WHERE connection = ? AND key = ? AND state = 'pending'",
          [at, runId, connection, key],
        );
      }
    });
  }
}
