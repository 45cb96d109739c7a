// Two engine instances on one CRM connection at once (a CLI run while the schedule runs, two serve workers): the
// lease on the CRM's settings record lets exactly one apply; the other waits or refuses with a clear message. A
// lease left by a run that died expires and is taken over. The final CRM state is the fault-free run's.
import type { CrmGateway } from '../../src/crm/gateway';
import { DataverseGateway } from '../../src/crm/dataverse';
import { SalesforceGateway } from '../../src/crm/salesforce';
import { DV, SF } from '../../src/domain/crmSchema';
import { describeError } from '../../src/domain/errors';
import { LOCALES } from '../../src/domain/i18n/index';
import type { DemoCrm } from '../../src/demo/ids';
import { entraTokenProvider } from '../../src/sync/entraToken';
import { parseArgs } from '../../src/sync/cli';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { snapshot, startEnv, smallWorld, type CrmSnapshot, type Env } from './harness';

const CRMS: DemoCrm[] = ['salesforce', 'dataverse'];

/** Another engine instance: its own gateway (own connection, own token) on the same CRM. */
function otherEngine(env: Env, crm: DemoCrm): CrmGateway {
  if (crm === 'salesforce') {
    const sf = env.salesforce;
    return new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      namespace: sf.ns,
      bulkPollIntervalMs: 10,
    });
  }
  const dv = env.dataverse;
  return new DataverseGateway({
    outbound: { allowLoopback: true },
    url: dv.url,
    getToken: entraTokenProvider({
      outbound: { allowLoopback: true },
      tokenUrl: dv.tokenUrl,
      clientId: dv.clientId,
      clientSecret: dv.clientSecret,
      resource: dv.url,
    }),
    sleep: async () => undefined,
  });
}

/** The lease on the settings record, as the CRM holds it. */
function heldLease(env: Env, crm: DemoCrm): string | null {
  if (crm === 'salesforce') {
    const object = env.salesforce.f(SF.settings.object);
    return (env.salesforce.all(object)[0]?.[env.salesforce.f(SF.settings.runLease)] as string | null) ?? null;
  }
  return (env.dataverse.all(DV.settings.table)[0]?.[DV.settings.runLease] as string | null) ?? null;
}

/** Puts a lease on the settings record as a run elsewhere would have. */
function storeLease(env: Env, crm: DemoCrm, value: string): void {
  if (crm === 'salesforce') {
    const object = env.salesforce.f(SF.settings.object);
    const row = env.salesforce.all(object)[0];
    env.salesforce.edit(object, row.Id, { [env.salesforce.f(SF.settings.runLease)]: value });
  } else {
    const row = env.dataverse.all(DV.settings.table)[0];
    env.dataverse.edit(DV.settings.table, String(row[`${DV.settings.table}id`]), { [DV.settings.runLease]: value });
  }
}

const step = (r: RunReport, name: string) => r.steps.find((s) => s.name === name);
/** The run's validation step ran (partial: the demo export holds malformed rows on purpose, listed as problems). */
const applied = (r: RunReport) => ['ok', 'partial'].includes(step(r, 'validation')?.status ?? '');

describe.each(CRMS)('concurrent runs on one connection: %s', (crm) => {
  const data = smallWorld();
  let baseline: CrmSnapshot;
  let env: Env | null = null;

  beforeAll(async () => {
    const e = await startEnv(data);
    try {
      await runCycle(e.options(crm));
      baseline = snapshot(e, crm);
    } finally {
      await e.cleanup();
    }
  });

  afterEach(async () => {
    await env?.cleanup();
    env = null;
  });

  test('two runs started at once: exactly one applies, the other refuses with RUN_IN_PROGRESS and writes nothing', async () => {
    env = await startEnv(data);
    const [a, b] = await Promise.all([
      runCycle(env.options(crm)),
      runCycle(env.options(crm, { crm: otherEngine(env, crm) })),
    ]);
    expect([a, b].filter(applied)).toHaveLength(1);
    const refused = applied(a) ? b : a;
    expect(refused.ok).toBe(false);
    // Refused when taking the lease, or (Salesforce, where both may read it free and each read its own write back)
    // at the renewal before the next step: either way before anything is written.
    const lease = refused.steps.find((s) => s.name === 'lease' && s.status === 'failed');
    expect(lease?.status).toBe('failed');
    expect(lease?.error?.code).toBe('NS-RUN-007');
    expect(lease?.error?.message).toMatch(/Another NavSync run is already working on this CRM connection/);
    expect(lease?.error?.detail).toMatch(/held by run \S+ until \d{4}-|another run holds the lease now/);
    expect(step(refused, 'validation')?.status).toBe('skipped');
    expect(refused.requests.crmWrites).toBe(0);
    expect(snapshot(env, crm)).toEqual(baseline);
  });

  test('a run told to wait starts when the other has finished; both complete and the state is the fault-free one', async () => {
    env = await startEnv(data);
    const waiting = env.options(crm, { crm: otherEngine(env, crm), lease: { waitMs: 60_000, pollMs: 20 } });
    // The other run starts once the first holds the lease (started at once, either may take it first).
    const first = runCycle(env.options(crm));
    for (let i = 0; i < 500 && !heldLease(env, crm); i++) await new Promise((r) => setTimeout(r, 5));
    const [a, b] = await Promise.all([first, runCycle(waiting)]);
    expect(a.ok && b.ok).toBe(true);
    expect(step(a, 'lease')?.status).toBe('ok');
    expect(step(b, 'lease')?.status).toBe('ok');
    // It ran after the other had applied and saved the cursor: nothing was left for it to change.
    expect(step(b, 'validation')?.counts.applied).toBe(0);
    expect(step(a, 'validation')?.counts.applied).toBeGreaterThan(0);
    expect(snapshot(env, crm)).toEqual(baseline);
  });

  test('a lease held elsewhere: refused at once; once it has expired (the run died) it is taken over', async () => {
    env = await startEnv(data);
    storeLease(env, crm, `another-run|${new Date(Date.now() + 3_600_000).toISOString()}`);
    const refused = await runCycle(env.options(crm));
    expect(step(refused, 'lease')?.error?.kind).toBe('RUN_IN_PROGRESS');
    expect(refused.requests.crmWrites).toBe(0);
    storeLease(env, crm, `another-run|${new Date(Date.now() - 60_000).toISOString()}`);
    const next = await runCycle(env.options(crm));
    expect(next.ok).toBe(true);
    expect(await env.options(crm).crm.readRunLease()).toBeNull();
    expect(snapshot(env, crm)).toEqual(baseline);
  });
});

test('the refusal is in the error catalogue in every language, with a code and a remedy', () => {
  const texts = LOCALES.map((l) => describeError('RUN_IN_PROGRESS', l));
  for (const t of texts) {
    expect(t.code).toBe('NS-RUN-007');
    expect(t.message.length).toBeGreaterThan(20);
    expect(t.remedy).toMatch(/--wait/);
  }
  expect(new Set(texts.map((t) => t.message)).size).toBe(LOCALES.length);
});

test('navsync --wait <minutes> lets a run wait for the lease instead of refusing; a bad value is refused', () => {
  expect(parseArgs(['sync', '--wait', '15']).waitMinutes).toBe(15);
  expect(parseArgs(['sync']).waitMinutes).toBeUndefined();
  expect(() => parseArgs(['sync', '--wait', 'soon'])).toThrow(/--wait needs a number of minutes/);
});
