import { dirname } from 'node:path';
import type { StepReport } from '../sync/report';
import type { Clock } from './clock';
import type { ServeConnection, ServeSettings } from './config';
import { runConnection, type CycleDeps } from './cycle';
import { Schedule } from './schedule';
import type { RunRow, ServeState } from './state';
import type { Store } from './store';

/** The longest the scheduler sleeps between looks (a changed clock or a missed timer is noticed within it). */
const MAX_SLEEP_MS = 60_000;

export interface ConnectionState {
  conn: ServeConnection;
  schedule: Schedule;
  since: number;
  writeBack?: Schedule;
  lastWriteBackSlot?: string;
  current: { run: RunRow; done: Promise<void> } | null;
}

export interface StepStatus {
  name: string;
  status: StepReport['status'];
  counts: Record<string, number>;
  note?: string;
  error?: { code: string; message: string; remedy: string; detail?: string };
}

export interface ConnectionStatus {
  name: string;
  crm: string;
  schedule: string;
  timezone: string | null;
  nextRun: string | null;
  lastSynced: string | null;
  pendingActivities: number;
  running: { id: number; trigger: string; startedAt: string } | null;
  lastRun:
    (Pick<RunRow, 'id' | 'trigger' | 'slot' | 'state' | 'startedAt' | 'finishedAt'> & { steps: StepStatus[] }) | null;
}

export interface ServeStatus {
  now: string;
  testClock: string | null;
  connections: ConnectionStatus[];
  runs: RunRow[];
}

/** What "run now" answered: the run it started (or the one going on), or the queued job. */
export interface RunNowResult {
  started: boolean;
  run?: RunRow;
  job?: string;
}

/**
 * The scheduler of `navsync serve`: it looks at each connection's schedule and hands what is due to `dispatch`.
 * Subclasses decide where runs happen: here, in this process (the embedded mode, below), or on a job queue that
 * several processes work off (queue.ts). Status, activities and the stop are shared.
 */
export abstract class ServeScheduler {
  protected readonly states = new Map<string, ConnectionState>();
  protected stopping = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;

  constructor(
    readonly settings: ServeSettings,
    readonly store: ServeState,
    readonly clock: Clock,
    protected readonly env: NodeJS.ProcessEnv,
    protected readonly log: (line: string) => void,
  ) {}

  get connections(): ServeConnection[] {
    return this.settings.connections;
  }

  protected get cycleDeps(): CycleDeps {
    return {
      store: this.store,
      clock: this.clock,
      env: this.env,
      stateDir: dirname(this.settings.database),
      log: this.log,
    };
  }

  async start(): Promise<void> {
    const now = this.clock.now();
    for (const conn of this.settings.connections) {
      this.states.set(conn.name, {
        conn,
        schedule: new Schedule(this.settings.schedule, this.settings.timezone),
        since: await this.store.scheduleSince(conn.name, this.settings.schedule, now),
        ...(this.settings.writeBackEvery
          ? { writeBack: new Schedule(this.settings.writeBackEvery, this.settings.timezone) }
          : {}),
        current: null,
      });
    }
    this.loopDone = this.loop();
  }

  /** What is due for one connection now. */
  protected abstract tick(st: ConnectionState, now: number): Promise<void>;
  abstract runNow(name: string): Promise<RunNowResult | null>;

  /** The write-back slot that is due and not yet handled, when activities are waiting. */
  protected async dueWriteBack(st: ConnectionState, now: number): Promise<string | null> {
    const slot = st.writeBack?.dueSlot(now, st.since)?.toISOString();
    if (!slot || slot === st.lastWriteBackSlot) return null;
    st.lastWriteBackSlot = slot;
    return (await this.store.pendingCount(st.conn.name)) > 0 ? slot : null;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      for (const st of this.states.values()) {
        try {
          await this.tick(st, this.clock.now());
        } catch (e) {
          // A database or schedule error must not end the process: it is logged and looked at again on the next wake.
          this.log(`scheduler: ${st.conn.name}: ${String((e as Error)?.message ?? e)}`);
        }
      }
      const now = this.clock.now();
      let next = now + MAX_SLEEP_MS;
      for (const st of this.states.values()) {
        for (const s of [st.schedule, st.writeBack]) {
          const at = s?.nextSlot(now)?.getTime();
          if (at !== undefined && at < next) next = at;
        }
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(20, next - now + 5));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /** Look at the schedule now (after the clock was moved in a test, or a change that makes work due). */
  poke(): void {
    this.wake?.();
  }

  /** Stop scheduling; subclasses then stop their runs at a safe point. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
  }

  async status(): Promise<ServeStatus> {
    const now = this.clock.now();
    const connections: ConnectionStatus[] = [];
    for (const st of this.states.values()) {
      const name = st.conn.name;
      const last = await this.store.lastFinished(name);
      const running = st.current?.run ?? (await this.store.recentRuns(1, name)).find((r) => r.state === 'running');
      connections.push({
        name,
        crm: st.conn.config.crm,
        schedule: st.schedule.pattern,
        timezone: st.schedule.timezone ?? null,
        nextRun: st.schedule.nextSlot(now)?.toISOString() ?? null,
        lastSynced: await this.store.lastSynced(name),
        pendingActivities: await this.store.pendingCount(name),
        running: running ? { id: running.id, trigger: running.trigger, startedAt: running.startedAt } : null,
        lastRun: last
          ? {
              id: last.run.id,
              trigger: last.run.trigger,
              slot: last.run.slot,
              state: last.run.state,
              startedAt: last.run.startedAt,
              finishedAt: last.run.finishedAt,
              steps: (last.report?.steps ?? []).map((s) => ({
                name: s.name,
                status: s.status,
                counts: s.counts,
                ...(s.note ? { note: s.note } : {}),
                ...(s.error
                  ? {
                      error: {
                        code: s.error.code,
                        message: s.error.message,
                        remedy: s.error.remedy,
                        ...(s.error.detail ? { detail: s.error.detail } : {}),
                      },
                    }
                  : {}),
              })),
            }
          : null,
      });
    }
    return {
      now: new Date(now).toISOString(),
      testClock: this.clock.testStart ?? null,
      connections,
      runs: await this.store.recentRuns(20),
    };
  }
}

/**
 * The embedded mode: runs happen in this process, one per connection at a time, connections side by side. A slot
 * is claimed in the SQLite file before it runs, so a restart never repeats a finished slot and takes up an
 * interrupted one.
 */
export class ServeService extends ServeScheduler {
  declare readonly store: Store;

  override async start(): Promise<void> {
    const left = await this.store.interruptLeftovers();
    if (left.length)
      this.log(`resuming ${left.length} interrupted run(s): ${left.map((r) => `#${r.id} ${r.connection}`).join(', ')}`);
    await super.start();
  }

  private execute(st: ConnectionState, run: RunRow): void {
    this.log(
      `run #${run.id} ${st.conn.name}: ${run.trigger}${run.slot ? ` slot ${run.slot}` : ''}${run.attempts > 1 ? ` (attempt ${run.attempts})` : ''}`,
    );
    const done = runConnection(this.cycleDeps, st.conn, run)
      .then(
        (report) => this.log(`run #${run.id} ${st.conn.name}: ${report.ok ? 'ok' : 'failed'}`),
        (err) => this.log(`run #${run.id} ${st.conn.name}: ${String((err as Error)?.message ?? err)}`),
      )
      .finally(() => {
        st.current = null;
        this.poke();
      });
    st.current = { run, done };
  }

  /** An interrupted run first, then the current slot, then waiting activities. */
  protected async tick(st: ConnectionState, now: number): Promise<void> {
    if (st.current || this.stopping) return;
    const name = st.conn.name;
    const [interrupted] = await this.store.interruptedRuns(name);
    if (interrupted) {
      const run = interrupted.slot
        ? await this.store.claimRun(name, interrupted.trigger, interrupted.slot, now)
        : await this.store.resumeRun(interrupted.id, now);
      if (run) return this.execute(st, run);
    }
    const slot = st.schedule.dueSlot(now, st.since);
    if (slot) {
      const run = await this.store.claimRun(name, 'schedule', slot.toISOString(), now);
      if (run) return this.execute(st, run);
    }
    if (await this.dueWriteBack(st, now)) {
      const run = await this.store.claimRun(name, 'writeBack', null, now);
      if (run) return this.execute(st, run);
    }
  }

  /** "Run now": the whole cycle at once, unless a run of that connection is going on (then that one is given). */
  async runNow(name: string): Promise<RunNowResult | null> {
    const st = this.states.get(name);
    if (!st) return null;
    if (st.current) return { run: st.current.run, started: false };
    if (this.stopping) return null;
    const run = await this.store.claimRun(name, 'manual', null, this.clock.now());
    if (!run) return null;
    this.execute(st, run);
    return { run, started: true };
  }

  /** Wait for the current run of a connection (tests). */
  async settled(name: string): Promise<void> {
    await this.states.get(name)?.current?.done;
  }

  /**
   * Stop at a safe point: nothing new starts; running cycles get the grace period to finish. A cycle still
   * running after it is recorded as interrupted and taken up again by the next start (the cycle's writes are
   * upserts and its export cursor moves only after an apply, so a rerun repeats nothing twice).
   */
  override async stop(): Promise<void> {
    await super.stop();
    const running = [...this.states.values()].filter((s) => s.current);
    if (!running.length) return;
    this.log(`stopping: waiting up to ${Math.round(this.settings.stopGraceMs / 1000)} s for ${running.length} run(s)`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(running.map((s) => s.current?.done)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, this.settings.stopGraceMs))),
    ]);
    clearTimeout(timer);
    for (const s of running) {
      if (!s.current) continue;
      await this.store.markInterrupted(s.current.run.id);
      this.log(`run #${s.current.run.id} ${s.conn.name}: interrupted; it resumes at the next start`);
    }
  }
}
