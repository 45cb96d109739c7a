import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import PgBoss from 'pg-boss';
import { nameGuid } from '../domain/nameGuid';
import type { Clock } from './clock';
import type { QueueSettings, ServeSettings } from './config';
import { runConnection } from './cycle';
import type { PgState } from './pgState';
import { ServeScheduler, type ConnectionState, type RunNowResult } from './service';
import type { RunTrigger } from './state';

/**
 * Several `navsync serve` processes sharing the connections through a job queue on PostgreSQL (pg-boss). Every
 * process schedules; a due slot becomes one job whose id is derived from connection and slot, so however many
 * processes send it, it exists once. Any process with a free worker takes the next job. Retries: a failed cycle is
 * retried with backoff (pg-boss `retryLimit`); a job whose process died is handed out again when it expires, and
 * the run's lease (renewed while the run is alive) tells the next worker that it may take the run over.
 */
export const QUEUE = 'navsync-cycle';
const JOB_NAMESPACE = '2f6d1c53-8a0e-4d55-9c53-3b0f6f3a7e11';

interface JobData {
  connection: string;
  trigger: RunTrigger;
  slot: string | null;
}

export const jobIdFor = (connection: string, kind: string, slot: string) =>
  nameGuid(`${connection}|${kind}|${slot}`, JOB_NAMESPACE);

export class QueueService extends ServeScheduler {
  declare readonly store: PgState;
  private readonly boss: PgBoss;
  private readonly owner = `${hostname()}:${process.pid}`;
  private readonly active = new Map<number, { connection: string; done: Promise<unknown> }>();
  private readonly lastSent = new Map<string, string>();

  constructor(
    settings: ServeSettings,
    store: PgState,
    clock: Clock,
    env: NodeJS.ProcessEnv,
    log: (line: string) => void,
    private readonly queueUrl: string,
    private readonly q: QueueSettings,
  ) {
    super(settings, store, clock, env, log);
    this.boss = new PgBoss({
      connectionString: queueUrl,
      application_name: 'navsync serve (queue)',
      maintenanceIntervalSeconds: q.maintenanceIntervalSeconds,
      monitorStateIntervalSeconds: Math.max(q.maintenanceIntervalSeconds, 10),
    });
    this.boss.on('error', (e: Error) => this.log(`queue: ${e.message}`));
  }

  override async start(): Promise<void> {
    // pg-boss's schema and queue are created by the first process; two starting together deadlock without the lock.
    await this.store.exclusive(async () => {
      await this.boss.start();
      await this.boss.createQueue(QUEUE, {
        name: QUEUE,
        retryLimit: this.q.retryLimit,
        retryDelay: this.q.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: this.q.expireInSeconds,
      });
    });
    for (let i = 0; i < this.q.concurrency; i++) {
      await this.boss.work<JobData>(
        QUEUE,
        { batchSize: 1, pollingIntervalSeconds: this.q.pollingIntervalSeconds },
        ([job]) => this.handle(job),
      );
    }
    this.log(`queue: ${this.owner} works ${QUEUE} with ${this.q.concurrency} worker(s)`);
    await super.start();
  }

  private async send(data: JobData, id: string): Promise<string | null> {
    return this.boss.send(QUEUE, data as unknown as object, { id });
  }

  protected async tick(st: ConnectionState, now: number): Promise<void> {
    if (this.stopping) return;
    const name = st.conn.name;
    const slot = st.schedule.dueSlot(now, st.since)?.toISOString();
    if (slot && this.lastSent.get(name) !== slot) {
      await this.send({ connection: name, trigger: 'schedule', slot }, jobIdFor(name, 'schedule', slot));
      this.lastSent.set(name, slot);
    }
    const wb = await this.dueWriteBack(st, now);
    if (wb) await this.send({ connection: name, trigger: 'writeBack', slot: null }, jobIdFor(name, 'writeBack', wb));
  }

  async runNow(name: string): Promise<RunNowResult | null> {
    if (!this.states.has(name) || this.stopping) return null;
    const job = await this.send({ connection: name, trigger: 'manual', slot: null }, randomUUID());
    return job ? { started: true, job } : null;
  }

  /** One job: claim its run (or learn it is done or going on elsewhere), run the cycle with a live lease. */
  private async handle(job: PgBoss.Job<JobData>): Promise<void> {
    const st = this.states.get(job.data.connection);
    if (!st) throw new Error(`no connection "${job.data.connection}" in this process's config`);
    const claim = await this.store.claimJob(
      { id: job.id, ...job.data },
      this.owner,
      this.clock.now(),
      Date.now(),
      this.q.leaseMs,
    );
    if ('done' in claim) return;
    // pg-boss retries it after retryDelay: the run going on elsewhere finishes first.
    if ('busy' in claim) throw new Error(claim.busy);
    const run = claim.run;
    this.log(
      `run #${run.id} ${st.conn.name}: ${run.trigger}${run.slot ? ` slot ${run.slot}` : ''}${run.attempts > 1 ? ` (attempt ${run.attempts})` : ''} on ${this.owner}`,
    );
    const heartbeat = setInterval(
      () => {
        this.store
          .renewLease(run.id, Date.now(), this.q.leaseMs)
          .catch((e: Error) => this.log(`lease #${run.id}: ${e.message}`));
      },
      Math.max(200, Math.floor(this.q.leaseMs / 3)),
    );
    const done = runConnection(this.cycleDeps, st.conn, run).finally(() => clearInterval(heartbeat));
    this.active.set(run.id, { connection: st.conn.name, done });
    try {
      const report = await done;
      this.log(`run #${run.id} ${st.conn.name}: ${report.ok ? 'ok' : 'failed'}`);
      // A failed cycle goes back to the queue for a retry (with backoff); the run row keeps each attempt's report.
      if (!report.ok)
        throw new Error(
          `run #${run.id} ${st.conn.name} failed: ${report.steps.find((s) => s.error)?.error?.code ?? 'see its report'}`,
        );
    } finally {
      this.active.delete(run.id);
    }
  }

  /** Stop taking jobs; running cycles get the grace period, then their runs are given back to the other workers. */
  override async stop(): Promise<void> {
    await super.stop();
    await this.boss.offWork(QUEUE).catch(() => undefined);
    if (this.active.size) {
      this.log(
        `stopping: waiting up to ${Math.round(this.settings.stopGraceMs / 1000)} s for ${this.active.size} run(s)`,
      );
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.active.values()].map((a) => a.done)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, this.settings.stopGraceMs))),
      ]);
      clearTimeout(timer);
      for (const [id, a] of this.active) {
        await this.store.markInterrupted(id);
        this.log(`run #${id} ${a.connection}: given back to the queue`);
      }
    }
    await this.boss.stop({ graceful: false, wait: true, close: true }).catch(() => undefined);
  }
}
