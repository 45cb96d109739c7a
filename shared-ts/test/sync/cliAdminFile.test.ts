// The admin's file through the `navsync` command: what a refused or broken file prints, the exit code, the
// --delimiter option, control characters from data, and a large --json report read through a pipe.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { captureCli } from './cliCapture';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 20, peoplePerAccount: 4, leads: 20 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-cli-file-', (e, d) => {
  env = e;
  dir = d;
});

let n = 0;
function setup(exportText: string | null, linkedin: Record<string, unknown> = {}): string {
  const exportFile = join(dir, `export-${++n}.csv`);
  if (exportText !== null) writeFileSync(exportFile, exportText);
  const file = join(dir, `navsync-${n}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      crm: 'salesforce',
      allowLoopback: true,
      salesforce: { instanceUrl: env.salesforce.url, namespace: env.salesforce.ns },
      linkedin: { source: 'file', exportFiles: [exportFile], ...linkedin },
      outDir: join(dir, 'autosave'),
    }),
  );
  return file;
}
const vars = () => ({
  NAVSYNC_SF_CLIENT_ID: env.salesforce.clientId,
  NAVSYNC_SF_CLIENT_SECRET: env.salesforce.clientSecret,
});
const contactIds = (k: number) =>
  env.salesforce
    .all('Contact')
    .slice(0, k)
    .map((c) => String(c.Id));

test('a file without a status column: exit 1, the step names the missing and the found columns and says nothing changed', async () => {
  const r = await captureCli(
    [
      'validate',
      '--quiet',
      '--config',
      setup(
        `Id,Name\n${contactIds(3)
          .map((id) => `${id},x`)
          .join('\n')}\n`,
      ),
    ],
    vars(),
  );
  expect(r.code).toBe(1);
  expect(r.out).toMatch(
    /✗ validation .*NS-FILE-006 The file is not a Data Validation export NavSync can read\. Nothing was changed\./,
  );
  expect(r.out).toMatch(/validation: export-\d+\.csv: required column missing: status .*columns found: "Id", "Name"/);
});

test('every row rejected: exit 1 (not a clean OK)', async () => {
  const r = await captureCli(
    [
      'validate',
      '--quiet',
      '--config',
      setup(
        `recordId,status\n${contactIds(3)
          .map((id) => `${id},perhaps`)
          .join('\n')}\n`,
      ),
    ],
    vars(),
  );
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/✗ validation/);
});

test('a missing export file is its own error with its remedy, not the CRM API message', async () => {
  const r = await captureCli(['validate', '--quiet', '--config', setup(null)], vars());
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/✗ validation .*NS-FILE-005 The LinkedIn export file could not be read\./);
  expect(r.out).toMatch(/cannot read export-\d+\.csv: ENOENT/);
  expect(r.out).toMatch(/linkedin\.exportFiles/);
  expect(r.out).not.toMatch(/CRM API reported an error/);
});

test('--delimiter reads a ;-separated file whose header sniffs as comma-separated', async () => {
  const text = `recordId;recordType;status;Company, legal name, as typed, in CRM\n${contactIds(2)
    .map((id) => `${id};contact;NOT_AT_COMPANY;Acme, Inc.`)
    .join('\n')}\n`;
  const sniffed = await captureCli(['validate', '--quiet', '--config', setup(text)], vars());
  expect(sniffed.code).toBe(1);
  const r = await captureCli(['validate', '--quiet', '--delimiter', ';', '--config', setup(text)], vars());
  expect(r.out).toMatch(/[✓!] validation\s+rows 2/);
  expect(r.code).toBe(0);
  expect((await captureCli(['validate', '--delimiter', 'xy', '--config', setup(text)], vars())).code).toBe(2);
});

test('control characters from the file are escaped in the summary, the problems, progress and --json', async () => {
  const evil = '\u001b[2J\u001b[31mRED\u0007\u009b1m\u202egnp.exe';
  const text = `recordId,recordType,status\n${contactIds(2)
    .map((id) => `${id},contact,${evil}`)
    .join('\n')}\n${contactIds(3)[2]},contact,NOT_AT_COMPANY\n`;
  const human = await captureCli(['validate', '--config', setup(text)], vars());
  const json = await captureCli(['validate', '--json', '--config', setup(text)], vars());
  for (const printed of [human.out, human.err, json.out]) {
    expect(printed).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  }
  expect(human.out).toContain('unknown status "\\x1b[2J\\x1b[31mRED\\x07\\x9b1m\\u202egnp.exe"');
  expect(JSON.stringify(JSON.parse(json.out))).toContain(
    JSON.stringify(evil).slice(1, -1).replace('\\u009b', '\u009b').replace('\\u202e', '\u202e'),
  );
});

test('--json is complete when piped: a large report reaches the reading end whole', async () => {
  // Thousands of rejected rows make a report of megabytes; the reader is slow on purpose.
  const text = `recordId,recordType,status\n${Array.from({ length: 9000 }, (_, i) => `003Zz${String(i).padStart(10, '0')},contact,${'x'.repeat(30)}`).join('\n')}\n`;
  const config = setup(text);
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, '..', '..', 'src', 'sync', 'cli.ts'),
      'validate',
      '--quiet',
      '--json',
      '--config',
      config,
    ],
    {
      env: { ...process.env, ...vars() },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const chunks: Buffer[] = [];
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  child.stdout.pause();
  const code = await new Promise<number | null>((resolve) => {
    child.on('exit', (c) => resolve(c));
    // Start reading only after a while: the writer fills the pipe and must wait for the reader.
    setTimeout(() => {
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.stdout.resume();
    }, 1500);
  });
  await new Promise<void>((resolve) =>
    child.stdout.readableEnded ? resolve() : child.stdout.on('end', () => resolve()),
  );
  const out = Buffer.concat(chunks).toString('utf8');
  expect(err).toBe('');
  expect(out.length).toBeGreaterThan(1_000_000);
  const report = JSON.parse(out);
  expect(report.steps.find((s: { name: string }) => s.name === 'validation').problems).toHaveLength(9000);
  expect(code).toBe(1);
}, 60_000);
