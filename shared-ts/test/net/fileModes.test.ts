import { chmodSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { demoEnvironmentPerTest } from '../sync/demoEnvironmentPerTest';
import { credentials, navsync, navsyncBuilt, writeConfig } from './navsync';

// Auto-save sets hold names, e-mails and CRM ids; run reports hold the org's details: only the owner reads them.
const data = generateDemoData({ accounts: 20, peoplePerAccount: 4, leads: 10 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-modes-', (e, d) => {
  env = e;
  dir = d;
});

const mode = (file: string) => statSync(file).mode & 0o777;

(navsyncBuilt ? describe : describe.skip)('files navsync writes', () => {
  test('the run report and every auto-save file are 0600, also when the report file existed with 0644', async () => {
    const report = join(dir, 'run.json');
    writeFileSync(report, '{}');
    chmodSync(report, 0o644);
    const r = await navsync(
      ['sync', '--config', writeConfig(env, dir, 'salesforce'), '--report', report, '--quiet'],
      credentials(env, 'salesforce'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(mode(report)).toBe(0o600);
    const outDir = join(dir, 'autosave-salesforce');
    const files = readdirSync(outDir);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect([f, mode(join(outDir, f))]).toEqual([f, 0o600]);
    expect(mode(outDir)).toBe(0o700);
  });
});
