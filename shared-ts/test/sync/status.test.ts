// The status the admin pages show: "Last synced" moves only when no step of the cycle failed; the last run's
// summary (when, each step's result, the catalogue error of a failed one) is stored either way.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { decodeLastRun } from '../../src/domain/settings/lastRun';
import { FileSource } from '../../src/linkedin/fileSource';
import { runCycle } from '../../src/sync/engine';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 10, peoplePerAccount: 3, leads: 5 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-status-', (e, d) => {
  env = e;
  dir = d;
});

const settings = () => env.options('salesforce').crm.readSettings();

test('a failed cycle leaves "Last synced" where it was and stores which step failed, with its error', async () => {
  const good = await runCycle(env.options('salesforce'));
  expect(good.ok).toBe(true);
  const before = await settings();
  expect(before.lastSyncedAt).not.toBeNull();

  const file = join(dir, 'not-an-export.csv');
  writeFileSync(file, 'Id,Name\n003000000000001AAA,x\n');
  const bad = await runCycle(env.options('salesforce', { linkedin: new FileSource({ exportFiles: [file] }) }), [
    'validation',
  ]);
  expect(bad.ok).toBe(false);
  const after = await settings();
  expect(after.lastSyncedAt).toBe(before.lastSyncedAt);
  expect(decodeLastRun(before.lastRunSummary)?.steps.every((st) => st.status !== 'failed')).toBe(true);
  const run = decodeLastRun(after.lastRunSummary);
  expect(run?.ok).toBe(false);
  expect(Date.parse(run!.at)).toBeGreaterThanOrEqual(Date.parse(before.lastSyncedAt!));
  expect(run!.steps.find((s) => s.name === 'validation')).toEqual({
    name: 'validation',
    status: 'failed',
    code: 'NS-FILE-006',
  });
});
