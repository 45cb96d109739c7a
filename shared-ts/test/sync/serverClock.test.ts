import { adoptServerClock, type RunState } from '../../src/sync/context';

function stateAt(local: number): RunState {
  return { opts: { now: () => local }, now: () => local, clockOffsetMs: 0 } as unknown as RunState;
}

describe('the run adopts the CRM clock from its one-second Date header', () => {
  const header = Date.parse('2026-12-07T16:45:10Z'); // the server answered somewhere in 16:45:10.000–.999

  test.each([0, 250, 999, 1400])(
    'an engine clock %i ms into the header second agrees: its own times are kept',
    (ms) => {
      const state = stateAt(header + ms);
      expect(adoptServerClock(state, header)).toBe(0);
      expect(state.now()).toBe(header + ms);
    },
  );

  test('a second run in the same header second never writes a time before the first run wrote', () => {
    let local = header + 100;
    const state = { opts: { now: () => local }, now: () => local, clockOffsetMs: 0 } as unknown as RunState;
    adoptServerClock(state, header);
    local = header + 600;
    const firstWrote = state.now(); // "Last synced" of the first run
    local = header + 800;
    adoptServerClock(state, header); // the next run starts, the server still answers in the same second
    local = header + 900;
    expect(state.now()).toBeGreaterThanOrEqual(firstWrote);
  });

  test.each([
    ['3 days ahead', 3 * 86_400_000],
    ['2 hours behind', -2 * 3_600_000],
  ])('an engine clock %s takes the CRM time', (_name, skew) => {
    const state = stateAt(header + 400 + skew);
    const offset = adoptServerClock(state, header);
    expect(Math.abs(state.now() - (header + 500))).toBeLessThanOrEqual(500);
    expect(Math.round(offset / 1000)).toBe(Math.round(-skew / 1000));
  });
});
