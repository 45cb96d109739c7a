// The run lease costs the cycle as few round trips as its guarantees allow: it is taken while the settings are
// read (reads only; nothing is written before it is held), confirmed once before the first write, and renewed
// later only when a quarter of its time has passed.
import type { CrmGateway } from '../../src/crm/gateway';
import type { DemoCrm } from '../../src/demo/ids';
import { runCycle } from '../../src/sync/engine';
import { startEnv, smallWorld } from '../faults/harness';

/** The gateway with every lease write and settings read recorded in the order they began and ended. */
function recording(crm: CrmGateway, events: string[]): CrmGateway {
  const g = Object.create(crm) as CrmGateway;
  g.swapRunLease = async (expected, next) => {
    events.push(next === null ? 'release' : 'swap');
    return crm.swapRunLease(expected, next);
  };
  g.readSettings = async () => {
    events.push('settings read begins');
    const s = await crm.readSettings();
    events.push('settings read ends');
    return s;
  };
  return g;
}

describe.each<DemoCrm>(['salesforce', 'dataverse'])('the run lease: %s', (crm) => {
  test('taken while the settings are read, confirmed once before the first write, given back at the end', async () => {
    const env = await startEnv(smallWorld());
    try {
      const events: string[] = [];
      const opts = env.options(crm);
      const r = await runCycle({ ...opts, crm: recording(opts.crm, events) });
      expect(r.ok).toBe(true);
      expect(r.steps.map((s) => s.name).slice(0, 3)).toEqual(['connection', 'lease', 'settings']);
      // Take, one confirmation, release: not a renewal before every step.
      expect(events.filter((e) => e !== 'settings read begins' && e !== 'settings read ends')).toEqual([
        'swap',
        'swap',
        'release',
      ]);
      // The first settings read began before the lease was taken.
      expect(events.indexOf('settings read begins')).toBeLessThan(events.indexOf('swap'));
    } finally {
      await env.cleanup();
    }
  });

  test('a lease whose time is short is renewed before each later step', async () => {
    const env = await startEnv(smallWorld());
    try {
      const events: string[] = [];
      const opts = env.options(crm);
      let now = Date.now();
      const r = await runCycle({
        ...opts,
        crm: recording(opts.crm, events),
        // Each reading of the clock moves it on a minute: a 2-minute lease is due for renewal at every step.
        now: () => (now += 60_000),
        lease: { ttlMs: 120_000 },
      });
      expect(r.ok).toBe(true);
      expect(events.filter((e) => e === 'swap').length).toBeGreaterThan(3);
    } finally {
      await env.cleanup();
    }
  });
});
