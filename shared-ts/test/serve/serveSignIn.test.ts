import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { EntraDouble } from '../../src/doubles/entraDouble';
import { loadServeSettings } from '../../src/serve/config';
import { ServeHttp } from '../../src/serve/http';
import { ServeService } from '../../src/serve/service';
import { Store } from '../../src/serve/store';
import { writeCredentialsFile } from '../../src/sync/credentialsFile';
import { signInWithDeviceCode } from '../../src/sync/oauth/deviceCode';
import { demoEnvironmentPerTest } from '../sync/demoEnvironmentPerTest';

// `navsync serve` with a Dataverse connection signed in by device code: every cycle gets its access token from the
// saved refresh token, keeps the rotated one in the credentials file, and a revoked sign-in shows on the status page
// as the catalogue error with its remedy.
const data = generateDemoData({ accounts: 6, peoplePerAccount: 2, leads: 4 });
let env: DemoEnvironment;
let dir: string;
let entra: EntraDouble;
demoEnvironmentPerTest(data, 'navsync-serve-signin-', (e, d) => {
  env = e;
  dir = d;
});
beforeEach(async () => {
  entra = await EntraDouble.start({ interval: 0, mintAccessToken: () => env.dataverse.issueToken() });
});
afterEach(() => entra.close());

const TOKEN = 'test-serve-token-signin-0123456789';
const credFile = () => join(dir, 'navsync.credentials.json');
const savedRefreshToken = () =>
  (JSON.parse(readFileSync(credFile(), 'utf8')) as Record<string, string>).NAVSYNC_DV_REFRESH_TOKEN;

async function signedInConnection(): Promise<string> {
  let code = '';
  const signedIn = await signInWithDeviceCode({
    deviceCodeUrl: entra.deviceCodeUrl,
    tokenUrl: entra.tokenUrl,
    clientId: entra.clientId,
    scope: `${env.dataverse.url}/user_impersonation offline_access`,
    outbound: { allowLoopback: true },
    show: (p) => (code = p.userCode),
    sleep: async () => void entra.answer(code, 'approve'),
  });
  writeCredentialsFile(credFile(), {
    NAVSYNC_DV_CLIENT_ID: entra.clientId,
    NAVSYNC_DV_REFRESH_TOKEN: signedIn.refreshToken,
  });
  const li = env.linkedin.dataverse;
  const file = join(dir, 'navsync.json');
  writeFileSync(
    file,
    JSON.stringify({
      crm: 'dataverse',
      allowLoopback: true,
      dataverse: { url: env.dataverse.url, tokenUrl: entra.tokenUrl },
      linkedin: {
        source: 'api',
        apiBaseUrl: li.apiBaseUrl,
        tokenUrl: li.tokenUrl,
        crmInstanceValue: env.dataverse.organizationId,
        pollIntervalMs: 10,
      },
      outDir: join(dir, 'autosave'),
      credentialsFile: 'navsync.credentials.json',
      serve: { database: 'state.db', schedule: '0 3 * * *', timezone: 'UTC' },
    }),
  );
  return file;
}

test('each cycle refreshes from the saved sign-in and keeps the rotated refresh token; a revoked one is shown with its remedy', async () => {
  const config = await signedInConnection();
  const settings = loadServeSettings(config);
  const store = new Store(settings.database);
  const li = env.linkedin.dataverse;
  const vars = { NAVSYNC_LINKEDIN_CLIENT_ID: li.clientId, NAVSYNC_LINKEDIN_CLIENT_SECRET: li.clientSecret };
  const service = new ServeService(settings, store, { now: () => Date.parse('2026-03-02T10:00:00Z') }, vars, () => {});
  const http = new ServeHttp(service, TOKEN);
  const url = await http.listen('127.0.0.1', 0);
  await service.start();
  try {
    const cycle = async () => {
      await service.runNow('default');
      await service.settled('default');
      return (await store.recentRuns(1))[0];
    };
    const before = savedRefreshToken();
    const first = await cycle();
    expect(first.state).not.toBe('failed');
    const rotated = savedRefreshToken();
    expect(rotated).not.toBe(before);
    expect(entra.liveRefreshTokens()).toEqual([rotated]);
    expect(statSync(credFile()).mode & 0o777).toBe(0o600);

    // The next cycle (a new access token: the old ones expired) starts from the rotated token, which is the only one
    // the double still accepts.
    env.dataverse.expireTokens();
    expect((await cycle()).state).not.toBe('failed');
    expect(savedRefreshToken()).not.toBe(rotated);

    entra.revokeRefreshTokens();
    env.dataverse.expireTokens();
    expect((await cycle()).state).toBe('failed');
    const html = await (await fetch(`${url}/`)).text();
    const json = await (await fetch(`${url}/status.json`)).text();
    expect(html).toContain('data-code="NS-AUTH-016"');
    expect(html).toContain('Sign in again with navsync connect');
    for (const rt of entra.issuedRefreshTokens) {
      expect(html).not.toContain(rt);
      expect(json).not.toContain(rt);
    }
  } finally {
    const closing = http.close();
    await service.stop();
    await closing;
    await store.close();
  }
}, 60_000);
