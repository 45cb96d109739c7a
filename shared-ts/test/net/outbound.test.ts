import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { CatalogueError } from '../../src/domain/errors';
import { outboundFetch } from '../../src/net/http';
import { checkUrl, refusedAddress, type Platform, type Purpose } from '../../src/net/outbound';

const kindOf = (fn: () => unknown) => {
  try {
    fn();
    return 'allowed';
  } catch (e) {
    return (e as CatalogueError).kind;
  }
};

describe('checkUrl', () => {
  test.each<[string, Platform, Purpose, string]>([
    ['https://acme.my.salesforce.com/services/data/v66.0/query', 'salesforce', 'api', 'allowed'],
    ['https://login.salesforce.com/services/oauth2/token', 'salesforce', 'token', 'allowed'],
    ['https://test.salesforce.com/services/oauth2/token', 'salesforce', 'token', 'allowed'],
    ['https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token', 'salesforce', 'token', 'allowed'],
    ['https://login.salesforce.com.evil.example/services/oauth2/token', 'salesforce', 'token', 'OUTBOUND_REFUSED'],
    ['https://evil.example/services/oauth2/token', 'salesforce', 'token', 'OUTBOUND_REFUSED'],
    ['https://login.microsoftonline.com/tenant/oauth2/v2.0/token', 'dataverse', 'token', 'allowed'],
    ['https://login.microsoftonline.us/tenant/oauth2/v2.0/token', 'dataverse', 'token', 'allowed'],
    ['https://login.partner.microsoftonline.cn/tenant/oauth2/v2.0/token', 'dataverse', 'token', 'allowed'],
    ['https://login.example/t', 'dataverse', 'token', 'OUTBOUND_REFUSED'],
    ['https://www.linkedin.com/oauth/v2/accessToken', 'linkedin', 'token', 'allowed'],
    ['https://www.linkedin.com/ambry/?x-li-ambry-ep=abc', 'linkedin', 'download', 'allowed'],
    ['https://files.evil.example/export.csv', 'linkedin', 'download', 'OUTBOUND_REFUSED'],
    ['http://api.linkedin.com/v2/x', 'linkedin', 'api', 'OUTBOUND_REFUSED'],
    ['ftp://api.linkedin.com/v2/x', 'linkedin', 'api', 'OUTBOUND_REFUSED'],
    ['https://user:pw@acme.my.salesforce.com/', 'salesforce', 'api', 'OUTBOUND_REFUSED'],
    ['https://10.1.2.3/api/data/v9.2/', 'dataverse', 'api', 'OUTBOUND_REFUSED'],
    ['https://169.254.169.254/latest/meta-data', 'dataverse', 'api', 'OUTBOUND_REFUSED'],
    ['https://[fe80::1]/x', 'dataverse', 'api', 'OUTBOUND_REFUSED'],
    ['https://[::ffff:192.168.1.1]/x', 'dataverse', 'api', 'OUTBOUND_REFUSED'],
    ['https://127.0.0.1/x', 'dataverse', 'api', 'OUTBOUND_REFUSED'],
    ['http://127.0.0.1:8080/x', 'dataverse', 'api', 'OUTBOUND_REFUSED'],
  ])('%s (%s %s) → %s', (url, platform, purpose, expected) => {
    expect(kindOf(() => checkUrl(url, platform, purpose))).toBe(expected);
  });

  test('loopback over http only when the policy allows it (the doubles), for every purpose', () => {
    for (const purpose of ['api', 'token', 'download'] as const) {
      expect(kindOf(() => checkUrl('http://127.0.0.1:9/x', 'linkedin', purpose, { allowLoopback: true }))).toBe(
        'allowed',
      );
      expect(kindOf(() => checkUrl('http://[::1]:9/x', 'linkedin', purpose, { allowLoopback: true }))).toBe('allowed');
    }
    expect(kindOf(() => checkUrl('http://10.0.0.1/x', 'linkedin', 'api', { allowLoopback: true }))).toBe(
      'OUTBOUND_REFUSED',
    );
  });

  test('address classes', () => {
    expect(refusedAddress('8.8.8.8')).toBeNull();
    expect(refusedAddress('2606:4700::1111')).toBeNull();
    for (const a of [
      '10.0.0.1',
      '172.20.1.1',
      '192.168.0.1',
      '100.64.0.1',
      '169.254.1.1',
      '0.0.0.0',
      'fc00::1',
      'fe80::1',
      '::',
    ])
      expect([a, refusedAddress(a)]).toEqual([a, 'a private or link-local address']);
    expect(refusedAddress('127.0.0.53')).toBe('a loopback address');
    expect(refusedAddress('::1', { allowLoopback: true })).toBeNull();
  });
});

describe('outboundFetch', () => {
  let server: Server;
  let other: Server;
  let base = '';
  let otherBase = '';
  let connections = 0;
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024));
  const listen = (s: Server) =>
    new Promise<string>((r) =>
      s.listen(0, '127.0.0.1', () => r(`http://127.0.0.1:${(s.address() as { port: number }).port}`)),
    );

  beforeAll(async () => {
    other = createServer((_req, res) => res.end('other host'));
    otherBase = await listen(other);
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/bomb') {
        res.writeHead(200, { 'Content-Encoding': 'gzip', 'Content-Length': bomb.length, 'Content-Type': 'text/csv' });
        return res.end(bomb);
      }
      if (req.url === '/away') {
        res.writeHead(302, { Location: `${otherBase}/stolen` });
        return res.end();
      }
      if (req.url === '/here') {
        res.writeHead(302, { Location: '/ok' });
        return res.end();
      }
      res.end('ok');
    });
    server.on('connection', () => connections++);
    base = await listen(server);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await new Promise((r) => other.close(r));
  });

  const get = (url: string, allowLoopback = true) =>
    outboundFetch(url, {}, { platform: 'linkedin', purpose: 'download', policy: { allowLoopback } });

  test(`a small gzip body may not inflate into hundreds of MB (${Math.round(bomb.length / 1024)} KB → 64 MB)`, async () => {
    const res = await get(`${base}/bomb`);
    const err = await res.arrayBuffer().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CatalogueError);
    expect((err as CatalogueError).kind).toBe('RESPONSE_TOO_LARGE');
  });

  test('redirects are followed within the origin, never to another host', async () => {
    expect(await (await get(`${base}/here`)).text()).toBe('ok');
    const err = await get(`${base}/away`).catch((e: unknown) => e);
    expect((err as CatalogueError).kind).toBe('OUTBOUND_REFUSED');
    expect((err as CatalogueError).detail).toMatch(/redirect .* not followed/);
  });

  test('a host name resolving to loopback is refused before connecting (no rebinding past the check)', async () => {
    const before = connections;
    const port = new URL(base).port;
    const err = await outboundFetch(`https://localhost:${port}/x`, {}, { platform: 'linkedin', purpose: 'api' }).catch(
      (e: unknown) => e,
    );
    expect((err as CatalogueError).kind).toBe('OUTBOUND_REFUSED');
    expect((err as CatalogueError).detail).toMatch(/localhost resolves to a loopback address/);
    expect(connections).toBe(before);
  });

  test('plain http to loopback is refused unless the policy allows it', async () => {
    const err = await get(`${base}/ok`, false).catch((e: unknown) => e);
    expect((err as CatalogueError).kind).toBe('OUTBOUND_REFUSED');
  });
});
