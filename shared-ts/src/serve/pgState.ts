import type { InboxActivity } from '../sync/inbox';
import type { RunReport } from '../sync/report';
import { runRowOf, runStateOf, type RunRow, type RunTrigger, type ServeState, type StoredActivity } from './state';

/**
 * The state of several `navsync serve` processes sharing connections (`--queue postgres://…`): the same tables as
 * the SQLite file, in the schema `navsync` of the queue's database, plus who runs a run and until when (a lease
 * renewed while it runs: a crashed worker's lease runs out, and another worker takes its run over).
 */

// The part of node-postgres used here (it comes with pg-boss; the project has no @types/pg).
interface QueryResult {
  rows: Record<string, unknown>[];
  rowCount: number | null;
}
interface PoolClient {
  query(text: string, values?: unknown[]): Promise<QueryResult>;
  release(): void;
}
interface Pool {
  query(text: string, values?: unknown[]): Promise<QueryResult>;
  connect(): Promise<PoolClient>;
  end(): Promise<void>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pg = require('pg') as {
  Pool: new (o: { connectionString: string; max?: number; application_name?: string }) => Pool;
};

const SCHEMA = `
CREATE SCHEMA IF NOT EXISTS navsync;
CREATE TABLE IF NOT EXISTS navsync.schedule (connection text PRIMARY KEY, pattern text NOT NULL, since timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS navsync.runs (
  id bigserial PRIMARY KEY, connection text NOT NULL, trigger text NOT NULL, slot text, job_id text UNIQUE,
  state text NOT NULL, attempts integer NOT NULL DEFAULT 1, owner text, lease_until timestamptz,
  started_at timestamptz NOT NULL, finished_at timestamptz, report jsonb);
CREATE UNIQUE INDEX IF NOT EXISTS runs_slot ON navsync.runs (connection, slot) WHERE slot IS NOT NULL;
CREATE INDEX IF NOT EXISTS runs_connection ON navsync.runs (connection, id);
CREATE TABLE IF NOT EXISTS navsync.activities (
  connection text NOT NULL, key text NOT NULL, activity jsonb NOT NULL, received_at timestamptz NOT NULL,
  state text NOT NULL DEFAULT 'pending', written_at timestamptz, run_id bigint, PRIMARY KEY (connection, key));
`;
const SCHEMA_LOCK = 7_361_373; // any fixed number: only NavSync's schema set-up takes it

const iso = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string | Date).toISOString();
const RUN_COLUMNS = 'id, connection, trigger, slot, state, attempts, started_at, finished_at';

const runRow = (r: Record<string, unknown>): RunRow => runRowOf(r, iso);

export type JobClaim = { run: RunRow } | { done: true } | { busy: string };

export class PgState implements ServeState {
  private constructor(private readonly pool: Pool) {}

  static async open(connectionString: string): Promise<PgState> {
    const pool = new pg.Pool({ connectionString, max: 5, application_name: 'navsync serve' });
    const c = await pool.connect();
    try {
      // Two workers starting together must not both create the tables.
      await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      await c.query(SCHEMA);
      await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
    } finally {
      c.release();
    }
    return new PgState(pool);
  }

  /** Run `fn` while holding a session lock that only NavSync takes: set-up that processes starting together must not race. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK]);
      try {
        return await fn();
      } finally {
        await c.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK]);
      }
    } finally {
      c.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async tx<T>(fn: (c: PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async scheduleSince(connection: string, pattern: string, now: number): Promise<number> {
    const at = new Date(now).toISOString();
    await this.pool.query(
      'INSERT INTO navsync.schedule (connection, pattern, since) VALUES ($1, $2, $3) ON CONFLICT (connection) DO UPDATE SET pattern = excluded.pattern, since = excluded.since WHERE navsync.schedule.pattern <> excluded.pattern',
      [connection, pattern, at],
    );
    const r = await this.pool.query('SELECT since FROM navsync.schedule WHERE connection = $1', [connection]);
    return Date.parse(iso(r.rows[0].since) as string);
  }

  /**
   * Take a queue job's run: the first delivery creates it; a redelivery (a retry after a failure, or after the
   * worker that had it stopped answering) takes the same run over, unless it finished or its worker is alive.
   * One run per connection at a time, across all workers (a transaction-scoped lock per connection).
   */
  async claimJob(
    job: { id: string; connection: string; trigger: RunTrigger; slot: string | null },
    owner: string,
    clockNow: number,
    realNow: number,
    leaseMs: number,
  ): Promise<JobClaim> {
    // Leases are about processes being alive: real time. Run times are the (possibly test) clock's.
    const at = new Date(clockNow).toISOString();
    const now = realNow;
    const nowIso = new Date(realNow).toISOString();
    const lease = new Date(realNow + leaseMs).toISOString();
    return this.tx(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock(hashtext('navsync:' || $1))", [job.connection]);
      const other = await c.query(
        "SELECT id, owner FROM navsync.runs WHERE connection = $1 AND state = 'running' AND lease_until > $2 AND job_id IS DISTINCT FROM $3 LIMIT 1",
        [job.connection, nowIso, job.id],
      );
      if (other.rows.length)
        return { busy: `run #${other.rows[0].id} of ${job.connection} is going on (${other.rows[0].owner})` };
      const mine = await c.query(
        `SELECT ${RUN_COLUMNS}, owner, lease_until FROM navsync.runs WHERE job_id = $1 FOR UPDATE`,
        [job.id],
      );
      const r = mine.rows[0];
      if (!r) {
        const ins = await c.query(
          `INSERT INTO navsync.runs (connection, trigger, slot, job_id, state, owner, lease_until, started_at) VALUES ($1, $2, $3, $4, 'running', $5, $6, $7) ON CONFLICT DO NOTHING RETURNING ${RUN_COLUMNS}`,
          [job.connection, job.trigger, job.slot, job.id, owner, lease, at],
        );
        return ins.rows.length ? { run: runRow(ins.rows[0]) } : ({ done: true } as const);
      }
      if (r.state === 'ok' || r.state === 'partial') return { done: true } as const;
      if (r.state === 'running' && Date.parse(iso(r.lease_until) as string) > now)
        return { busy: `run #${r.id} is going on (${r.owner})` };
      const up = await c.query(
        `UPDATE navsync.runs SET state = 'running', attempts = attempts + 1, owner = $2, lease_until = $3, started_at = $4, finished_at = NULL WHERE id = $1 RETURNING ${RUN_COLUMNS}`,
        [r.id, owner, lease, at],
      );
      return { run: runRow(up.rows[0]) };
    });
  }

  async renewLease(id: number, now: number, leaseMs: number): Promise<void> {
    await this.pool.query("UPDATE navsync.runs SET lease_until = $2 WHERE id = $1 AND state = 'running'", [
      id,
      new Date(now + leaseMs).toISOString(),
    ]);
  }

  async finishRun(id: number, report: RunReport, now: number): Promise<void> {
    await this.pool.query(
      "UPDATE navsync.runs SET state = $2, finished_at = $3, report = $4, lease_until = NULL WHERE id = $1 AND state = 'running'",
      [id, runStateOf(report), new Date(now).toISOString(), JSON.stringify(report)],
    );
  }

  /** A stopping worker gives its run back at once (another worker need not wait for the lease to run out). */
  async markInterrupted(id: number): Promise<void> {
    await this.pool.query(
      "UPDATE navsync.runs SET state = 'interrupted', lease_until = NULL WHERE id = $1 AND state = 'running'",
      [id],
    );
  }

  async run(id: number): Promise<RunRow | null> {
    const r = await this.pool.query(`SELECT ${RUN_COLUMNS} FROM navsync.runs WHERE id = $1`, [id]);
    return r.rows[0] ? runRow(r.rows[0]) : null;
  }

  async report(id: number): Promise<RunReport | null> {
    const r = await this.pool.query('SELECT report FROM navsync.runs WHERE id = $1', [id]);
    return (r.rows[0]?.report as RunReport | undefined) ?? null;
  }

  async recentRuns(limit: number, connection?: string): Promise<RunRow[]> {
    const r = connection
      ? await this.pool.query(
          `SELECT ${RUN_COLUMNS} FROM navsync.runs WHERE connection = $1 ORDER BY id DESC LIMIT $2`,
          [connection, limit],
        )
      : await this.pool.query(`SELECT ${RUN_COLUMNS} FROM navsync.runs ORDER BY id DESC LIMIT $1`, [limit]);
    return r.rows.map(runRow);
  }

  async lastFinished(connection: string): Promise<{ run: RunRow; report: RunReport | null } | null> {
    const r = await this.pool.query(
      `SELECT ${RUN_COLUMNS}, report FROM navsync.runs WHERE connection = $1 AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1`,
      [connection],
    );
    return r.rows[0] ? { run: runRow(r.rows[0]), report: (r.rows[0].report as RunReport | null) ?? null } : null;
  }

  async lastSynced(connection: string): Promise<string | null> {
    const r = await this.pool.query(
      "SELECT max(finished_at) AS at FROM navsync.runs WHERE connection = $1 AND trigger <> 'writeBack' AND state IN ('ok', 'partial')",
      [connection],
    );
    return iso(r.rows[0]?.at);
  }

  async addActivities(connection: string, items: StoredActivity[]): Promise<{ accepted: number; duplicates: number }> {
    return this.tx(async (c) => {
      let accepted = 0;
      for (const it of items) {
        const r = await c.query(
          'INSERT INTO navsync.activities (connection, key, activity, received_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [connection, it.key, JSON.stringify(it.activity), it.receivedAt],
        );
        accepted += r.rowCount ?? 0;
      }
      return { accepted, duplicates: items.length - accepted };
    });
  }

  async pendingActivities(connection: string): Promise<StoredActivity[]> {
    const r = await this.pool.query(
      "SELECT key, activity, received_at FROM navsync.activities WHERE connection = $1 AND state = 'pending' ORDER BY received_at, key",
      [connection],
    );
    return r.rows.map((x) => ({
      key: String(x.key),
      activity: x.activity as InboxActivity,
      receivedAt: iso(x.received_at) as string,
    }));
  }

  async pendingCount(connection: string): Promise<number> {
    const r = await this.pool.query(
      "SELECT count(*)::int AS n FROM navsync.activities WHERE connection = $1 AND state = 'pending'",
      [connection],
    );
    return Number(r.rows[0]?.n ?? 0);
  }

  async markWritten(connection: string, keys: readonly string[], runId: number, now: number): Promise<void> {
    if (!keys.length) return;
    await this.pool.query(
      "UPDATE navsync.activities SET state = 'written', written_at = $3, run_id = $4 WHERE connection = $1 AND key = ANY($2) AND state = 'pending'",
      [connection, keys, new Date(now).toISOString(), runId],
    );
  }
}
