// Bulk API 2.0 jobs under faults: a retried upload sends its rows again (a fresh body), a job that cannot be
// completed is aborted and reported, and a job an earlier run left behind is found and aborted by the next run.
// The final CRM state is compared with a fault-free run, as everywhere in the fault suite.
import { SalesforceGateway } from '../../src/crm/salesforce';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { snapshot, startEnv, smallWorld, type CrmSnapshot, type Env } from './harness';

const UNAVAILABLE = {
  status: 503,
  body: '[{"errorCode":"SERVER_UNAVAILABLE","message":"Service unavailable"}]',
  kinds: ['bulkUpload'],
};

describe('Bulk API 2.0 jobs under faults (salesforce)', () => {
  const data = smallWorld();
  let baseline: CrmSnapshot;
  let env: Env | null = null;

  /** Every person write of the run goes through Bulk API 2.0. */
  const bulkOnly = (e: Env) =>
    new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: e.salesforce.url,
      clientId: e.salesforce.clientId,
      clientSecret: e.salesforce.clientSecret,
      namespace: e.salesforce.ns,
      bulkPollIntervalMs: 5,
      bulkThreshold: 1,
      retry: { maxRetries: 3, minTimeoutMs: 5 },
    });

  beforeAll(async () => {
    const e = await startEnv(data);
    try {
      await runCycle(e.options('salesforce'));
      baseline = snapshot(e, 'salesforce');
    } finally {
      await e.cleanup();
    }
  });

  afterEach(async () => {
    await env?.cleanup();
    env = null;
  });

  const step = (r: RunReport, name: string) => r.steps.find((s) => s.name === name);
  const openJobs = (e: Env) =>
    e.salesforce
      .bulkJobs()
      .filter((j) => j.state === 'Open' || j.state === 'UploadComplete' || j.state === 'InProgress');

  test('the first upload of the job data fails: it is sent again with its rows, the run ends as the fault-free one', async () => {
    env = await startEnv(data);
    env.salesforce.failNext(1, UNAVAILABLE);
    const r = await runCycle(env.options('salesforce', { crm: bulkOnly(env) }));
    expect(r.ok).toBe(true);
    expect(step(r, 'validation')?.counts.applied).toBeGreaterThan(0);
    expect(env.salesforce.log.filter((l) => l.kind === 'bulkUpload' && l.status === 503)).toHaveLength(1);
    expect(openJobs(env)).toEqual([]);
    expect(snapshot(env, 'salesforce').people).toEqual(baseline.people);
  });

  test('an upload that keeps failing: the job is aborted and named in the report, nothing is left open; the next run completes', async () => {
    env = await startEnv(data);
    env.salesforce.failNext(20, UNAVAILABLE);
    const opts = env.options('salesforce', { crm: bulkOnly(env) });
    const first = await runCycle(opts);
    const v = step(first, 'validation');
    expect(v?.status).toBe('failed');
    const aborted = env.salesforce.bulkJobs().filter((j) => j.state === 'Aborted');
    expect(aborted.length).toBeGreaterThan(0);
    expect(aborted.some((j) => v?.error?.detail?.includes(j.id))).toBe(true);
    expect(v?.error?.detail).toMatch(/aborted/);
    expect(openJobs(env)).toEqual([]);
    expect((await opts.crm.readSettings()).exportCursor).toBeNull();
    env.salesforce.clearFaults();
    const next = await runCycle(opts);
    expect(next.ok).toBe(true);
    expect(snapshot(env, 'salesforce').people).toEqual(baseline.people);
  });

  test('a job an earlier run left open is found, aborted and reported by the next run', async () => {
    env = await startEnv(data);
    const sf = env.salesforce;
    const token = sf.issueToken();
    // What a run killed between opening a job and closing it leaves behind.
    const res = await fetch(`${sf.url}/services/data/v${sf.version}/jobs/ingest`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ object: 'Contact', operation: 'update', lineEnding: 'LF' }),
    });
    const left = (await res.json()) as { id: string };
    const r = await runCycle(env.options('salesforce'));
    expect(r.ok).toBe(true);
    expect(sf.bulkJobs().find((j) => j.id === left.id)?.state).toBe('Aborted');
    const reported = r.steps.flatMap((s) => s.problems).filter((p) => p.ref === left.id);
    expect(reported).toHaveLength(1);
    expect(reported[0].reason).toMatch(/left .*earlier run.*aborted/);
    expect(snapshot(env, 'salesforce').people).toEqual(baseline.people);
  });
});
