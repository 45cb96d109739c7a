/**
 * The time the scheduler and the cycles go by. In production the system clock; tests start the process at a
 * chosen instant with `NAVSYNC_TEST_CLOCK=<ISO time>` (time then flows at real speed from there), so a daily slot
 * comes due seconds after the start instead of at 03:00.
 */
export interface Clock {
  now(): number;
  /** Set when a test clock is in use (the log says so, so it is never mistaken for a real deployment). */
  readonly testStart?: string;
}

export const TEST_CLOCK_ENV = 'NAVSYNC_TEST_CLOCK';

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const start = env[TEST_CLOCK_ENV];
  if (!start) return { now: () => Date.now() };
  const at = Date.parse(start);
  if (Number.isNaN(at)) throw new Error(`${TEST_CLOCK_ENV} is not an ISO time: ${start}`);
  const realStart = Date.now();
  return { now: () => at + (Date.now() - realStart), testStart: new Date(at).toISOString() };
}
