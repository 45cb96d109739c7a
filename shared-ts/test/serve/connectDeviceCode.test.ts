import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataverseDouble } from '../../src/doubles/dataverseDouble';
import { EntraDouble } from '../../src/doubles/entraDouble';
import { main } from '../../src/sync/cli';

// An admin connects Dataverse by signing in as the integration user with a device code; the test plays the admin at
// the Entra double's verification page. Later commands (and serve, through the same connection code) refresh the
// access token from the saved refresh token and keep the rotated one.
let dv: DataverseDouble;
let entra: EntraDouble;
let dir: string;
let out = '';

beforeAll(async () => {
  dv = await DataverseDouble.start();
  entra = await EntraDouble.start({ interval: 1, mintAccessToken: () => dv.issueToken() });
});
afterAll(async () => {
  await Promise.all([dv.close(), entra.close()]);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-devicecode-'));
  entra.interval = 1;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[], vars: NodeJS.ProcessEnv = {}): Promise<number> {
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
const credFile = () => join(dir, 'navsync.credentials.json');
const LINKEDIN = { NAVSYNC_LINKEDIN_CLIENT_ID: 'li', NAVSYNC_LINKEDIN_CLIENT_SECRET: 'li-secret' };

/** Runs `navsync connect dataverse --device-code` and, once the code is on screen, does what the admin does. */
async function connectByDeviceCode(user: (code: string) => Promise<void>, clientId = entra.clientId): Promise<number> {
  const run = cli([
    'connect',
    'dataverse',
    '--device-code',
    '--allow-loopback',
    '--config',
    config(),
    '--url',
    dv.url,
    '--token-url',
    entra.tokenUrl,
    '--client-id',
    clientId,
  ]);
  let ended = false;
  void run.finally(() => (ended = true));
  let code: string | undefined;
  while (!code && !ended) {
    code = /enter the code (\S+)/.exec(out)?.[1];
    if (!code) await new Promise((r) => setTimeout(r, 20));
  }
  if (code) await user(code);
  return run;
}

/** The admin's browser: the verification page, the code, and Continue or Cancel. */
const atVerificationPage = (decision: 'approve' | 'decline') => async (code: string) => {
  const page = /open (\S+) in a browser/.exec(out)?.[1] as string;
  const res = await fetch(page, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ otc: code, decision }),
  });
  expect(res.status).toBe(200);
};

const saved = () => JSON.parse(readFileSync(credFile(), 'utf8')) as Record<string, string>;

describe('navsync connect dataverse --device-code', () => {
  test('signed in at the verification page: checked, refresh token in a 0600 file, never printed; refreshed and rotated later', async () => {
    expect(await connectByDeviceCode(atVerificationPage('approve'))).toBe(0);
    expect(out).toMatch(/✓ Signed in/);
    expect(out).toMatch(/✓ Connected as the integration user/);
    const cfg = JSON.parse(readFileSync(config(), 'utf8'));
    expect(cfg).toMatchObject({
      crm: 'dataverse',
      dataverse: { url: dv.url, tokenUrl: entra.tokenUrl },
      credentialsFile: 'navsync.credentials.json',
    });
    expect(statSync(credFile()).mode & 0o777).toBe(0o600);
    const first = saved();
    expect(Object.keys(first).sort()).toEqual(['NAVSYNC_DV_CLIENT_ID', 'NAVSYNC_DV_REFRESH_TOKEN']);
    expect(first.NAVSYNC_DV_REFRESH_TOKEN).toBe(entra.issuedRefreshTokens.at(-1));
    for (const rt of entra.issuedRefreshTokens) expect(out).not.toContain(rt);
    expect(readFileSync(config(), 'utf8')).not.toContain(first.NAVSYNC_DV_REFRESH_TOKEN);

    // A later command signs in from the saved refresh token; the double rotates it and revokes the old one.
    dv.expireTokens();
    expect(await cli(['status', '--config', config()], LINKEDIN)).toBe(0);
    expect(out).toMatch(/✓ connection/);
    const second = saved();
    expect(second.NAVSYNC_DV_REFRESH_TOKEN).not.toBe(first.NAVSYNC_DV_REFRESH_TOKEN);
    expect(entra.liveRefreshTokens()).toEqual([second.NAVSYNC_DV_REFRESH_TOKEN]);
    expect(statSync(credFile()).mode & 0o777).toBe(0o600);
    // …so the next one works too (with the old token it would be refused).
    expect(await cli(['status', '--config', config()], LINKEDIN)).toBe(0);
    for (const rt of entra.issuedRefreshTokens) expect(out).not.toContain(rt);

    // An admin revokes the user's sessions: a clear catalogue error that says to sign in again.
    entra.revokeRefreshTokens();
    expect(await cli(['status', '--config', config()], LINKEDIN)).not.toBe(0);
    expect(out).toContain('NS-AUTH-016');
    expect(out).toMatch(/Sign in again with navsync connect \(--device-code/);
  }, 30_000);

  test('declined at the verification page: NS-AUTH-015 with its remedy; nothing written', async () => {
    expect(await connectByDeviceCode(atVerificationPage('decline'))).toBe(1);
    expect(out).toContain('✗ NS-AUTH-015 The sign-in was not completed, so NavSync is not connected.');
    expect(out).toMatch(/Run navsync connect again and, before the code expires/);
    expect(out).toMatch(/declined/);
    expect(out).toMatch(/Nothing was written/);
    expect(existsSync(config())).toBe(false);
    expect(existsSync(credFile())).toBe(false);
  }, 30_000);

  test('the code expires before anyone signs in: NS-AUTH-015, "expired"; nothing written', async () => {
    expect(await connectByDeviceCode(async () => entra.expireCodes())).toBe(1);
    expect(out).toContain('✗ NS-AUTH-015');
    expect(out).toMatch(/the code expired/);
    expect(existsSync(config())).toBe(false);
  }, 30_000);

  test('an app registration without public client flows: the sign-in error, and the client id is checked before any code is shown', async () => {
    entra.confidentialOnly.add('confidential-app-id');
    expect(await connectByDeviceCode(async () => undefined, 'confidential-app-id')).toBe(1);
    expect(out).not.toMatch(/enter the code/);
    expect(out).toMatch(/✗ NS-AUTH-007/);
    expect(out).toMatch(/HTTP 401 invalid_client: the app registration must allow public client flows/);
  }, 30_000);

  test('--secrets env is refused with --device-code (the refresh token is never printed for copying)', async () => {
    expect(
      await cli(['connect', 'dataverse', '--device-code', '--secrets', 'env', '--url', dv.url, '--client-id', 'x']),
    ).toBe(2);
    expect(out).toMatch(/--secrets env is for client secrets/);
  });
});
