// The engine machine's clock is wrong (days ahead, days or hours behind): only the engine's clock is faked, the
// doubles keep real time. The run takes the CRM's time, reports the skew, and ends in the fault-free CRM state.
import { demoExportCsv } from '../../src/demo/exportFile';
import type { DemoCrm } from '../../src/demo/ids';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { snapshot, smallWorld, startEnv, type CrmSnapshot, type Env } from './harness';

const CRMS: DemoCrm[] = ['salesforce', 'dataverse'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Two daily runs: the first reads an export flagged minutes ago; then LinkedIn reports some flagged people back at
 * their company (newer than the first run) and the second run must clear them.
 */
async function twoRuns(
  env: Env,
  crm: DemoCrm,
  engineOffset: number,
): Promise<{ snap: CrmSnapshot; reports: RunReport[] }> {
  const data = env.data;
  const now = () => Date.now() + engineOffset;
  const lines = demoExportCsv(data, crm).trim().split('\r\n');
  const recent = new Date(Date.now() - 10 * 60_000).toISOString();
  // Every dated row flagged ten minutes ago (by real time).
  const first = lines.map((l, i) => (i === 0 ? l : l.replace(/,\d{4}-\d\d-\d\dT[\d:.]+Z$/, `,${recent}`)));
  env.linkedin[crm].seedExport([first.join('\r\n')]);
  const r1 = await runCycle(env.options(crm, { now }));
  const back = first
    .slice(1)
    .filter((l) => /,NOT_AT_COMPANY,/.test(l))
    .slice(0, 8)
    .map((l) => l.split(','))
    .map((c) => [c[0], c[1], 'AT_COMPANY', c[3], c[4], '', new Date(Date.now() + 1000).toISOString()].join(','));
  env.linkedin[crm].seedExport([[first[0], ...back].join('\r\n')]);
  const r2 = await runCycle(env.options(crm, { now }));
  return { snap: snapshot(env, crm), reports: [r1, r2] };
}

describe.each(CRMS)('engine clock off: %s', (crm) => {
  const data = smallWorld();
  let baseline: CrmSnapshot;
  let env: Env | null = null;

  beforeAll(async () => {
    const e = await startEnv(data);
    try {
      const { snap, reports } = await twoRuns(e, crm, 0);
      baseline = snap;
      // The comparison means something: the first run flags, the second clears what LinkedIn reported back.
      expect(reports[0].steps.find((s) => s.name === 'validation')?.counts.flag).toBeGreaterThan(5);
      expect(reports[1].steps.find((s) => s.name === 'validation')?.counts.clear).toBeGreaterThan(0);
    } finally {
      await e.cleanup();
    }
  });
  afterEach(async () => {
    await env?.cleanup();
    env = null;
  });

  test.each([
    ['3 days ahead', 3 * DAY],
    ['3 days behind', -3 * DAY],
    ['2 hours behind', -2 * HOUR],
  ])('engine clock %s: same final CRM state as the fault-free runs, the skew reported', async (_, offset) => {
    env = await startEnv(data);
    const { snap, reports } = await twoRuns(env, crm, offset);
    expect(snap.people).toEqual(baseline.people);
    expect(snap.activities).toEqual(baseline.activities);
    for (const r of reports) {
      const connection = r.steps.find((s) => s.name === 'connection');
      expect(connection?.problems.find((p) => p.ref === 'clock')?.reason).toMatch(
        offset > 0 ? /ahead of the CRM's/ : /behind the CRM's/,
      );
      expect(Math.abs((connection?.counts.clockSkewSeconds ?? 0) * 1000 - offset)).toBeLessThan(60_000);
      expect(r.steps.find((s) => s.name === 'validation')?.counts.fromTheFuture).toBe(0);
    }
  });
});
