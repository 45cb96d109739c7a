// 429 storms from every API while the engine's requests run side by side: the CRM and LinkedIn doubles sit behind
// the latency model (doubles/latency.ts) with the platforms' documented limits, storms of throttling answers are
// injected on the reads and writes of both platforms, and the run must end in the fault-free state (nothing lost,
// nothing doubled) without any request refused by a concurrency limit.
import { DataverseGateway } from '../../src/crm/dataverse';
import type { CrmGateway } from '../../src/crm/gateway';
import { SalesforceGateway } from '../../src/crm/salesforce';
import type { DemoCrm } from '../../src/demo/ids';
import { LatencyProxy, defaultModel } from '../../src/doubles/latency';
import { SyncServicesSource } from '../../src/linkedin/syncServices';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { entraTokenProvider } from '../../src/sync/entraToken';
import { crmDouble, snapshot, smallWorld, startEnv, type CrmSnapshot, type Env } from './harness';

jest.setTimeout(120_000);

/** Throttling answers in a row per storm: as many as the clients retry one request (5), so a request that meets a
 * whole storm alone still gets through, and requests side by side share it. */
const STORM = 5;
const statuses = (r: RunReport) => Object.fromEntries(r.steps.map((s) => [s.name, s.status]));
const TOO_MANY = '{"status":429,"message":"Too many requests"}';

describe.each(['salesforce', 'dataverse'] as DemoCrm[])('429 storms with requests side by side: %s', (crm) => {
  const data = smallWorld();
  let baseline: CrmSnapshot;
  let baselineStatus: Record<string, string>;
  const envs: Env[] = [];
  const proxies: LatencyProxy[] = [];

  beforeAll(async () => {
    const e = await startEnv(data);
    envs.push(e);
    baselineStatus = statuses(await runCycle(e.options(crm)));
    baseline = snapshot(e, crm);
  });

  afterAll(async () => {
    await Promise.all(proxies.map((p) => p.close()));
    await Promise.all(envs.map((e) => e.cleanup()));
  });

  test('throttled reads, writes and lookups are retried within the limits: the same final state as without faults', async () => {
    const e = await startEnv(data);
    envs.push(e);
    // A few milliseconds per CRM request, so requests overlap as they do at real latency; LinkedIn's take longer
    // than the client's spacing of its starts under its rate (50 ms at 20 a second), so they overlap too.
    const crmProxy = await LatencyProxy.start(crmDouble(e, crm), crm, defaultModel(crm, 5, 0));
    const liProxy = await LatencyProxy.start(e.linkedin[crm], 'linkedin', defaultModel('linkedin', 120, 0));
    proxies.push(crmProxy, liProxy);
    const base = e.options(crm);
    const li = e.linkedin[crm];
    const linkedin = new SyncServicesSource({
      outbound: { allowLoopback: true },
      apiBaseUrl: liProxy.to(li.apiBaseUrl),
      tokenUrl: liProxy.to(li.tokenUrl),
      clientId: li.clientId,
      clientSecret: li.clientSecret,
      crmKey: crm === 'salesforce' ? 'SFDC' : 'DYNAMICS',
      crmInstanceValue: crm === 'salesforce' ? e.salesforce.orgId : e.dataverse.organizationId,
      partner: crm === 'salesforce' ? 'SFDC' : 'MS',
      associationInstanceId: crm === 'salesforce' ? e.salesforce.orgId : new URL(e.dataverse.url).host,
      pollIntervalMs: 10,
      backoffBaseMs: 5,
      backoffCapMs: 50,
      // Look-ups one record per batch: many batches, side by side.
      batchMaxIds: 5,
    });
    let gateway: CrmGateway;
    if (crm === 'salesforce') {
      const sf = e.salesforce;
      gateway = new SalesforceGateway({
        outbound: { allowLoopback: true },
        instanceUrl: crmProxy.url,
        clientId: sf.clientId,
        clientSecret: sf.clientSecret,
        namespace: sf.ns,
        bulkPollIntervalMs: 10,
        retry: { minTimeoutMs: 5 },
      });
      // Salesforce throttles reads with 429 on some edges (jsforce retries them); its own limit answer is a 403
      // that must never come: the proxy would send it if the engine went over the concurrency limit.
      sf.failNext(STORM, {
        status: 429,
        body: '[{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":"Too many requests"}]',
        kinds: ['query'],
      });
    } else {
      const dv = e.dataverse;
      gateway = new DataverseGateway({
        outbound: { allowLoopback: true },
        url: crmProxy.url,
        getToken: entraTokenProvider({
          outbound: { allowLoopback: true },
          tokenUrl: crmProxy.to(dv.tokenUrl),
          clientId: dv.clientId,
          clientSecret: dv.clientSecret,
          resource: crmProxy.url,
        }),
        sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))),
      });
      const body = JSON.stringify({
        error: {
          code: '0x80072322',
          message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
        },
      });
      dv.failNext(STORM, { status: 429, body, headers: { 'Retry-After': '1' }, kinds: ['query', 'fetchXml'] });
      dv.failNext(STORM, { status: 429, body, headers: { 'Retry-After': '1' }, kinds: ['batch'] });
    }
    li.failNext(STORM, { status: 429, body: TOO_MANY, kinds: ['associationBatch'] });
    li.failNext(STORM, { status: 429, body: TOO_MANY, kinds: ['exportGet'] });

    const r = await runCycle({ ...base, crm: gateway, linkedin });
    expect(statuses(r)).toEqual(baselineStatus);
    // The storms happened, on both platforms …
    expect(crmDouble(e, crm).log.filter((l) => l.status === 429)).toHaveLength(
      crm === 'salesforce' ? STORM : 2 * STORM,
    );
    expect(li.log.filter((l) => l.status === 429)).toHaveLength(2 * STORM);
    // … while requests ran side by side, never over a platform's limit …
    expect(crmProxy.stats.maxInFlight).toBeGreaterThan(1);
    expect(liProxy.stats.maxInFlight).toBeGreaterThan(1);
    expect(crmProxy.stats.refused).toEqual({});
    expect(liProxy.stats.refused).toEqual({});
    // … and the CRM ends exactly as after the fault-free run.
    const s = snapshot(e, crm);
    expect(s.doubledActivities).toEqual([]);
    expect(s.activities).toEqual(baseline.activities);
    expect(s.people).toEqual(baseline.people);
  });
});

test('Salesforce reading in bulk (the seat holders’ people for validation, the associations’ scope): 429 storms on the query jobs change nothing', async () => {
  const data = smallWorld();
  // Query pages of 25 records: the world's reads are large ones.
  const base = await startEnv(data, { salesforceQueryPageSize: 25 });
  const e = await startEnv(data, { salesforceQueryPageSize: 25 });
  const proxies: LatencyProxy[] = [];
  try {
    // Queries above 20 records through Bulk API 2.0 query jobs, and validation reading the holders' people at once.
    const bulkOpts = (env: Env, url: string): CrmGateway =>
      new SalesforceGateway({
        outbound: { allowLoopback: true },
        instanceUrl: url,
        clientId: env.salesforce.clientId,
        clientSecret: env.salesforce.clientSecret,
        namespace: env.salesforce.ns,
        bulkPollIntervalMs: 10,
        bulkQueryThreshold: 20,
        bulkQueryMaxRecords: 30,
        retry: { minTimeoutMs: 5 },
      });
    const fine = await runCycle({
      ...base.options('salesforce'),
      crm: bulkOpts(base, base.salesforce.url),
      validationBulkFrom: 1,
    });
    const baseline = snapshot(base, 'salesforce');
    const crmProxy = await LatencyProxy.start(e.salesforce, 'salesforce', defaultModel('salesforce', 5, 0));
    proxies.push(crmProxy);
    const body = '[{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":"Too many requests"}]';
    for (const kind of ['bulkQueryCreate', 'bulkQueryPoll', 'bulkQueryResults'])
      e.salesforce.failNext(STORM, { status: 429, body, kinds: [kind] });
    const r = await runCycle({
      ...e.options('salesforce'),
      crm: bulkOpts(e, crmProxy.url),
      validationBulkFrom: 1,
    });
    expect(statuses(r)).toEqual(statuses(fine));
    expect(e.salesforce.log.filter((l) => l.status === 429)).toHaveLength(3 * STORM);
    expect(e.salesforce.counts().byKind.bulkQueryCreate).toBeGreaterThanOrEqual(2);
    expect(crmProxy.stats.refused).toEqual({});
    const s = snapshot(e, 'salesforce');
    expect(s.doubledActivities).toEqual([]);
    expect(s.activities).toEqual(baseline.activities);
    expect(s.people).toEqual(baseline.people);
  } finally {
    await Promise.all(proxies.map((p) => p.close()));
    await base.cleanup();
    await e.cleanup();
  }
});
