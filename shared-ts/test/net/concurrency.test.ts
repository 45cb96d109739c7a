import { Limiter } from '../../src/net/concurrency';

test('a rate spreads the starts evenly: at 50 a second, 20 requests asked at once start 20 ms apart', async () => {
  const limiter = new Limiter({ concurrency: 20, perSecond: 50 });
  const starts: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, () =>
      limiter.run(async () => {
        starts.push(performance.now());
      }),
    ),
  );
  const gaps = starts.slice(1).map((t, i) => t - starts[i]);
  // Timers may fire up to a millisecond early; a burst would start them all in the same millisecond.
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(18);
  expect(starts[19] - starts[0]).toBeGreaterThanOrEqual(19 * 20 - 5);
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
