import { Cron } from 'croner';

/** Every day at 03:00 (in the configured time zone): the help articles' sync "every 24 hours". */
export const DEFAULT_SCHEDULE = '0 3 * * *';

/**
 * A connection's schedule, evaluated with croner. Slots are the instants the cron pattern names; a slot is due
 * once it has passed, and only slots after the connection was first scheduled count (a new connection waits for
 * its first slot, as the help articles announce; "run now" does not wait).
 */
export class Schedule {
  private readonly cron: Cron;
  constructor(
    readonly pattern: string,
    readonly timezone?: string,
  ) {
    this.cron = new Cron(pattern, { paused: true, ...(timezone ? { timezone } : {}) });
  }

  /** The latest slot at or before `now` and after `since`, if any. */
  dueSlot(now: number, since: number): Date | null {
    const [last] = this.cron.previousRuns(1, new Date(now + 1));
    return last && last.getTime() > since ? last : null;
  }

  /** The first slot after `now`. */
  nextSlot(now: number): Date | null {
    return this.cron.nextRun(new Date(now));
  }
}

/** Check a pattern up front, so a typo stops the start with a clear message instead of a silent schedule. */
export function checkSchedule(pattern: string, timezone?: string): string | null {
  try {
    new Schedule(pattern, timezone).nextSlot(Date.now());
    return null;
  } catch (e) {
    return `schedule "${pattern}"${timezone ? ` (${timezone})` : ''} is not a valid cron pattern: ${(e as Error).message}`;
  }
}
