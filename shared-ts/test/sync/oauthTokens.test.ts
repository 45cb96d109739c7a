import { EntraDouble } from '../../src/doubles/entraDouble';
import { CatalogueError } from '../../src/domain/errors';
import { signInWithDeviceCode, type DeviceCodePrompt } from '../../src/sync/oauth/deviceCode';
import { refreshingToken } from '../../src/sync/oauth/refreshingToken';

let entra: EntraDouble;
beforeAll(async () => {
  entra = await EntraDouble.start({ interval: 2 });
});
afterAll(() => entra.close());

const signIn = (sleep: (ms: number) => Promise<void>, show: (p: DeviceCodePrompt) => void = () => undefined) =>
  signInWithDeviceCode({
    deviceCodeUrl: entra.deviceCodeUrl,
    tokenUrl: entra.tokenUrl,
    clientId: entra.clientId,
    scope: 'https://org.crm4.dynamics.com/user_impersonation offline_access',
    outbound: { allowLoopback: true },
    show,
    sleep,
  });

test('polls every `interval` seconds while the sign-in is pending, and 5 s more after slow_down', async () => {
  const sleeps: number[] = [];
  let code = '';
  const signedIn = await signIn(
    async (ms) => {
      sleeps.push(ms);
      // The third wait is when the admin finishes signing in.
      if (sleeps.length === 3) entra.answer(code, 'approve');
    },
    (p) => (code = p.userCode),
  );
  // 1st poll: authorization_pending; 2nd poll at once (the test's clock does not wait): slow_down; 3rd: the tokens.
  expect(sleeps).toEqual([2000, 2000, 7000]);
  expect(signedIn.refreshToken).toBe(entra.issuedRefreshTokens.at(-1));
  expect(signedIn.expiresAt).toBeGreaterThan(Date.now() + 3000_000);
});

test('a code the server reports expired ends the wait with SIGN_IN_NOT_COMPLETED', async () => {
  const err = await signIn(async () => entra.expireCodes()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CatalogueError);
  expect((err as CatalogueError).kind).toBe('SIGN_IN_NOT_COMPLETED');
  expect((err as CatalogueError).detail).toMatch(/expired/);
});

test('refresh: concurrent callers share one request; a rotated refresh token replaces the old one', async () => {
  let code = '';
  const first = await signIn(
    async () => void entra.answer(code, 'approve'),
    (p) => (code = p.userCode),
  );
  const rotated: string[] = [];
  const source = refreshingToken({
    platform: 'dataverse',
    tokenUrl: entra.tokenUrl,
    clientId: entra.clientId,
    refreshToken: first.refreshToken,
    scope: 'https://org.crm4.dynamics.com/user_impersonation offline_access',
    outbound: { allowLoopback: true },
    onRotate: (t) => rotated.push(t),
  });
  entra.resetCounts();
  const [a, b] = await Promise.all([source(), source()]);
  expect(a.value).toBe(b.value);
  expect(entra.counts().byKind.token).toBe(1);
  expect(rotated).toEqual([entra.issuedRefreshTokens.at(-1)]);
  // Cached until near expiry; forced (a 401 from the API) it refreshes with the rotated token, which the double
  // requires: it revoked the first one.
  expect((await source()).value).toBe(a.value);
  const c = await source(true);
  expect(c.value).not.toBe(a.value);
  expect(rotated).toHaveLength(2);
  expect(entra.counts().byKind.token).toBe(2);
});

test('two processes on one credentials file: each refresh starts from the saved token, so a rotation by one does not lock out the other', async () => {
  let code = '';
  const signedIn = await signIn(
    async () => void entra.answer(code, 'approve'),
    (p) => (code = p.userCode),
  );
  let file = signedIn.refreshToken;
  const aProcess = () =>
    refreshingToken({
      platform: 'dataverse',
      tokenUrl: entra.tokenUrl,
      clientId: entra.clientId,
      refreshToken: file,
      outbound: { allowLoopback: true },
      onRotate: (t) => (file = t),
      reload: () => file,
    });
  const serve = aProcess();
  const cli = aProcess();
  await serve();
  // The CLI started with the token the serve process has since rotated (and the double revoked).
  await expect(cli()).resolves.toHaveProperty('value');
  await expect(serve(true)).resolves.toHaveProperty('value');
  // Of this sign-in's tokens only the latest lives.
  const mine = entra.issuedRefreshTokens.slice(entra.issuedRefreshTokens.indexOf(signedIn.refreshToken));
  expect(mine.filter((t) => entra.liveRefreshTokens().includes(t))).toEqual([file]);
});
