import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { SalesforceLoginDouble } from '../../src/doubles/salesforceLoginDouble';
import { main } from '../../src/sync/cli';

// An admin connects Salesforce by signing in as the integration user in the browser (web server flow with PKCE, as
// `sf org login web`); the test is the browser: it opens the printed URL at the login double, allows or denies, and
// follows the redirect to NavSync's loopback listener.
let sf: SalesforceDouble;
let login: SalesforceLoginDouble;
let port: number;
let dir: string;
let out = '';

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const p = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return p;
}

beforeAll(async () => {
  port = await freePort();
  sf = await SalesforceDouble.start();
  login = await SalesforceLoginDouble.start(sf, { callbackUrls: [`http://127.0.0.1:${port}/OauthRedirect`] });
});
afterAll(async () => {
  await Promise.all([sf.close(), login.close()]);
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-browser-'));
  login.rotateRefreshTokens = false;
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
const saved = () => JSON.parse(readFileSync(credFile(), 'utf8')) as Record<string, string>;

/** `navsync connect salesforce --browser`; once the URL is printed, `browser` does what the admin's browser does. */
async function connectInBrowser(browser: (authorizeUrl: string) => Promise<void>): Promise<number> {
  const run = cli([
    'connect',
    'salesforce',
    '--browser',
    '--no-browser',
    '--allow-loopback',
    '--config',
    config(),
    '--instance-url',
    sf.url,
    '--login-url',
    login.url,
    '--client-id',
    sf.clientId,
    '--callback-port',
    String(port),
  ]);
  let ended = false;
  void run.finally(() => (ended = true));
  let url: string | undefined;
  while (!url && !ended) {
    url = /^\s+(http:\/\/\S+\/services\/oauth2\/authorize\?\S+)$/m.exec(out)?.[1];
    if (!url) await new Promise((r) => setTimeout(r, 20));
  }
  if (url) await browser(url);
  return run;
}

/** The login page, the Allow/Deny answer, and the redirect back to NavSync. */
const admin = (decision: 'allow' | 'deny') => async (authorizeUrl: string) => {
  const u = new URL(authorizeUrl);
  expect(u.searchParams.get('code_challenge_method')).toBe('S256');
  expect(u.searchParams.get('redirect_uri')).toBe(`http://127.0.0.1:${port}/OauthRedirect`);
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const answer = await fetch(`${u.origin}${u.pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...Object.fromEntries(u.searchParams), decision }),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  const back = await fetch(answer.headers.get('location') as string);
  expect(back.status).toBe(200);
};

describe('navsync connect salesforce --browser', () => {
  test('allowed in the browser: checked, refresh token in a 0600 file and never printed; later runs refresh from it (rotation kept)', async () => {
    expect(await connectInBrowser(admin('allow'))).toBe(0);
    expect(out).toMatch(/✓ Signed in/);
    expect(out).toMatch(/✓ Connected as the integration user/);
    expect(JSON.parse(readFileSync(config(), 'utf8'))).toMatchObject({
      crm: 'salesforce',
      salesforce: { instanceUrl: sf.url, loginUrl: login.url },
      credentialsFile: 'navsync.credentials.json',
    });
    expect(statSync(credFile()).mode & 0o777).toBe(0o600);
    const first = saved();
    expect(Object.keys(first).sort()).toEqual(['NAVSYNC_SF_CLIENT_ID', 'NAVSYNC_SF_REFRESH_TOKEN']);
    expect(first.NAVSYNC_SF_REFRESH_TOKEN).toBe(login.issuedRefreshTokens.at(-1));
    expect(out).not.toContain(first.NAVSYNC_SF_REFRESH_TOKEN);

    // Without rotation the refresh token stays; with Refresh Token Rotation on, the new one replaces it.
    sf.expireTokens();
    expect(await cli(['status', '--config', config()], LINKEDIN)).toBe(0);
    expect(out).toMatch(/✓ connection/);
    expect(saved().NAVSYNC_SF_REFRESH_TOKEN).toBe(first.NAVSYNC_SF_REFRESH_TOKEN);
    login.rotateRefreshTokens = true;
    sf.expireTokens();
    expect(await cli(['status', '--config', config()], LINKEDIN)).toBe(0);
    const rotated = saved().NAVSYNC_SF_REFRESH_TOKEN;
    expect(rotated).not.toBe(first.NAVSYNC_SF_REFRESH_TOKEN);
    expect(login.liveRefreshTokens()).toEqual([rotated]);
    sf.expireTokens();
    expect(await cli(['status', '--config', config()], LINKEDIN)).toBe(0);
    for (const rt of login.issuedRefreshTokens) expect(out).not.toContain(rt);

    // The session ends in the middle of a command (INVALID_SESSION_ID): renewed from the saved sign-in, and the
    // refresh token of that renewal is kept too.
    login.resetCounts();
    const beforeMidway = saved().NAVSYNC_SF_REFRESH_TOKEN;
    sf.beforeNext(['query'], () => sf.expireTokens());
    expect(await cli(['status', '--config', config()], LINKEDIN)).toBe(0);
    expect(login.counts().byKind.token).toBe(2);
    expect(login.liveRefreshTokens()).toEqual([saved().NAVSYNC_SF_REFRESH_TOKEN]);
    expect(saved().NAVSYNC_SF_REFRESH_TOKEN).not.toBe(beforeMidway);

    login.revokeRefreshTokens();
    sf.expireTokens();
    expect(await cli(['status', '--config', config()], LINKEDIN)).not.toBe(0);
    expect(out).toContain('NS-AUTH-016');
  }, 30_000);

  test('a redirect with another state is refused and the sign-in goes on; denied: NS-AUTH-015, nothing written', async () => {
    const code = await connectInBrowser(async (url) => {
      const forged = await fetch(`http://127.0.0.1:${port}/OauthRedirect?code=aPrxForged&state=not-ours`);
      expect(forged.status).toBe(400);
      await admin('deny')(url);
    });
    expect(code).toBe(1);
    expect(out).toContain('✗ NS-AUTH-015 The sign-in was not completed, so NavSync is not connected.');
    expect(out).toMatch(/declined/);
    expect(existsSync(config())).toBe(false);
    expect(existsSync(credFile())).toBe(false);
  }, 30_000);

  test('a login host that is not Salesforce is refused before any sign-in page is shown', async () => {
    const code = await cli([
      'connect',
      'salesforce',
      '--browser',
      '--no-browser',
      '--config',
      config(),
      '--instance-url',
      'https://acme.my.salesforce.com',
      '--login-url',
      'https://login.example.com',
      '--client-id',
      sf.clientId,
      '--callback-port',
      String(port),
    ]);
    expect(code).toBe(1);
    expect(out).toContain('✗ NS-NET-013');
    expect(out).not.toMatch(/services\/oauth2\/authorize/);
    expect(existsSync(config())).toBe(false);
  });
});
