import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SF, SF_VALUES } from '../../src/domain/crmSchema';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { captureCli } from './cliCapture';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 30, peoplePerAccount: 5, leads: 40 });
let env: DemoEnvironment;
let dir: string;
let out = '';
let err = '';

function config(extra: Record<string, unknown> = {}): string {
  const file = join(dir, `navsync-${Math.random().toString(36).slice(2)}.json`);
  const li = env.linkedin.salesforce;
  writeFileSync(
    file,
    JSON.stringify({
      crm: 'salesforce',
      allowLoopback: true,
      salesforce: { instanceUrl: env.salesforce.url, namespace: env.salesforce.ns },
      linkedin: {
        source: 'api',
        apiBaseUrl: li.apiBaseUrl,
        tokenUrl: li.tokenUrl,
        crmInstanceValue: env.salesforce.orgId,
        pollIntervalMs: 10,
      },
      inboxFile: env.inboxFile,
      outDir: join(dir, 'autosave'),
      ...extra,
    }),
  );
  return file;
}

const credentials = () => ({
  NAVSYNC_SF_CLIENT_ID: env.salesforce.clientId,
  NAVSYNC_SF_CLIENT_SECRET: env.salesforce.clientSecret,
  NAVSYNC_LINKEDIN_CLIENT_ID: env.linkedin.salesforce.clientId,
  NAVSYNC_LINKEDIN_CLIENT_SECRET: env.linkedin.salesforce.clientSecret,
});

async function cli(args: string[], vars: Record<string, string> = credentials()): Promise<number> {
  const r = await captureCli(args, vars);
  out = r.out;
  err = r.err;
  return r.code;
}

const tasks = () => env.salesforce.all('Task');
const flagField = () => env.salesforce.f(SF.person.notAtCompany);

function expectNoSecrets(...texts: string[]) {
  for (const t of texts) {
    expect(t).not.toContain(env.salesforce.clientSecret);
    expect(t).not.toContain(env.linkedin.salesforce.clientSecret);
    expect(t).not.toMatch(/00D![A-Za-z0-9_-]{10,}/); // Salesforce session tokens
  }
}

demoEnvironmentPerTest(data, 'navsync-cli-', (e, d) => {
  env = e;
  dir = d;
});

describe('navsync CLI', () => {
  test('sync runs the cycle, prints the summary, writes the JSON report; no secret in any output', async () => {
    const report = join(dir, 'run.json');
    const code = await cli(['sync', '--config', config(), '--report', report, '--verbose']);
    expect(code).toBe(0);
    expect(out).toMatch(/NavSync sync — salesforce: OK/);
    expect(out).toMatch(/! validation\s+rows \d+/); // the demo export has bad rows: listed, never a clean OK
    expect(err).toMatch(/▶ writeBack/); // progress on stderr
    expect(err).toMatch(/salesforce (GET|POST|PATCH) /); // --verbose shows the requests…
    const json = readFileSync(report, 'utf8');
    expect(JSON.parse(json).ok).toBe(true);
    expect(tasks().length).toBeGreaterThan(10);
    expectNoSecrets(out, err, json); // …and never a secret
  });

  test('--dry-run lists every change it would make and writes nothing', async () => {
    const before = JSON.stringify([env.salesforce.all('Contact'), env.salesforce.all('Lead')]);
    const code = await cli(['sync', '--dry-run', '--config', config()]);
    expect(code).toBe(0);
    expect(out).toMatch(/dry run: nothing written/);
    const listed = out.split('\n').filter((l) => /^\s+\[(validation|associations|writeBack|autoSave|status)\]/.test(l));
    expect(listed.some((l) => l.includes('[validation] update contact') && l.includes('notAtCompany='))).toBe(true);
    expect(listed.some((l) => l.includes('[writeBack] upsert activity'))).toBe(true);
    expect(listed.some((l) => l.includes('[autoSave] write file'))).toBe(true);
    expect(JSON.stringify([env.salesforce.all('Contact'), env.salesforce.all('Lead')])).toBe(before);
    expect(tasks()).toHaveLength(0);
  });

  test('a secret in the config file is refused without echoing it', async () => {
    const code = await cli([
      'sync',
      '--config',
      config({ salesforce: { instanceUrl: env.salesforce.url, clientSecret: 'hunter2-very-secret' } }),
    ]);
    expect(code).toBe(2);
    expect(err).toMatch(/secrets do not belong in the config file \(salesforce\.clientSecret\)/);
    expect(err).toMatch(/NAVSYNC_SF_CLIENT_SECRET/);
    expect(err + out).not.toContain('hunter2-very-secret');
  });

  test('wrong credentials: the catalogue message, exit 1, the secret redacted', async () => {
    const code = await cli(['sync', '--config', config()], {
      ...credentials(),
      NAVSYNC_SF_CLIENT_SECRET: 'wrong-secret-value-123',
    });
    expect(code).toBe(1);
    expect(out).toMatch(/✗ connection .*NS-AUTH-007/);
    expect(out).toMatch(/– validation/); // later steps skipped, not attempted
    expect(out + err).not.toContain('wrong-secret-value-123');
  });

  test('status shows connection and the last run after a sync', async () => {
    await cli(['sync', '--quiet', '--config', config()]);
    const code = await cli(['status', '--config', config()]);
    expect(code).toBe(0);
    expect(out).toMatch(/connected yes, last synced 20\d\d-/);
  });

  test('disconnect --cleanup counts first, removes imported data only with --yes, keeps activities and a rep’s Ignore', async () => {
    await cli(['sync', '--quiet', '--config', config()]);
    const activitiesBefore = tasks().length;
    const ignored = env.salesforce
      .all('Contact')
      .filter((c) => c[flagField()] === SF_VALUES.notAtCompany.ignore).length;
    expect(ignored).toBeGreaterThan(0);

    expect(await cli(['disconnect', '--cleanup', '--config', config()])).toBe(0);
    expect(err).toMatch(/Run again with --yes/);
    expect(env.salesforce.all('Contact').some((c) => c[env.salesforce.f(SF.person.memberUrn)])).toBe(true);

    expect(await cli(['disconnect', '--cleanup', '--yes', '--config', config()])).toBe(0);
    const people = [...env.salesforce.all('Contact'), ...env.salesforce.all('Lead')];
    expect(people.filter((c) => c[env.salesforce.f(SF.person.memberUrn)])).toEqual([]);
    expect(people.filter((c) => c[flagField()] === SF_VALUES.notAtCompany.notAtCompany)).toEqual([]);
    expect(env.salesforce.all('Contact').filter((c) => c[flagField()] === SF_VALUES.notAtCompany.ignore)).toHaveLength(
      ignored,
    );
    expect(tasks()).toHaveLength(activitiesBefore);
    const settings = env.salesforce.all(env.salesforce.f(SF.settings.object))[0];
    expect(settings[env.salesforce.f(SF.settings.connected)]).toBe(false);

    // The schedule stops: the next sync does nothing until someone reconnects on purpose.
    const tasksAfter = tasks().length;
    expect(await cli(['sync', '--quiet', '--config', config()])).toBe(1);
    expect(out).toMatch(/✗ settings .*disconnected by an admin/);
    expect(people.length).toBe([...env.salesforce.all('Contact'), ...env.salesforce.all('Lead')].length);
    expect(env.salesforce.all('Contact').filter((c) => c[env.salesforce.f(SF.person.memberUrn)])).toEqual([]);
    expect(tasks()).toHaveLength(tasksAfter);
    expect(await cli(['sync', '--quiet', '--reconnect', '--config', config()])).toBe(0);
    expect(env.salesforce.all(env.salesforce.f(SF.settings.object))[0][env.salesforce.f(SF.settings.connected)]).toBe(
      true,
    );
  });

  test('test-writeback creates a test contact, writes one completed test activity per kind on it, removes them, and prints each step', async () => {
    const contactsBefore = env.salesforce.all('Contact').length;
    expect(await cli(['test-writeback', '--config', config()])).toBe(0);
    expect(out).toMatch(
      /✓ testWriteBack\s+kinds 4, contactCreated 1, written 4, failed 0, removed 5, kept 0, leftBehind 0 — Test Write-Back succeeded: 4 test activities were written and removed\./,
    );
    const contactId = /testWriteBack: contact created: (003\w+)/.exec(out)?.[1];
    expect(contactId).toBeDefined();
    for (const kind of ['inmail', 'message', 'note', 'call']) {
      expect(out).toMatch(new RegExp(`testWriteBack: ${kind} activity written: sn-${kind}-navsync-test-`));
      expect(out).toMatch(new RegExp(`testWriteBack: ${kind} activity removed: sn-${kind}-navsync-test-`));
    }
    expect(out).toContain(`testWriteBack: contact removed: ${contactId}`);
    expect(tasks()).toHaveLength(0);
    expect(env.salesforce.all('Contact')).toHaveLength(contactsBefore);
  });

  test('test-writeback: an e-mail rule is explained with its remedy (exit 1); --with-email passes; --keep and --dry-run', async () => {
    env.salesforce.addValidationRule((o, r) =>
      o === 'Contact' && !r.Email ? 'Email is required on every contact.' : null,
    );
    expect(await cli(['test-writeback', '--config', config()])).toBe(1);
    expect(out).toMatch(/✗ testWriteBack/);
    expect(out).toMatch(
      /testWriteBack: contact: NS-TWB-001 A validation rule in your CRM requires an e-mail address on contacts.*run the test again with a test e-mail address\. \(Email is required on every contact\.\)/,
    );
    expect(out).toContain('Test Write-Back failed at: Create the test contact');

    expect(await cli(['test-writeback', '--with-email', '--quiet', '--config', config()])).toBe(0);
    expect(out).toMatch(/✓ testWriteBack .*removed 5/);
    expect(tasks()).toHaveLength(0);

    const contactsBefore = env.salesforce.all('Contact').length;
    expect(await cli(['test-writeback', '--with-email', '--dry-run', '--quiet', '--config', config()])).toBe(0);
    expect(out).toMatch(
      /\[testWriteBack\] create contact: NavSync Test Write-Back \S+, owner \w+, e-mail navsync-test-\S+@example\.com/,
    );
    expect(out.match(/\[testWriteBack\] upsert activity sn-/g)).toHaveLength(4);
    expect(out.match(/\[testWriteBack\] delete (activity|contact)/g)).toHaveLength(5);
    expect(env.salesforce.all('Contact')).toHaveLength(contactsBefore);

    expect(await cli(['test-writeback', '--with-email', '--keep', '--quiet', '--config', config()])).toBe(0);
    expect(out).toMatch(/kept them, as asked/);
    expect(out.match(/testWriteBack: .* kept: /g)).toHaveLength(5);
    expect(tasks()).toHaveLength(4);
    expect(env.salesforce.all('Contact')).toHaveLength(contactsBefore + 1);
  });

  test('validate runs only connection, settings and data validation', async () => {
    expect(await cli(['validate', '--quiet', '--config', config()])).toBe(0);
    expect(out).toMatch(/! validation\s+rows \d+/); // the demo export has bad rows: listed, never a clean OK
    expect(out).not.toMatch(/^\s+[✓✗!–] (writeBack|associations|autoSave)/m);
    expect(tasks()).toHaveLength(0);
  });

  test('Dataverse: client credentials against the Entra-style token endpoint, then the cycle', async () => {
    const li = env.linkedin.dataverse;
    const file = join(dir, 'dv.json');
    writeFileSync(
      file,
      JSON.stringify({
        crm: 'dataverse',
        allowLoopback: true,
        dataverse: { url: env.dataverse.url, tokenUrl: env.dataverse.tokenUrl },
        linkedin: {
          source: 'api',
          apiBaseUrl: li.apiBaseUrl,
          tokenUrl: li.tokenUrl,
          crmInstanceValue: env.dataverse.organizationId,
          pollIntervalMs: 10,
        },
        companiesFile: join(env.dir, 'companies.jsonl'),
        inboxFile: env.inboxFile,
        outDir: join(dir, 'autosave-dv'),
      }),
    );
    const vars = {
      NAVSYNC_DV_CLIENT_ID: env.dataverse.clientId,
      NAVSYNC_DV_CLIENT_SECRET: env.dataverse.clientSecret,
      NAVSYNC_LINKEDIN_CLIENT_ID: li.clientId,
      NAVSYNC_LINKEDIN_CLIENT_SECRET: li.clientSecret,
    };
    expect(await cli(['sync', '--config', file, '--json'], vars)).toBe(0);
    const report = JSON.parse(out);
    expect(report.crm).toBe('dataverse');
    expect(report.steps.map((s: { name: string; status: string }) => `${s.name} ${s.status}`)).toEqual([
      'connection ok',
      'lease ok',
      'settings ok',
      'accountMatching ok',
      'autoSave ok',
      'validation partial',
      'associations ok',
      'writeBack ok',
      'status ok',
    ]);
    expect(report.steps.find((s: { name: string }) => s.name === 'accountMatching').counts.matched).toBeGreaterThan(0);
    expect(out + err).not.toContain(env.dataverse.clientSecret);
  });

  test('usage errors exit 2 with the usage text', async () => {
    expect(await cli(['frobnicate'])).toBe(2);
    expect(err).toMatch(/usage: navsync/);
    expect(await cli(['sync', '--config'])).toBe(2);
    expect(await cli(['test-writeback', '--account'])).toBe(2);
    expect(err).toMatch(/--account needs a value/);
    expect(await cli(['--help'])).toBe(0);
    expect(out).toMatch(/navsync test-writeback \[--with-email\] \[--account <id>\] \[--keep\]/);
  });
});
