import { dirname } from 'node:path';
import type { StepReport } from '../sync/report';
import type { Clock } from './clock';
import type { ServeConnection, ServeSettings } from './config';
import { runConnection } from './cycle';
import { Schedule } from './schedule';
import type { RunRow, Store } from './store';

/** The longest the scheduler sleeps between looks (a changed clock or a missed timer is noticed within it). */
const MAX_SLEEP_MS = 60_000;

interface ConnectionState {
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

/**
 * The long-running part of `navsync serve`: runs each connection's cycle in the slots of its schedule (one run
 * per slot, claimed in the database, so a restart never repeats a finished slot and takes up an interrupted
 * one), the write-back runs, and "run now". One run per connection at a time; connections run side by side.
 */
export class ServeService {
  private readonly states = new Map<string, ConnectionState>();
  private stopping = false;
  private wake: (() => void) | null = null;
  private loopDone: Promise<void> | null = null;

  constructor(
    readonly settings: ServeSettings,
    readonly store: Store,
    readonly clock: Clock,
    private readonly env: NodeJS.ProcessEnv,
    private readonly log: (line: string) => void,
  ) {
    const now = clock.now();
    for (const conn of settings.connections) {
      this.states.set(conn.name, {
        conn,
        schedule: new Schedule(settings.schedule, settings.timezone),
        since: store.scheduleSince(conn.name, settings.schedule, now),
        ...(settings.writeBackEvery ? { writeBack: new Schedule(settings.writeBackEvery, settings.timezone) } : {}),
        current: null,
      });
    }
  }

  start(): void {
    const left = this.store.interruptLeftovers();
    if (left.length)
      this.log(`resuming ${left.length} interrupted run(s): ${left.map((r) => `#${r.id} ${r.connection}`).join(', ')}`);
    this.loopDone = this.loop();
  }

  get connections(): ServeConnection[] {
    return [...this.states.values()].map((s) => s.conn);
  }

  private execute(st: ConnectionState, run: RunRow): void {
    const deps = {
      store: this.store,
      clock: this.clock,
      env: this.env,
      stateDir: dirname(this.settings.database),
      log: this.log,
    };
    this.log(
      `run #${run.id} ${st.conn.name}: ${run.trigger}${run.slot ? ` slot ${run.slot}` : ''}${run.attempts > 1 ? ` (attempt ${run.attempts})` : ''}`,
    );
    const done = runConnection(deps, st.conn, run)
      .then(
        (report) => this.log(`run #${run.id} ${st.conn.name}: ${report.ok ? 'ok' : 'failed'}`),
        (err) => this.log(`run #${run.id} ${st.conn.name}: ${String((err as Error)?.message ?? err)}`),
      )
      .finally(() => {
        st.current = null;
        this.wake?.();
      });
    st.current = { run, done };
  }

  /** What is due for one connection now: an interrupted run, the current slot, or waiting activities. */
  private tick(st: ConnectionState): void {
    if (st.current || this.stopping) return;
    const now = this.clock.now();
    const name = st.conn.name;
    const [interrupted] = this.store.interruptedRuns(name);
    if (interrupted) {
      const run = interrupted.slot
        ? this.store.claimRun(name, interrupted.trigger, interrupted.slot, now)
        : this.store.resumeRun(interrupted.id, now);
      if (run) return this.execute(st, run);
    }
    const slot = st.schedule.dueSlot(now, st.since);
    if (slot) {
      const run = this.store.claimRun(name, 'schedule', slot.toISOString(), now);
      if (run) return this.execute(st, run);
    }
    const wbSlot = st.writeBack?.dueSlot(now, st.since)?.toISOString();
    if (wbSlot && wbSlot !== st.lastWriteBackSlot) {
      st.lastWriteBackSlot = wbSlot;
      if (this.store.pendingCount(name) > 0) {
        const run = this.store.claimRun(name, 'writeBack', null, now);
        if (run) return this.execute(st, run);
      }
    }
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      for (const st of this.states.values()) {
        try {
          this.tick(st);
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

  /** "Run now": the whole cycle at once, unless a run of that connection is going on (then that one is given). */
  runNow(name: string): { run: RunRow; started: boolean } | null {
    const st = this.states.get(name);
    if (!st) return null;
    if (st.current) return { run: st.current.run, started: false };
    if (this.stopping) return null;
    const run = this.store.claimRun(name, 'manual', null, this.clock.now());
    if (!run) return null;
    this.execute(st, run);
    return { run, started: true };
  }

  /** Wait for the current run of a connection (tests and the end of "run now" requests that want to wait). */
  async settled(name: string): Promise<void> {
    await this.states.get(name)?.current?.done;
  }

  /**
   * Stop at a safe point: nothing new starts; running cycles get the grace period to finish. A cycle still
   * running after it is recorded as interrupted and taken up again by the next start (the cycle's writes are
   * upserts and its export cursor moves only after an apply, so a rerun repeats nothing twice).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
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
      this.store.markInterrupted(s.current.run.id);
      this.log(`run #${s.current.run.id} ${s.conn.name}: interrupted; it resumes at the next start`);
    }
  }

  status(): ServeStatus {
    const now = this.clock.now();
    const connections: ConnectionStatus[] = [];
    for (const st of this.states.values()) {
      const last = this.store.lastFinished(st.conn.name);
      connections.push({
        name: st.conn.name,
        crm: st.conn.config.crm,
        schedule: st.schedule.pattern,
        timezone: st.schedule.timezone ?? null,
        nextRun: st.schedule.nextSlot(now)?.toISOString() ?? null,
        lastSynced: this.store.lastSynced(st.conn.name),
        pendingActivities: this.store.pendingCount(st.conn.name),
        running: st.current
          ? { id: st.current.run.id, trigger: st.current.run.trigger, startedAt: st.current.run.startedAt }
          : null,
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
      runs: this.store.recentRuns(20),
    };
  }
}
