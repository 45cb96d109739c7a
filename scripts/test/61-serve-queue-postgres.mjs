// `navsync serve --queue postgres://…`: two processes share ten connections through pg-boss on a real PostgreSQL
// server that this step starts itself (Debian's postgresql package: installed with apt-get when run as root,
// otherwise a clear message). The 03:00 slot of every connection runs exactly once although both processes
// schedule it; one process is killed (SIGKILL) in the middle of a cycle and the other takes its run over; the
// activities posted to the killed process reach the CRM double once.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChecks, writeResult } from '../lib/results.mjs';
import { root } from '../lib/proc.mjs';
import { serveStatus, startServe, until, writableActivities } from '../lib/serve.mjs';

const dist = join(root, 'shared-ts', 'dist');
const { startDemoEnvironment } = await import(join(dist, 'demo', 'environment.js'));
const { generateDemoData } = await import(join(dist, 'demo', 'dataset.js'));
const { SF } = await import(join(dist, 'domain', 'crmSchema.js'));

const CONNECTIONS = 10;
// A cycle that ran to its end; "partial": the demo export holds malformed rows on purpose (reported, skipped).
const COMPLETED = ['ok', 'partial'];
const SLOT = '2026-03-02T03:00:00.000Z';
const isRoot = process.getuid?.() === 0;

/** initdb of Debian's postgresql package (or on PATH); installed when missing and allowed. */
function findInitdb() {
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    for (const v of readdirSync(base).sort().reverse())
      if (existsSync(join(base, v, 'bin', 'initdb'))) return join(base, v, 'bin');
  }
  const w = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  return w.status === 0 ? join(w.stdout.trim(), '..') : null;
}

function ensurePostgres() {
  let bin = findInitdb();
  if (bin) return bin;
  if (!isRoot) {
    throw new Error(
      'PostgreSQL is not installed: install Debian\'s "postgresql" package (sudo apt-get install postgresql) or run the tests as root, which installs it',
    );
  }
  console.log('  installing postgresql with apt-get …');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'postgresql'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  bin = findInitdb();
  if (!bin) throw new Error('postgresql was installed but initdb was not found');
  return bin;
}

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// PostgreSQL refuses to run as root: as root the server runs as the package's unprivileged "postgres" user.
const asServerUser = (bin, args) => (isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]);

const dir = mkdtempSync(join(tmpdir(), 'navsync-queue-'));
chmodSync(dir, 0o755);
let pgBin;
let pgData;
let queueUrl;
const envs = [];
const workers = [];

async function startPostgres() {
  pgBin = ensurePostgres();
  pgData = join(dir, 'pg');
  mkdirSync(pgData);
  if (isRoot)
    chownSync(
      pgData,
      Number(execFileSync('id', ['-u', 'postgres']).toString()),
      Number(execFileSync('id', ['-g', 'postgres']).toString()),
    );
  const [c1, a1] = asServerUser(join(pgBin, 'initdb'), [
    '-D',
    pgData,
    '-A',
    'trust',
    '-U',
    'navsync',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  execFileSync(c1, a1, { stdio: 'pipe' });
  const port = await freePort();
  const opts = `-p ${port} -k ${pgData} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const [c2, a2] = asServerUser(join(pgBin, 'pg_ctl'), [
    '-D',
    pgData,
    '-o',
    opts,
    '-l',
    join(pgData, 'server.log'),
    '-w',
    'start',
  ]);
  execFileSync(c2, a2, { stdio: 'pipe' });
  queueUrl = `postgres://navsync@127.0.0.1:${port}/postgres`;
}

function stopPostgres() {
  if (!pgData || !existsSync(join(pgData, 'postmaster.pid'))) return;
  const [c, a] = asServerUser(join(pgBin, 'pg_ctl'), ['-D', pgData, '-m', 'immediate', 'stop']);
  spawnSync(c, a, { stdio: 'ignore' });
}

/** Start one `navsync serve --queue` process. */
async function worker(name, config) {
  const w = await startServe(
    name,
    ['--config', config, '--queue', queueUrl, '--database', join(dir, name, 'state.db')],
    {
      cwd: dir,
      env: {
        ...process.env,
        NAVSYNC_TEST_CLOCK: '2026-03-02T02:59:57Z',
        NAVSYNC_SERVE_TOKEN: 'queue-test-token-0123456789',
      },
    },
  );
  workers.push(w);
  return w;
}

const status = serveStatus;

let a;
let b;
let config;
let keys = [];
let killedRuns = [];
const data = generateDemoData({ accounts: 4, peoplePerAccount: 2, leads: 2 });

const ok = await runChecks([
  [
    'a PostgreSQL server of our own on loopback (initdb, pg_ctl as an unprivileged user)',
    async () => {
      await startPostgres();
    },
  ],
  [
    'two navsync serve processes with ten connections on one queue',
    async () => {
      const connections = {};
      for (let i = 1; i <= CONNECTIONS; i++) {
        const name = `c${String(i).padStart(2, '0')}`;
        const env = await startDemoEnvironment({ dir: join(dir, name), data });
        envs.push(env);
        const li = env.linkedin.salesforce;
        const cred = join(dir, `${name}.credentials.json`);
        writeFileSync(
          cred,
          JSON.stringify({
            NAVSYNC_SF_CLIENT_ID: env.salesforce.clientId,
            NAVSYNC_SF_CLIENT_SECRET: env.salesforce.clientSecret,
            NAVSYNC_LINKEDIN_CLIENT_ID: li.clientId,
            NAVSYNC_LINKEDIN_CLIENT_SECRET: li.clientSecret,
          }),
          { mode: 0o600 },
        );
        writeFileSync(
          join(dir, `${name}.json`),
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
            outDir: join(dir, name, 'autosave'),
            credentialsFile: cred,
          }),
        );
        connections[name] = `${name}.json`;
      }
      config = join(dir, 'serve.json');
      writeFileSync(
        config,
        JSON.stringify({
          serve: {
            listen: '127.0.0.1:0',
            schedule: '0 3 * * *',
            timezone: 'UTC',
            connections,
            queue: {
              concurrency: 2,
              expireInSeconds: 4,
              leaseSeconds: 2,
              retryLimit: 30,
              retryDelaySeconds: 1,
              maintenanceIntervalSeconds: 1,
              pollingIntervalSeconds: 0.5,
            },
          },
        }),
      );
      for (const n of ['a', 'b']) mkdirSync(join(dir, n));
      [a, b] = await Promise.all([worker('a', config), worker('b', config)]);
    },
  ],
  [
    'activities posted to process a are stored in PostgreSQL before the 202',
    async () => {
      const acts = writableActivities(data, 3);
      const r = await fetch(`${a.url}/activities?connection=c01`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer queue-test-token-0123456789' },
        body: JSON.stringify(acts),
      });
      const body = await r.json();
      if (r.status !== 202 || body.accepted !== acts.length) throw new Error(`${r.status} ${JSON.stringify(body)}`);
      keys = body.keys;
      const s = await status(b);
      if (s.connections.find((c) => c.name === 'c01').pendingActivities !== acts.length)
        throw new Error('process b does not see the queued activities');
    },
  ],
  [
    'process a is killed (SIGKILL) in the middle of a cycle',
    async () => {
      await until('process a to run a cycle', () => /run #\d+ c\d\d: schedule slot/.test(a.out));
      killedRuns = [...a.out.matchAll(/run #(\d+) (c\d\d): schedule slot/g)]
        .filter((m) => !new RegExp(`run #${m[1]} ${m[2]}: (ok|failed)`).test(a.out))
        .map((m) => Number(m[1]));
      a.child.kill('SIGKILL');
      await a.exited;
      if (!killedRuns.length) throw new Error(`process a had no run going on when killed:\n${a.out}`);
    },
  ],
  [
    "every connection's 03:00 cycle ran exactly once and succeeded; the killed runs were taken over by process b",
    async () => {
      const s = await until('every connection to finish its slot', async () => {
        const x = await status(b);
        return x.connections.every((c) => c.lastRun?.slot === SLOT && COMPLETED.includes(c.lastRun.state) && !c.running)
          ? x
          : null;
      });
      const runs = (await (await fetch(`${b.url}/runs`)).json()).runs.filter((r) => r.slot === SLOT);
      const perConnection = new Map();
      for (const r of runs) perConnection.set(r.connection, (perConnection.get(r.connection) ?? 0) + 1);
      if (runs.length !== CONNECTIONS || [...perConnection.values()].some((n) => n !== 1))
        throw new Error(`runs of the slot: ${JSON.stringify(runs)}`);
      for (const id of killedRuns) {
        const r = runs.find((x) => x.id === id);
        if (!r || !COMPLETED.includes(r.state) || r.attempts < 2)
          throw new Error(`killed run #${id}: ${JSON.stringify(r)}`);
      }
      if (!/on [^\s]+:\d+/.test(b.out)) throw new Error('process b ran nothing');
      for (const env of envs) {
        const status = env.salesforce
          .all(env.salesforce.f(SF.settings.object))
          .map((x) => x[env.salesforce.f(SF.settings.lastSyncedAt)]);
        if (!status.some(Boolean)) throw new Error('a CRM double was never synced');
      }
      if (s.connections.find((c) => c.name === 'c01').pendingActivities !== 0)
        throw new Error('activities still queued');
    },
  ],
  [
    'the activities reached the CRM double once',
    async () => {
      const env = envs[0];
      const keyField = env.salesforce.f(SF.task.activityKey);
      for (const k of keys) {
        const n = env.salesforce.all('Task').filter((t) => t[keyField] === k).length;
        if (n !== 1) throw new Error(`${k}: ${n} tasks`);
      }
    },
  ],
  [
    'process b stops on SIGTERM (exit 0)',
    async () => {
      b.child.kill('SIGTERM');
      const { code } = await b.exited;
      if (code !== 0) throw new Error(`exit ${code}\n${b.out.slice(-1000)}`);
    },
  ],
]).catch((e) => {
  writeResult({ passed: 0, failed: 1, failures: [{ name: 'setup', error: String(e) }] });
  return false;
});
if (!ok)
  for (const w of workers)
    console.log(`--- process ${w.name} (last lines):\n${w.out.split('\n').slice(-25).join('\n')}`);
for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
await Promise.all(envs.map((e) => e.close()));
stopPostgres();
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
