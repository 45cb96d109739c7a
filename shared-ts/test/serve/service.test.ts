import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SF } from '../../src/domain/crmSchema';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { loadServeSettings } from '../../src/serve/config';
import { ServeHttp, tokenMatches } from '../../src/serve/http';
import { ServeService } from '../../src/serve/service';
import { Store } from '../../src/serve/store';
import { demoEnvironmentPerTest } from '../sync/demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 12, peoplePerAccount: 3, leads: 10 });
const TOKEN = 'test-serve-token-0123456789';
let env: DemoEnvironment;
let dir: string;

demoEnvironmentPerTest(data, 'navsync-serve-', (e, d) => {
  env = e;
  dir = d;
});

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let at = Date.parse(start);
  return { now: () => at, set: (iso: string) => (at = Date.parse(iso)), testStart: start };
}

function configFile(serve: Record<string, unknown> = {}): string {
  const li = env.linkedin.salesforce;
  const file = join(dir, 'navsync.json');
  writeFileSync(
    file,
    JSON.stringify({
      crm: 'salesforce',
      allowLoopback: true,
      salesforce: { instanceUrl: env.salesforce.url, namespace: env.salesforce.ns },
      linkedin: {
        source: 'api',
        apiBaseUrl: li.apiBaseUrl,
        tokenUrl: li.tokenUrl,
        crmInstanceValue: env.salesforce.orgId,
        pollIntervalMs: 10,
      },
      outDir: join(dir, 'autosave'),
      serve: { database: 'state.db', schedule: '0 3 * * *', timezone: 'UTC', ...serve },
    }),
  );
  return file;
}

function vars(secret = env.salesforce.clientSecret): NodeJS.ProcessEnv {
  return {
    NAVSYNC_SF_CLIENT_ID: env.salesforce.clientId,
    NAVSYNC_SF_CLIENT_SECRET: secret,
    NAVSYNC_LINKEDIN_CLIENT_ID: env.linkedin.salesforce.clientId,
    NAVSYNC_LINKEDIN_CLIENT_SECRET: env.linkedin.salesforce.clientSecret,
  };
}

const started: Running[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) await s.stop();
});

interface Running {
  service: ServeService;
  store: Store;
  url: string;
  stop(): Promise<void>;
}

async function start(
  clock: ReturnType<typeof manualClock>,
  e: NodeJS.ProcessEnv = vars(),
  serve: Record<string, unknown> = {},
): Promise<Running> {
  const settings = loadServeSettings(configFile(serve));
  const store = new Store(settings.database);
  const service = new ServeService(settings, store, clock, e, () => undefined);
  const http = new ServeHttp(service, TOKEN);
  const url = await http.listen('127.0.0.1', 0);
  await service.start();
  let stopped = false;
  const r: Running = {
    service,
    store,
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      const closing = http.close();
      await service.stop();
      await closing;
      await store.close();
    },
  };
  started.push(r);
  return r;
}

// Activities the write-back rules write (resolved to a person; not opted out; calls only from the mobile app).
const optedOut = (a: (typeof data.inbox)[number]) =>
  data.users.some((u) => u.email === a.seatHolder && u.writeBackOptOut.includes(a.kind));
const writable = data.inbox.filter(
  (a) => a.expectedPersonKey && !a.optOut && !optedOut(a) && (a.kind !== 'call' || a.channel === 'mobile'),
);
const activity = (i: number) => {
  const { expectedPersonKey: _x, ...line } = writable[i];
  return line;
};
const post = (url: string, body: unknown, token = TOKEN) =>
  fetch(`${url}/activities`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const tasksWithKey = (key: string) =>
  env.salesforce.all('Task').filter((t) => t[env.salesforce.f(SF.task.activityKey)] === key);

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('navsync serve', () => {
  test('a new connection waits for its first slot; the slot runs once, also across a restart', async () => {
    const clock = manualClock('2026-03-02T02:59:00Z');
    let s = await start(clock);
    s.service.poke();
    await new Promise((r) => setTimeout(r, 100));
    expect(await s.store.recentRuns(10)).toHaveLength(0);
    clock.set('2026-03-02T03:00:01Z');
    s.service.poke();
    await until(async () => (await s.store.recentRuns(10)).some((r) => r.state !== 'running'));
    const [run] = await s.store.recentRuns(10);
    // The demo export holds bad rows on purpose: validation lists them, so the run is partial, never a clean OK.
    expect(run).toMatchObject({ trigger: 'schedule', slot: '2026-03-02T03:00:00.000Z', state: 'partial' });
    await s.stop();

    s = await start(clock);
    s.service.poke();
    await new Promise((r) => setTimeout(r, 200));
    expect(await s.store.recentRuns(10)).toHaveLength(1);
    const status = (await (await fetch(`${s.url}/status.json`)).json()) as {
      connections: { lastSynced: string; nextRun: string; lastRun: { steps: { name: string; status: string }[] } }[];
    };
    expect(status.connections[0].nextRun).toBe('2026-03-03T03:00:00.000Z');
    expect(status.connections[0].lastSynced).toBe(run.finishedAt ?? 'x');
    const steps = status.connections[0].lastRun.steps;
    // Every step of the cycle ran; validation lists the demo export's bad rows; a step with nothing to do is skipped.
    expect(steps.filter((x) => x.status === 'failed')).toEqual([]);
    expect(steps.find((x) => x.name === 'validation')?.status).toBe('partial');
    expect(steps.filter((x) => x.name !== 'validation' && x.status === 'partial')).toEqual([]);
    expect(steps[steps.length - 1]).toMatchObject({ name: 'status', status: 'ok' });
    const runs = (await (await fetch(`${s.url}/runs`)).json()) as { runs: { id: number }[] };
    expect(runs.runs.map((r) => r.id)).toEqual([run.id]);
    const one = (await (await fetch(`${s.url}/runs/${run.id}`)).json()) as { report: { steps: unknown[] } };
    expect(one.report.steps).toHaveLength(steps.length);
    await s.stop();
  });

  test('activities: token required, bad input refused with every field error, stored, written once by the next run', async () => {
    const clock = manualClock('2026-03-02T10:00:00Z');
    const s = await start(clock);
    expect((await post(s.url, activity(0), 'wrong-token')).status).toBe(401);
    const bad = await post(s.url, [activity(0), { kind: 'fax', time: 'yesterday' }]);
    expect(bad.status).toBe(422);
    const errors = ((await bad.json()) as { errors: { index: number; field: string }[] }).errors;
    expect(errors.map((e) => `${e.index}:${e.field}`)).toEqual(['1:id', '1:kind', '1:seatHolder', '1:time', '1:name']);
    expect(await s.store.pendingCount('default')).toBe(0); // all or none

    const ok = await post(s.url, { activities: [activity(0), activity(1)] });
    expect(ok.status).toBe(202);
    const { keys } = (await ok.json()) as { keys: string[] };
    expect(await (await post(s.url, activity(0))).json()).toMatchObject({ accepted: 0, duplicates: 1 });
    expect(await s.store.pendingCount('default')).toBe(2);

    const runNow = await fetch(`${s.url}/run`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(runNow.status).toBe(202);
    await s.service.settled('default');
    for (const key of keys) expect(tasksWithKey(key)).toHaveLength(1);
    expect(await s.store.pendingCount('default')).toBe(0);

    // The same activities again: acknowledged as duplicates, nothing new written.
    expect(await (await post(s.url, [activity(0), activity(1)])).json()).toMatchObject({ accepted: 0, duplicates: 2 });
    await fetch(`${s.url}/run`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}` } });
    await s.service.settled('default');
    for (const key of keys) expect(tasksWithKey(key)).toHaveLength(1);
    await s.stop();
  });

  test('a run cut short by a stop is taken up by the next start; queued activities survive it', async () => {
    const clock = manualClock('2026-03-02T10:00:00Z');
    let s = await start(clock, vars(), { stopGraceSeconds: 0 });
    await post(s.url, activity(2));
    const r = await s.service.runNow('default');
    expect(r?.started).toBe(true);
    const cut = s.service.settled('default');
    await s.stop(); // grace 0: the run is left interrupted
    // the cut-off run ends in this test process (a real process exits); its late result is not recorded
    await cut;

    s = await start(clock);
    await until(async () => (await s.store.run(r?.run?.id ?? 0))?.state === 'partial');
    expect((await s.store.run(r?.run?.id ?? 0))?.attempts).toBe(2);
    expect(await s.store.pendingCount('default')).toBe(0);
    await s.stop();
  });

  test('the status page shows a failed run with the catalogue code and remedy, localized and escaped', async () => {
    const clock = manualClock('2026-03-02T10:00:00Z');
    const s = await start(clock, vars('not-the-secret'));
    await s.service.runNow('default');
    await s.service.settled('default');
    const html = await (await fetch(`${s.url}/?lang=de`)).text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('NavSync-Status');
    expect(html).toMatch(/data-code="NS-[A-Z]+-\d{3}"/);
    expect(html).toContain('Was zu tun ist');
    expect(html).not.toContain('not-the-secret');
    const j = (await (await fetch(`${s.url}/status.json`)).json()) as {
      connections: { lastRun: { state: string; steps: { error?: { code: string; remedy: string } }[] } }[];
    };
    expect(j.connections[0].lastRun.state).toBe('failed');
    expect(j.connections[0].lastRun.steps[0].error?.remedy).toBeTruthy();
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    await s.stop();
  });

  test('token comparison', () => {
    expect(tokenMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(tokenMatches(`Bearer ${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
    expect(tokenMatches('Bearer ', '')).toBe(false);
  });
});
