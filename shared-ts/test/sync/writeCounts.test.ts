import { SalesforceGateway } from '../../src/crm/salesforce';
import type { PersonUpdate } from '../../src/crm/gateway';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { Writes } from '../../src/sync/context';
import { runCycle } from '../../src/sync/engine';
import { summarize } from '../../src/sync/report';
import { startEnv, smallWorld } from '../faults/harness';
import { guardLoopback } from '../doubles/loopbackGuard';

const guard = guardLoopback();
afterAll(() => guard.restore());

test("a write's requests are counted against the minimum without the reads other steps send beside it", async () => {
  const sf = await SalesforceDouble.start();
  try {
    const ids = Array.from({ length: 300 }, (_, i) => sf.insert('Contact', { LastName: `Rossi ${i}` }).Id);
    const crm = new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      bulkThreshold: 1000,
    });
    await crm.checkConnection();
    const writes = new Writes(crm, false);
    const updates: PersonUpdate[] = ids.map((id) => ({
      id,
      kind: 'contact',
      fields: { syncedAt: '2026-12-01T00:00:00.000Z' },
    }));
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        for await (const page of crm.people({ kind: 'contact', ids: ids.slice(0, 10) })) reads += page.length ? 1 : 0;
      }
    })();
    const before = crm.requestCounts().total;
    const result = await writes.people('associations', updates);
    writing = false;
    await reader;
    expect(result.succeeded).toHaveLength(300);
    expect(reads).toBeGreaterThan(0);
    // Two sObject Collections calls of 200 and 100: the minimum, though the client sent more meanwhile.
    expect(writes.minimum).toBe(2);
    expect(writes.requests).toBe(2);
    expect(crm.requestCounts().total - before).toBeGreaterThan(2);
  } finally {
    await sf.close();
  }
});

describe('the minimum of a Salesforce Bulk write follows the bytes of its CSV', () => {
  let sf: SalesforceDouble;
  beforeEach(async () => {
    sf = await SalesforceDouble.start();
  });
  afterEach(() => sf.close());

  /** Writes above 100 records go through Bulk API 2.0; `maxUploadBytes`: raw CSV bytes per upload. */
  async function write(count: number, maxUploadBytes?: number) {
    const ids = Array.from({ length: count }, (_, i) => sf.insert('Contact', { LastName: `Bruni ${i}` }).Id);
    const crm = new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      bulkThreshold: 100,
      bulkPollIntervalMs: 5,
      retry: { maxRetries: 2, minTimeoutMs: 5 },
      ...(maxUploadBytes ? { bulkMaxUploadBytes: maxUploadBytes } : {}),
    });
    await crm.checkConnection();
    const before = sf.bulkJobs().length;
    const writes = new Writes(crm, false);
    const result = await writes.people(
      'associations',
      ids.map((id) => ({ id, kind: 'contact', fields: { syncedAt: '2026-12-01T00:00:00.000Z' } }) as PersonUpdate),
    );
    expect(result.succeeded).toHaveLength(count);
    const jobs = sf.bulkJobs().slice(before);
    // The write's CSV as one file: one header line and every job's rows.
    const header = Buffer.byteLength(jobs[0].csv.slice(0, jobs[0].csv.indexOf('\n') + 1));
    const bytes = header + jobs.reduce((sum, j) => sum + Buffer.byteLength(j.csv) - header, 0);
    return { writes, jobs, bytes };
  }

  test('a write larger than one upload: 4 requests per job its bytes need, and it is written with exactly that many', async () => {
    const { writes, jobs, bytes } = await write(300, 3000);
    expect(jobs.length).toBeGreaterThan(1);
    expect(jobs.length).toBe(Math.ceil(bytes / 3000));
    expect(writes.minimum).toBe(4 * jobs.length);
    expect(writes.requests).toBe(4 * jobs.length);
    expect(writes.bySteps.associations).toEqual({
      records: 300,
      bytes,
      requests: 4 * jobs.length,
      minimum: 4 * jobs.length,
    });
  });

  test('a write under the limit: one job, minimum 4', async () => {
    const { writes, jobs, bytes } = await write(300);
    expect(jobs).toHaveLength(1);
    expect(writes.minimum).toBe(4);
    expect(writes.requests).toBe(4);
    expect(writes.bySteps.associations).toMatchObject({ bytes, minimum: 4 });
  });

  test('an upload sent again after a failure counts its bytes once: the minimum stays, the retry is the only extra request', async () => {
    sf.failNext(1, {
      status: 503,
      body: '[{"errorCode":"SERVER_UNAVAILABLE","message":"Service unavailable"}]',
      kinds: ['bulkUpload'],
    });
    const { writes, jobs, bytes } = await write(300, 3000);
    expect(sf.log.filter((l) => l.kind === 'bulkUpload' && l.status === 503)).toHaveLength(1);
    expect(writes.minimum).toBe(4 * jobs.length);
    expect(writes.requests).toBe(4 * jobs.length + 1);
    expect(writes.bySteps.associations?.bytes).toBe(bytes);
  });
});

test('a whole cycle on Salesforce reports, beside its write requests, the minimum its Bulk uploads need at the size limit', async () => {
  const env = await startEnv(smallWorld());
  try {
    const limit = 4000;
    const crm = new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: env.salesforce.url,
      clientId: env.salesforce.clientId,
      clientSecret: env.salesforce.clientSecret,
      namespace: env.salesforce.ns,
      bulkPollIntervalMs: 5,
      bulkThreshold: 1,
      bulkMaxUploadBytes: limit,
    });
    const before = env.salesforce.bulkJobs().length;
    const r = await runCycle(env.options('salesforce', { crm }));
    expect(r.ok).toBe(true);
    const jobs = env.salesforce.bulkJobs().length - before;
    const steps = Object.values(r.details.writes);
    // Each step's writes are measured by the bytes they sent: at least one job per `limit` bytes.
    for (const s of steps) expect(s.minimum).toBeGreaterThanOrEqual(4 * Math.ceil(s.bytes / limit));
    expect(steps.length).toBeGreaterThan(2);
    expect(r.requests.crmWriteMinimum).toBe(steps.reduce((sum, s) => sum + s.minimum, 0));
    expect(r.requests.crmWrites).toBe(steps.reduce((sum, s) => sum + s.requests, 0));
    // A lower bound of what the engine did (4 requests per job, a few more for its odd rows), and close to it:
    // uploads of a few kilobytes leave a row's worth of room unused now and then, where 100 MiB ones would not.
    expect(r.requests.crmWriteMinimum).toBeLessThanOrEqual(4 * jobs);
    expect(4 * jobs).toBeLessThanOrEqual(r.requests.crmWrites);
    expect(r.requests.crmWrites).toBeLessThanOrEqual(1.1 * r.requests.crmWriteMinimum);
    expect(summarize(r)).toContain(`(writes ${r.requests.crmWrites}, platform minimum ${r.requests.crmWriteMinimum})`);
  } finally {
    await env.cleanup();
  }
});
