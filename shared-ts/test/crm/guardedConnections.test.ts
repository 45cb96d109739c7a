// Every connection to a CRM goes through the outbound policy: the Dataverse Web API requests (the names an org's
// host resolves to, checked on each connection; the response size caps; next links on the org's own host only) and
// the request that reads the CRM's clock, on both CRMs.
import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { DataverseGateway } from '../../src/crm/dataverse';
import { SalesforceGateway } from '../../src/crm/salesforce';
import { CatalogueError } from '../../src/domain/errors';

// An org host whose name the resolver answers with a private address (as a rebinding name would): the tests never
// reach a real resolver.
const REBOUND = 'contoso-rebound.crm4.dynamics.com';
jest.mock('node:dns', () => {
  const actual = jest.requireActual<typeof import('node:dns')>('node:dns');
  const lookup = (host: string, opts: unknown, cb: (...a: unknown[]) => void) => {
    if (host !== 'contoso-rebound.crm4.dynamics.com')
      return (actual.lookup as (...a: unknown[]) => void)(host, opts, cb);
    cb(null, [{ address: '10.20.30.40', family: 4 }]);
  };
  return { ...actual, lookup };
});

let server: Server;
let base: string;
let requests: string[];

beforeAll(async () => {
  // A zero-filled JSON body of 64 MB compresses to ~64 KB.
  const bomb = gzipSync(Buffer.concat([Buffer.from('{"UserId":"'), Buffer.alloc(64 * 1024 * 1024, 0x30)]));
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    if (req.url?.endsWith('/WhoAmI')) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
      return res.end(bomb);
    }
    if (req.url?.includes('/contacts')) {
      res.writeHead(200, { 'Content-Type': 'application/json', Date: new Date().toUTCString() });
      return res.end(
        JSON.stringify({
          value: [{ contactid: '6a1e1b3e-0000-4000-8000-000000000001' }],
          '@odata.nextLink': 'https://collector.example/api/data/v9.2/contacts?$skiptoken=1',
        }),
      );
    }
    res.writeHead(200, { Date: new Date().toUTCString() });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
beforeEach(() => {
  requests = [];
});
afterAll(() => new Promise((r) => server.close(r)));

const dataverse = (url: string, allowLoopback = true) =>
  new DataverseGateway({ url, getToken: async () => 'token', outbound: { allowLoopback }, log: () => {} });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as CatalogueError,
  );

test('a Dataverse host whose name resolves to a private address is refused when connecting', async () => {
  const err = await failure(dataverse(`https://${REBOUND}`, false).instanceId());
  expect(err).toBeInstanceOf(CatalogueError);
  expect(err?.kind).toBe('OUTBOUND_REFUSED');
  expect(err?.detail).toMatch(/resolves to a private or link-local address \(10\.20\.30\.40\)/);
});

test('a small compressed Dataverse answer may not inflate into hundreds of MB', async () => {
  const err = await failure(dataverse(base).instanceId());
  expect(err?.kind).toBe('RESPONSE_TOO_LARGE');
  expect(requests).toEqual(['/api/data/v9.2/WhoAmI']);
});

test("a Dataverse next link to another host is not followed (pages come only from the org's own host)", async () => {
  const g = dataverse(base);
  const err = await failure(
    (async () => {
      for await (const page of g.people({ kind: 'contact' })) void page;
    })(),
  );
  expect(err?.kind).toBe('OUTBOUND_REFUSED');
  expect(err?.detail).toMatch(/collector\.example/);
  expect(requests).toHaveLength(1);
});

test("the CRM's clock is read under the outbound policy on both CRMs", async () => {
  // Plain http to loopback: allowed only where the policy allows it (the doubles), refused for a real org.
  expect(await dataverse(base).serverTime()).toEqual(expect.any(Number));
  expect((await failure(dataverse(base, false).serverTime()))?.kind).toBe('OUTBOUND_REFUSED');
  const sf = (allowLoopback: boolean) =>
    new SalesforceGateway({ instanceUrl: base, accessToken: 'token', outbound: { allowLoopback } } as never);
  expect(await sf(true).serverTime()).toEqual(expect.any(Number));
  expect((await failure(sf(false).serverTime()))?.kind).toBe('OUTBOUND_REFUSED');
  expect(requests.filter((u) => u.startsWith('/services/data/'))).toHaveLength(1);
});
