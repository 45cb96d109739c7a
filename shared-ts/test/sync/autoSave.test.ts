// Auto-save files: one pair per seat holder, never shared by two holders with the same mailbox name; files of
// earlier runs that no longer apply are removed.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { runCycle } from '../../src/sync/engine';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 30, peoplePerAccount: 5, leads: 40 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-autosave-', (e, d) => {
  env = e;
  dir = d;
});

test('two seat holders with the same mailbox name each get their own files', async () => {
  const outDir = join(dir, 'out');
  const first = await runCycle(env.options('salesforce', { outDir }));
  const holders = first.details.autoSave.filter((h) => h.accounts > 0);
  expect(holders.length).toBeGreaterThan(1);
  // Give every seat holder the same mailbox name at a different domain.
  env.salesforce.all('User').forEach((u, i) => {
    if (u.Id !== env.salesforce.userId) u.Email = `sam@seller${i}.example`;
  });
  const r = await runCycle(env.options('salesforce', { outDir }));
  const files = r.details.autoSave.flatMap((h) => h.files);
  expect(new Set(files).size).toBe(files.length);
  expect(files.length).toBe(2 * r.details.autoSave.length);
  for (const h of r.details.autoSave) {
    const rows = readFileSync(h.files[0], 'utf8').trim().split('\r\n');
    expect(rows.length - 1).toBe(h.accounts);
  }
});

test('files of earlier runs that no longer apply are removed; other files stay', async () => {
  const outDir = join(dir, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'autosave-someone-who-left-accounts.csv'), 'Account Name\r\nOld Co\r\n');
  writeFileSync(join(outDir, 'notes.txt'), 'keep me');
  const r = await runCycle(env.options('salesforce', { outDir }));
  expect(existsSync(join(outDir, 'autosave-someone-who-left-accounts.csv'))).toBe(false);
  expect(existsSync(join(outDir, 'notes.txt'))).toBe(true);
  expect(
    readdirSync(outDir)
      .filter((f) => f.startsWith('autosave-'))
      .sort(),
  ).toEqual(r.details.autoSave.flatMap((h) => h.files.map((f) => f.split('/').pop())).sort());
});
