import { CatalogueError } from '../../src/domain/errors';
import { LinkedInDouble, type LinkedInDoubleOptions } from '../../src/doubles/linkedinDouble';
import { LinkedInDailyLimitError } from '../../src/linkedin/errors';
import type { SyncServicesConfig } from '../../src/linkedin/config';
import type { ExportItem } from '../../src/linkedin/source';
import { SyncServicesSource } from '../../src/linkedin/syncServices';
import { crmInstanceUrn, decodeComplexKey, encodeComplexKey, encodeUrnParam } from '../../src/linkedin/restli';
import { guardLoopback, nonLoopback } from '../doubles/loopbackGuard';

const guard = guardLoopback();
afterAll(() => guard.restore());

const CSV1 = [
  'recordId,recordType,status,memberUrn,crmAccountId,currentCompanyName',
  '0035e00000AbCdEAAV,contact,NOT_AT_COMPANY,urn:li:person:aB3x,0015e00000XyZ01AAA,"Müller & Söhne GmbH"',
  '00Q5e00000LeAd1EAA,lead,NOT_AT_COMPANY,urn:li:person:cD4y,,"Acme, Inc."',
  'not an id!,contact,NOT_AT_COMPANY,,,',
  '0035e00000AbCdFAAV,contact,AT_COMPANY,,,',
].join('\n');
const JSONL2 = [
  '{"recordId":"0035e00000AbCdGAAV","recordType":"CONTACT","status":"NOT_AT_COMPANY","memberUrn":"urn:li:person:eF5z"}',
  '{broken json',
  '{"recordId":"0035e00000AbCdHAAV","recordType":"account"}',
].join('\n');

interface Harness {
  li: LinkedInDouble;
  client: SyncServicesSource;
  sleeps: number[];
  logs: string[];
  clock: { t: number };
}

const doubles: LinkedInDouble[] = [];
afterAll(async () => {
  await Promise.all(doubles.map((d) => d.close()));
});

async function harness(opts: LinkedInDoubleOptions = {}, cfg: Partial<SyncServicesConfig> = {}): Promise<Harness> {
  const li = await LinkedInDouble.start({ exportFiles: [CSV1, JSONL2], ...opts });
  doubles.push(li);
  const sleeps: number[] = [];
  const logs: string[] = [];
  const clock = { t: Date.UTC(2026, 10, 22, 17, 0, 0) };
  const client = new SyncServicesSource({
    outbound: { allowLoopback: true },
    apiBaseUrl: li.apiBaseUrl,
    tokenUrl: li.tokenUrl,
    clientId: li.clientId,
    clientSecret: li.clientSecret,
    crmKey: 'DYNAMICS',
    crmInstanceValue: '362a3584-0d9b-44a1-a547-25de5cd95d08',
    partner: 'MS',
    associationInstanceId: 'contoso.crm4.dynamics.com',
    pollIntervalMs: 5000,
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    log: (l) => logs.push(l),
    ...cfg,
  });
  return { li, client, sleeps, logs, clock };
}

async function collect(items: AsyncIterable<ExportItem>): Promise<ExportItem[]> {
  const out: ExportItem[] = [];
  for await (const i of items) out.push(i);
  return out;
}

describe('Rest.li encoding', () => {
  test('the CRM instance URN is encoded as in the documented sample', () => {
    expect(encodeUrnParam(crmInstanceUrn('DYNAMICS', '362a3584-0d9b-44a1-a547-25de5cd95d08'))).toBe(
      'urn%3Ali%3AcrmInstance%3A%28DYNAMICS%2C362a3584-0d9b-44a1-a547-25de5cd95d08%29',
    );
  });
  test('complex keys escape reserved characters and round-trip', () => {
    const key = { recordId: "7e0d(b1),84:'x'", partner: 'MS', instanceId: 'instance.crm.dynamics.com' };
    const text = encodeComplexKey(key);
    expect(text).toBe('(instanceId:instance.crm.dynamics.com,partner:MS,recordId:7e0d%28b1%29%2C84%3A%27x%27)');
    expect(decodeComplexKey(text)).toEqual(key);
  });
});

describe('token', () => {
  test('is cached, refreshed before expiry, and re-minted once after a 401', async () => {
    const h = await harness({ tokenTtlSec: 3600 });
    await h.client.getAssociation('a1');
    await h.client.getAssociation('a2');
    expect(h.li.counts().byKind.token).toBe(1);
    // 56 minutes later the token is within the 5-minute refresh margin.
    h.clock.t += 56 * 60_000;
    await h.client.getAssociation('a3');
    expect(h.li.counts().byKind.token).toBe(2);
    // Revoked on the server: the client re-mints and retries transparently.
    h.li.expireTokens();
    await expect(h.client.getAssociation('a4')).resolves.toBeNull();
    expect(h.li.counts().byKind.token).toBe(3);
    expect(h.li.counts().byKind.association).toBe(5);
  });

  test('wrong client secret is a LinkedIn credential error (LINKEDIN_ACCESS), not the CRM access message', async () => {
    const h = await harness({}, { clientSecret: 'wrong-secret-value' });
    const err = await h.client.getAssociation('a1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CatalogueError);
    expect((err as CatalogueError).kind).toBe('LINKEDIN_ACCESS');
    expect((err as CatalogueError).detail).toMatch(/invalid_client/);
  });
});

describe('Data Validation export', () => {
  test('create → poll → download every file, CSV and JSON lines, bad rows rejected with a reason', async () => {
    const h = await harness({ pollsUntilComplete: 2 });
    const phases: string[] = [];
    const exp = await h.client.exportValidation({ since: 1533772800000, onProgress: (p) => phases.push(p.phase) });
    expect(exp.jobId).toBe('148');
    expect(exp.fileCount).toBe(2);
    expect(exp.exportStartAt).toBe(1533772800000);
    expect(exp.nextCursor).toBeGreaterThan(exp.exportStartAt);
    const items = await collect(exp.items());
    const rows = items.flatMap((i) => (i.ok ? [i.row] : []));
    const rejected = items.flatMap((i) => (i.ok ? [] : [i.rejected]));
    expect(rows.map((r) => [r.recordId, r.recordType, r.status])).toEqual([
      ['0035e00000AbCdEAAV', 'contact', 'NOT_AT_COMPANY'],
      ['00Q5e00000LeAd1EAA', 'lead', 'NOT_AT_COMPANY'],
      ['0035e00000AbCdFAAV', 'contact', 'AT_COMPANY'],
      ['0035e00000AbCdGAAV', 'contact', 'NOT_AT_COMPANY'],
    ]);
    expect(rows[0].currentCompanyName).toBe('Müller & Söhne GmbH');
    expect(rows[0].crmAccountId).toBe('0015e00000XyZ01AAA');
    expect(rejected.map((r) => [r.source, r.line, r.reason])).toEqual([
      ['download 1 of 2', 4, 'record id "not an id!" is not a CRM id'],
      ['download 2 of 2', 2, 'not valid JSON'],
      ['download 2 of 2', 3, 'record type "account" is neither contact nor lead'],
    ]);
    // 1 create, 3 polls (2 PROCESSING + COMPLETED), 2 downloads, 1 token.
    expect(h.li.counts().byKind).toEqual({ token: 1, exportCreate: 1, exportGet: 3, download: 2 });
    expect(h.sleeps).toEqual([5000, 7500]);
    expect(phases.slice(0, 2)).toEqual(['created', 'polling']);
    expect([...h.li.seenInstances]).toEqual(['urn:li:crmInstance:(DYNAMICS,362a3584-0d9b-44a1-a547-25de5cd95d08)']);
  });

  test('an expired download URL re-reads the job and the rows are read once', async () => {
    const h = await harness();
    const exp = await h.client.exportValidation({ since: 0 });
    h.li.expireDownloadUrls();
    const items = await collect(exp.items());
    expect(items.filter((i) => i.ok)).toHaveLength(4);
    expect(h.li.counts().byKind.exportGet).toBe(3); // poll + one re-read per expired file URL (the fresh URLs all work)
    expect(h.li.log.filter((l) => l.kind === 'download').map((l) => l.status)).toEqual([403, 200, 200]);
  });

  test('a download cut off mid-stream resumes without duplicates', async () => {
    const rows = ['recordId,recordType,status'];
    for (let i = 0; i < 5000; i++) rows.push(`003${String(i).padStart(15, '0')},contact,NOT_AT_COMPANY`);
    const h = await harness({ exportFiles: [rows.join('\n')] });
    const exp = await h.client.exportValidation({ since: 0 });
    h.li.cutNextDownload(40_000);
    const items = await collect(exp.items());
    const ids = items.flatMap((i) => (i.ok ? [i.row.recordId] : []));
    expect(ids).toHaveLength(5000);
    expect(new Set(ids).size).toBe(5000);
    expect(h.li.counts().byKind.download).toBe(2);
  });

  test('the download is streamed: rows arrive before the server has produced the file', async () => {
    let produced = 0;
    const total = 200; // chunks of 500 rows × ~250 bytes: 25 MB, far more than socket buffers hold
    const pad = 'x'.repeat(220);
    const file = function* () {
      yield 'recordId,recordType,status,currentCompanyName\n';
      for (let c = 0; c < total; c++) {
        produced = c + 1;
        let s = '';
        for (let i = 0; i < 500; i++)
          s += `003${String(c * 500 + i).padStart(15, '0')},contact,NOT_AT_COMPANY,${pad}\n`;
        yield s;
      }
    };
    const h = await harness({ exportFiles: [file] });
    const exp = await h.client.exportValidation({ since: 0 });
    let producedAtFirstRow = -1;
    let n = 0;
    for await (const item of exp.items()) {
      if (n === 0) producedAtFirstRow = produced;
      if (item.ok) n++;
    }
    expect(n).toBe(100_000);
    expect(producedAtFirstRow).toBeGreaterThan(0);
    expect(producedAtFirstRow).toBeLessThan(total / 2);
  });

  test('polling stops after the documented two hours', async () => {
    const h = await harness(
      { pollsUntilComplete: 1_000_000 },
      { pollIntervalMs: 60_000, pollIntervalCapMs: 10 * 60_000 },
    );
    const err = await h.client.exportValidation({ since: 0 }).catch((e: unknown) => e);
    expect((err as CatalogueError).kind).toBe('API_ERROR');
    expect((err as CatalogueError).detail).toMatch(/did not complete within 120 minutes/);
    expect(h.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 * 3600_000);
    expect(Math.max(...h.sleeps)).toBe(10 * 60_000);
    expect(h.li.counts().byKind.exportGet).toBeLessThan(25);
  });
});

describe('throttling and errors', () => {
  test('a 429 storm is retried with bounded, jittered exponential backoff', async () => {
    const h = await harness({}, { backoffBaseMs: 1000, backoffCapMs: 4000, random: () => 0.99 });
    h.li.failNext(4, { status: 429 });
    await expect(h.client.getAssociation('x')).resolves.toBeNull();
    expect(h.sleeps).toEqual([990, 1980, 3960, 3960]);
    expect(h.li.counts().byKind.association).toBe(5);
  });

  test('5xx beyond the retry budget is an API_ERROR with the status', async () => {
    const h = await harness({}, { maxRetries: 2 });
    h.li.failNext(10, { status: 503, body: '{"status":503,"message":"Service Unavailable"}' });
    const err = (await h.client.getAssociation('x').catch((e: unknown) => e)) as CatalogueError;
    expect(err.kind).toBe('API_ERROR');
    expect(err.status).toBe(503);
    expect(err.detail).toMatch(/HTTP 503 .*Service Unavailable/);
    expect(h.li.counts().byKind.association).toBe(3);
  });

  test('the daily limit stops at once until midnight UTC', async () => {
    const h = await harness();
    h.li.setDailyLimit(true);
    const err = (await h.client.exportValidation({ since: 0 }).catch((e: unknown) => e)) as LinkedInDailyLimitError;
    expect(err).toBeInstanceOf(LinkedInDailyLimitError);
    expect(err.kind).toBe('API_ERROR');
    expect(err.resumeAt.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(h.li.counts().byKind.exportCreate).toBe(1);
    expect(h.sleeps).toEqual([]);
  });

  test('a 429 that never ends is reported as the daily limit after the retry budget', async () => {
    const h = await harness({}, { maxRetries: 3 });
    h.li.failNext(100, { status: 429 });
    const err = await h.client.getAssociation('x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LinkedInDailyLimitError);
    expect(h.li.counts().byKind.association).toBe(4);
  });

  test('missing permission maps to LINKEDIN_ACCESS with the service error', async () => {
    const h = await harness();
    h.li.denyScope(true);
    const err = (await h.client.getAssociations(['a']).catch((e: unknown) => e)) as CatalogueError;
    expect(err.kind).toBe('LINKEDIN_ACCESS');
    expect(err.detail).toMatch(/ACCESS_DENIED 100 Not enough permissions/);
  });

  test('connection refused maps to LINKEDIN_CONNECT_FAILED', async () => {
    const h = await harness({}, { maxRetries: 1 });
    const url = h.li.url;
    await h.li.close();
    const client = new SyncServicesSource({
      outbound: { allowLoopback: true },
      apiBaseUrl: `${url}/v2`,
      tokenUrl: `${url}/oauth/v2/accessToken`,
      clientId: 'x',
      clientSecret: 'y-secret',
      crmKey: 'SFDC',
      crmInstanceValue: '00D000000000001',
      partner: 'SFDC',
      associationInstanceId: '00D000000000001',
      maxRetries: 1,
      sleep: async () => undefined,
    });
    const err = (await client.getAssociation('a').catch((e: unknown) => e)) as CatalogueError;
    expect(err.kind).toBe('LINKEDIN_CONNECT_FAILED');
    expect(err.detail).toMatch(/ECONNREFUSED/);
  });
});

test('a server that never answers times out as LINKEDIN_CONNECT_FAILED', async () => {
  const { createServer } = await import('node:net');
  const sockets: import('node:net').Socket[] = [];
  const hung = createServer((sock) => sockets.push(sock));
  await new Promise<void>((r) => hung.listen(0, '127.0.0.1', () => r()));
  const { port } = hung.address() as { port: number };
  try {
    const client = new SyncServicesSource({
      outbound: { allowLoopback: true },
      apiBaseUrl: `http://127.0.0.1:${port}/v2`,
      tokenUrl: `http://127.0.0.1:${port}/oauth/v2/accessToken`,
      clientId: 'x',
      clientSecret: 'y-secret',
      crmKey: 'SFDC',
      crmInstanceValue: '00D000000000001',
      partner: 'SFDC',
      associationInstanceId: '00D000000000001',
      requestTimeoutMs: 200,
      maxRetries: 0,
    });
    const err = (await client.getAssociation('a').catch((e: unknown) => e)) as CatalogueError;
    expect(err.kind).toBe('LINKEDIN_CONNECT_FAILED');
    expect(err.detail).toBe('LinkedIn token request: ETIMEDOUT');
  } finally {
    sockets.forEach((s) => s.destroy());
    await new Promise<void>((r) => hung.close(() => r()));
  }
});

describe('Profile Associations', () => {
  const seeds = Array.from({ length: 180 }, (_, i) => ({
    recordId: `7e0db184-267b-e811-a95e-${String(i).padStart(12, '0')}`,
    member: `urn:li:person:m${i}`,
    profile: `https://www.linkedin.com/sales/profile/ACwAA${i},,?pathWildcard=ACwAA${i}`,
    ...(i % 3 === 0 ? {} : { profilePhoto: `https://media.licdn.com/p/${i}.jpg` }),
  }));

  test('single GET: found with and without photo, and not found', async () => {
    const h = await harness({ associations: seeds });
    const withPhoto = await h.client.getAssociation(seeds[1].recordId);
    expect(withPhoto).toEqual({
      recordId: seeds[1].recordId,
      memberUrn: 'urn:li:person:m1',
      profileUrl: seeds[1].profile,
      photoUrl: seeds[1].profilePhoto,
    });
    const noPhoto = await h.client.getAssociation(seeds[0].recordId);
    expect(noPhoto).not.toBeNull();
    expect(noPhoto).not.toHaveProperty('photoUrl');
    expect(await h.client.getAssociation('00000000-0000-0000-0000-000000000000')).toBeNull();
    expect([...h.li.seenInstances]).toEqual(['MS:contoso.crm4.dynamics.com']);
  });

  test('BATCH_GET is chunked by id count and URL length; results, 404s and duplicates handled', async () => {
    const h = await harness({ associations: seeds });
    const unknown = Array.from({ length: 70 }, (_, i) => `aaaaaaaa-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const ids = [...seeds.map((s) => s.recordId), ...unknown, seeds[0].recordId];
    const res = await h.client.getAssociations(ids);
    expect(res.found.size).toBe(180);
    expect(res.notFound.sort()).toEqual(unknown.sort());
    expect(res.failed.size).toBe(0);
    expect(res.found.get(seeds[3].recordId)?.photoUrl).toBeUndefined();
    expect(res.found.get(seeds[4].recordId)?.photoUrl).toBe(seeds[4].profilePhoto);
    // 250 distinct ids; each key is ~90 characters, so the 8,000-character URL limit (not the 100-id limit)
    // decides, and each request is filled up to it: as few requests as the limit allows.
    const batches = h.li.log.filter((l) => l.kind === 'associationBatch');
    const idsPer = batches.map((b) => (b.path.match(/recordId:/g) ?? []).length);
    expect(idsPer.reduce((a, b) => a + b, 0)).toBe(250);
    expect(Math.max(...idsPer)).toBeLessThan(100);
    const urls = batches.map((b) => b.path.length + h.li.url.length);
    expect(Math.max(...urls)).toBeLessThanOrEqual(8000);
    // Every key here is as long as the others (same instance, partner and id length).
    const perRequest = idsPer[0];
    const list = batches[0].path.slice(batches[0].path.indexOf('List('));
    const keyLength = (list.length - 'List()'.length - (perRequest - 1)) / perRequest;
    expect(urls[0] + keyLength + 1).toBeGreaterThan(8000);
    expect(batches.length).toBe(Math.ceil(250 / perRequest));
    expect(batches.every((b) => b.status === 200)).toBe(true);
  });
});

describe('hygiene', () => {
  test('no credential, token or signed URL appears in any log line', async () => {
    const h = await harness({ pollsUntilComplete: 1 });
    const exp = await h.client.exportValidation({ since: 0 });
    await collect(exp.items());
    h.li.expireTokens();
    await h.client.getAssociation('x');
    expect(h.logs.length).toBeGreaterThan(5);
    const all = h.logs.join('\n');
    expect(all).not.toContain(h.li.clientSecret);
    expect(all).not.toMatch(/AQV[A-Za-z0-9_-]{20,}/); // the double's tokens
    expect(all).not.toMatch(/x-li-ambry-ep=(?!\*\*\*)/);
    expect(all).toContain('x-li-ambry-ep=***');
  });

  test('the clients were pointed only at 127.0.0.1', async () => {
    const h = await harness();
    expect(h.client.endpoints().every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
    expect(guard.hosts.size).toBeGreaterThan(0);
    expect(nonLoopback(guard.hosts)).toEqual([]);
    expect([...h.li.peers].every((p) => p === '127.0.0.1' || p === '::ffff:127.0.0.1')).toBe(true);
  });
});
