import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataverseDouble } from '../../src/doubles/dataverseDouble';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { main } from '../../src/sync/cli';

let sf: SalesforceDouble;
let dv: DataverseDouble;
let dir: string;
let out = '';

beforeAll(async () => {
  [sf, dv] = await Promise.all([SalesforceDouble.start(), DataverseDouble.start()]);
});
afterAll(async () => {
  await Promise.all([sf.close(), dv.close()]);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-connect-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], vars: NodeJS.ProcessEnv): Promise<number> {
  out = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((out += String(s)), true));
  try {
    return await main(args, vars);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const config = () => join(dir, 'navsync.json');
const connectSf = (secret: string, extra: string[] = []) =>
  cli(
    [
      'connect',
      'salesforce',
      '--allow-loopback',
      '--config',
      config(),
      '--instance-url',
      sf.url,
      '--client-id',
      sf.clientId,
      ...extra,
    ],
    {
      NAVSYNC_SF_CLIENT_SECRET: secret,
    },
  );
const connectDv = (secret: string, url = dv.url) =>
  cli(
    [
      'connect',
      'dataverse',
      '--allow-loopback',
      '--config',
      config(),
      '--url',
      url,
      '--token-url',
      dv.tokenUrl,
      '--client-id',
      dv.clientId,
    ],
    { NAVSYNC_DV_CLIENT_SECRET: secret },
  );

describe('navsync connect', () => {
  test('Salesforce: checked, config written, secret in a 0600 file and never printed; later commands use the file', async () => {
    expect(await connectSf(sf.clientSecret)).toBe(0);
    expect(out).toMatch(/✓ Connected as the integration user/);
    expect(out).not.toContain(sf.clientSecret);
    const cfg = JSON.parse(readFileSync(config(), 'utf8'));
    expect(cfg).toMatchObject({
      crm: 'salesforce',
      allowLoopback: true,
      salesforce: { instanceUrl: sf.url },
      linkedin: { source: 'api', crmInstanceValue: sf.orgId },
      credentialsFile: 'navsync.credentials.json',
    });
    expect(readFileSync(config(), 'utf8')).not.toContain(sf.clientSecret);
    const credFile = join(dir, 'navsync.credentials.json');
    expect(statSync(credFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(credFile, 'utf8'))).toEqual({
      NAVSYNC_SF_CLIENT_ID: sf.clientId,
      NAVSYNC_SF_CLIENT_SECRET: sf.clientSecret,
    });
    // `navsync status` with no credentials in the environment: the connection's file is enough.
    const linkedinOnly = { NAVSYNC_LINKEDIN_CLIENT_ID: 'li', NAVSYNC_LINKEDIN_CLIENT_SECRET: 'li-secret' };
    expect(await cli(['status', '--config', config()], linkedinOnly)).toBe(0);
    expect(out).toMatch(/✓ connection/);
    // A credentials file others can read is refused.
    require('node:fs').chmodSync(credFile, 0o644);
    expect(await cli(['status', '--config', config()], linkedinOnly)).toBe(2);
    expect(out).toMatch(/can be read by others/);
  });

  test('Dataverse: checked and written; --secrets env leaves the secret in the environment', async () => {
    const code = await cli(
      [
        'connect',
        'dataverse',
        '--allow-loopback',
        '--config',
        config(),
        '--url',
        dv.url,
        '--token-url',
        dv.tokenUrl,
        '--client-id',
        dv.clientId,
        '--secrets',
        'env',
      ],
      { NAVSYNC_DV_CLIENT_SECRET: dv.clientSecret },
    );
    expect(code).toBe(0);
    const cfg = JSON.parse(readFileSync(config(), 'utf8'));
    expect(cfg).toMatchObject({
      crm: 'dataverse',
      allowLoopback: true,
      dataverse: { url: dv.url, tokenUrl: dv.tokenUrl },
      linkedin: { crmInstanceValue: dv.organizationId },
    });
    expect(cfg.credentialsFile).toBeUndefined();
    expect(existsSync(join(dir, 'navsync.credentials.json'))).toBe(false);
    expect(out).not.toContain(dv.clientSecret);
  });

  test('a wrong secret: the same catalogue error for both CRMs, with its remedy; nothing written', async () => {
    expect(await connectSf('wrong-secret')).toBe(1);
    const sfLine = /✗ (NS-[A-Z]+-\d{3})/.exec(out)?.[1];
    expect(out).not.toContain('wrong-secret');
    expect(await connectDv('wrong-secret')).toBe(1);
    const dvLine = /✗ (NS-[A-Z]+-\d{3})/.exec(out)?.[1];
    expect(sfLine).toBeDefined();
    expect(dvLine).toBe(sfLine);
    expect(out).toMatch(/Nothing was written/);
    expect(existsSync(config())).toBe(false);
  });

  test('nobody listening: "Could not connect to CRM. Please try again later." (NS-CONN-001)', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const port = (server.address() as { port: number }).port;
    await new Promise<void>((r) => server.close(() => r()));
    const code = await cli(
      [
        'connect',
        'salesforce',
        '--allow-loopback',
        '--config',
        config(),
        '--instance-url',
        `http://127.0.0.1:${port}`,
        '--client-id',
        'x',
      ],
      { NAVSYNC_SF_CLIENT_SECRET: 'y' },
    );
    expect(code).toBe(1);
    expect(out).toContain('✗ NS-CONN-001 Could not connect to CRM. Please try again later.');
  });

  test('an object the integration user cannot read: "Could not read the required CRM objects from your org." naming it', async () => {
    sf.hideObject('OpportunityContactRole');
    try {
      expect(await connectSf(sf.clientSecret)).toBe(1);
    } finally {
      sf.hideObject('OpportunityContactRole', false);
    }
    expect(out).toContain('✗ NS-OBJECTS-004 Could not read the required CRM objects from your org.');
    expect(out).toMatch(/OpportunityContactRole/);
  });

  test('refused before connecting: a secret given as an argument, an on-premises Dynamics URL, plain http', async () => {
    expect(await cli(['connect', 'salesforce', '--client-secret', 'abc'], {})).toBe(2);
    expect(out).toMatch(/never give a secret as an argument/);
    expect(out).not.toContain('abc\n');
    expect(await connectDv(dv.clientSecret, 'https://crm.contoso.local/org')).toBe(2);
    expect(out).toMatch(/on-premises is not supported/);
    expect(
      await cli(['connect', 'salesforce', '--instance-url', 'http://acme.my.salesforce.com', '--client-id', 'x'], {
        NAVSYNC_SF_CLIENT_SECRET: 'y',
      }),
    ).toBe(2);
    expect(out).toMatch(/must be an https:\/\/ address/);
  });

  test('an existing config keeps its LinkedIn and other settings', async () => {
    writeFileSync(
      config(),
      JSON.stringify({
        crm: 'salesforce',
        allowLoopback: true,
        salesforce: { instanceUrl: 'https://old.example' },
        linkedin: { source: 'file', exportFiles: ['x.csv'] },
        outDir: 'out',
      }),
    );
    expect(await connectSf(sf.clientSecret)).toBe(0);
    expect(JSON.parse(readFileSync(config(), 'utf8'))).toMatchObject({
      salesforce: { instanceUrl: sf.url },
      linkedin: { source: 'file', exportFiles: ['x.csv'] },
      outDir: 'out',
    });
  });
});
