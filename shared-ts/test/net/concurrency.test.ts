import { Limiter } from '../../src/net/concurrency';

/** A limiter on a clock of its own: sleeping moves the clock on, `stall` delays the caller as a busy event loop would. */
function clocked(perSecond: number) {
  let t = 1_000_000;
  const sleep = async (ms: number) => {
    t += ms;
  };
  return {
    limiter: new Limiter({ concurrency: 100, perSecond }, sleep, () => t),
    stall: (ms: number) => (t += ms),
    at: () => t,
  };
}

test('a rate spreads the starts evenly: at 50 a second, 40 requests asked at once start 20 ms apart after a few', async () => {
  const { limiter, at } = clocked(50);
  const starts: number[] = [];
  for (let i = 0; i < 40; i++) {
    await limiter.pace();
    starts.push(at());
  }
  // An idle limiter lets a few start at once; then one every 20 ms (a burst would start all 40 at 0 and 1,000).
  const t0 = starts[0];
  expect(starts.slice(0, 4)).toEqual([t0, t0, t0, t0]);
  expect(starts.slice(4).every((t, i) => t === t0 + (i + 1) * 20)).toBe(true);
});

test('starts a busy caller missed are made up for, a few at most, never more than the rate in any second', async () => {
  const { limiter, at, stall } = clocked(50);
  const starts: number[] = [];
  for (let i = 0; i < 200; i++) {
    if (i % 10 === 0) stall(200);
    await limiter.pace();
    starts.push(at());
  }
  for (let i = 50; i < starts.length; i++) expect(starts[i] - starts[i - 50]).toBeGreaterThanOrEqual(1000);
  // 200 starts with 20 stalls of 200 ms: 60 ms of each stall made up for, so 4 s + 20 × 140 ms, not 8 s.
  expect(at() - 1_000_000).toBeLessThanOrEqual(6800);
});

test('at most N requests run at once, and every one runs', async () => {
  const limiter = new Limiter({ concurrency: 3 });
  let running = 0;
  let most = 0;
  const done = await Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      limiter.run(async () => {
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return i;
      }),
    ),
  );
  expect(most).toBe(3);
  expect(done).toEqual(Array.from({ length: 12 }, (_, i) => i));
});
