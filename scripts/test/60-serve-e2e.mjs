// The admin's journey end to end with the real command (shared-ts/bin/navsync.cjs) against the loopback doubles:
// `navsync serve` runs the scheduled slot by itself (a test clock starts it just before 03:00), takes activities at
// its endpoint and writes each once to the CRM double, loses nothing when killed in the middle of a cycle, stops
// on SIGTERM, and its status page shows the last run (screenshots in test-artifacts/).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../lib/chromium.mjs';
import { runChecks } from '../lib/results.mjs';
import { root } from '../lib/proc.mjs';
import { navsyncBin, serveStatus, startServe, until, writableActivities } from '../lib/serve.mjs';

const dist = join(root, 'shared-ts', 'dist');
const { startDemoEnvironment } = await import(join(dist, 'demo', 'environment.js'));
const { generateDemoData } = await import(join(dist, 'demo', 'dataset.js'));
const { SF } = await import(join(dist, 'domain', 'crmSchema.js'));
const { EntraDouble } = await import(join(dist, 'doubles', 'entraDouble.js'));

const TOKEN = `e2e-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
const artifacts = join(root, 'test-artifacts');
mkdirSync(artifacts, { recursive: true });
const dir = mkdtempSync(join(tmpdir(), 'navsync-serve-e2e-'));
const data = generateDemoData({ accounts: 12, peoplePerAccount: 3, leads: 10 });
const env = await startDemoEnvironment({ dir, data });

const li = env.linkedin.salesforce;
const config = join(dir, 'navsync.json');
// The Salesforce credentials come from the file `navsync connect` writes, not from the environment.
const childEnv = {
  ...process.env,
  NAVSYNC_LINKEDIN_CLIENT_ID: li.clientId,
  NAVSYNC_LINKEDIN_CLIENT_SECRET: li.clientSecret,
  NAVSYNC_SERVE_TOKEN: TOKEN,
};

const serve = (clock) =>
  startServe('serve', ['--config', config], {
    cwd: dir,
    env: { ...childEnv, ...(clock ? { NAVSYNC_TEST_CLOCK: clock } : {}) },
  });
const status = serveStatus;
const auth = { Authorization: `Bearer ${TOKEN}` };
const keyField = env.salesforce.f(SF.task.activityKey);
const tasksWithKey = (key) => env.salesforce.all('Task').filter((t) => t[keyField] === key);
const activities = writableActivities(data, 4);
let keys = [];
let p;
let slotRun;

const ok = await runChecks([
  [
    'navsync connect salesforce checks the connection and writes the config and a 0600 credentials file; the secret is never printed',
    async () => {
      // Not spawnSync: the CRM double answering it runs in this process.
      const r = await new Promise((resolve) => {
        const c = spawn(
          process.execPath,
          [
            navsyncBin,
            'connect',
            'salesforce',
            '--config',
            config,
            '--instance-url',
            env.salesforce.url,
            '--client-id',
            env.salesforce.clientId,
            '--allow-loopback',
          ],
          {
            cwd: dir,
            env: { ...process.env, NAVSYNC_SF_CLIENT_SECRET: env.salesforce.clientSecret },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        c.stdout.on('data', (b) => (out += b));
        c.stderr.on('data', (b) => (out += b));
        c.once('close', (status) => resolve({ status, out }));
      });
      const out = r.out;
      if (r.status !== 0 || !/✓ Connected as the integration user/.test(out))
        throw new Error(`connect exited ${r.status}:\n${out}`);
      if (out.includes(env.salesforce.clientSecret)) throw new Error('the secret was printed');
      const cfg = JSON.parse(readFileSync(config, 'utf8'));
      if (cfg.linkedin?.crmInstanceValue !== env.salesforce.orgId || !cfg.credentialsFile)
        throw new Error(JSON.stringify(cfg));
      if ((statSync(join(dir, cfg.credentialsFile)).mode & 0o777) !== 0o600)
        throw new Error('the credentials file is readable by others');
      // What the admin adds for this test: the LinkedIn double, and the schedule in UTC on an ephemeral port.
      cfg.linkedin = { ...cfg.linkedin, apiBaseUrl: li.apiBaseUrl, tokenUrl: li.tokenUrl, pollIntervalMs: 10 };
      cfg.salesforce.namespace = env.salesforce.ns;
      cfg.outDir = join(dir, 'autosave');
      cfg.serve = {
        listen: '127.0.0.1:0',
        database: 'state.db',
        schedule: '0 3 * * *',
        timezone: 'UTC',
        stopGraceSeconds: 20,
      };
      writeFileSync(config, JSON.stringify(cfg));
    },
  ],
  [
    'a new connection waits for its slot; the 03:00 slot runs by itself (test clock from 02:59:57)',
    async () => {
      p = await serve('2026-03-02T02:59:57Z');
      if (!/test clock/.test(p.out)) throw new Error('the log does not say a test clock is in use');
      const first = await status(p);
      if (first.connections[0].lastRun) throw new Error('a run happened before the first slot');
      if (first.connections[0].nextRun !== '2026-03-02T03:00:00.000Z')
        throw new Error(`next run ${first.connections[0].nextRun}`);
      const s = await until('the scheduled run', async () =>
        (await status(p)).connections[0].lastRun ? status(p) : null,
      );
      slotRun = s.connections[0].lastRun;
      // The demo export holds bad rows on purpose: validation lists them (partial), every other step is ok.
      if (slotRun.trigger !== 'schedule' || slotRun.slot !== '2026-03-02T03:00:00.000Z' || slotRun.state !== 'partial')
        throw new Error(JSON.stringify(slotRun));
      // Every step ran (one with nothing to do is skipped), none failed, the status was written last.
      const wrong = slotRun.steps.filter(
        (x) => x.status === 'failed' || (x.status === 'partial') !== (x.name === 'validation'),
      );
      if (wrong.length || slotRun.steps.at(-1)?.name !== 'status') throw new Error(JSON.stringify(slotRun.steps));
    },
  ],
  [
    'activities posted to the endpoint are stored before the answer; a repeat is a duplicate; bad input gets field errors',
    async () => {
      const post = (body, headers = auth) =>
        fetch(`${p.url}/activities`, {
          method: 'POST',
          headers: { ...headers, 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
        });
      if ((await post(activities, {})).status !== 401) throw new Error('no token accepted');
      const bad = await post([{ ...activities[0], kind: 'fax' }]);
      const badBody = await bad.json();
      if (bad.status !== 422 || badBody.errors?.[0]?.field !== 'kind')
        throw new Error(`bad input: ${bad.status} ${JSON.stringify(badBody)}`);
      const r = await post(activities);
      const body = await r.json();
      if (r.status !== 202 || body.accepted !== activities.length)
        throw new Error(`${r.status} ${JSON.stringify(body)}`);
      keys = body.keys;
      const again = await (await post(activities.slice(0, 2))).json();
      if (again.accepted !== 0 || again.duplicates !== 2) throw new Error(JSON.stringify(again));
      if ((await status(p)).connections[0].pendingActivities !== activities.length) throw new Error('not queued');
    },
  ],
  [
    'killed (SIGKILL) in the middle of "run now": the next start takes the run up, every activity reaches the CRM once',
    async () => {
      const r = await fetch(`${p.url}/run`, { method: 'POST', headers: auth });
      if (r.status !== 202) throw new Error(`run now: ${r.status}`);
      const { run } = await r.json();
      await until('the run to be going', async () => (await status(p)).connections[0].running);
      p.child.kill('SIGKILL');
      await p.exited;
      if (keys.some((k) => tasksWithKey(k).length > 1)) throw new Error('written twice already');
      p = await serve('2026-03-02T09:00:00Z');
      const s = await until('the interrupted run to finish', async () => {
        const x = await status(p);
        return x.connections[0].lastRun?.id === run.id ? x : null;
      });
      const again = s.runs.find((x) => x.id === run.id);
      if (again.state !== 'partial' || again.attempts !== 2) throw new Error(`resumed run: ${JSON.stringify(again)}`);
      for (const k of keys) if (tasksWithKey(k).length !== 1) throw new Error(`${k}: ${tasksWithKey(k).length} tasks`);
      if (s.connections[0].pendingActivities !== 0)
        throw new Error(`${s.connections[0].pendingActivities} still queued`);
      if (s.runs.filter((x) => x.slot === slotRun.slot).length !== 1) throw new Error('the 03:00 slot ran twice');
    },
  ],
  [
    'the status page shows the last run (English and German); screenshots in test-artifacts/',
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        for (const [lang, lastRun, synced] of [
          ['en', 'Last run', 'Last synced'],
          ['de', 'Letzter Lauf', 'Zuletzt synchronisiert'],
        ]) {
          await page.goto(`${p.url}/?lang=${lang}`);
          const text = await page.locator('body').innerText();
          if (!text.includes(lastRun) || !text.includes(synced))
            throw new Error(`${lang}: page lacks "${lastRun}" / "${synced}"`);
          const steps = await page.locator('table.steps tbody tr').count();
          if (steps !== slotRun.steps.length) throw new Error(`${lang}: ${steps} step rows`);
          if ((await page.locator('section[data-state="partial"]').count()) !== 1)
            throw new Error(`${lang}: the last run is not shown as partial (the demo's bad export rows)`);
          await page.screenshot({ path: join(artifacts, `serve-status-${lang}.png`), fullPage: true });
        }
      } finally {
        await browser.close();
      }
    },
  ],
  [
    'SIGTERM stops it cleanly (exit 0) and a later start does not repeat a finished slot',
    async () => {
      p.child.kill('SIGTERM');
      const { code } = await p.exited;
      if (code !== 0 || !/stopping at a safe point/.test(p.out) || !/stopped/.test(p.out))
        throw new Error(`exit ${code}\n${p.out.slice(-800)}`);
      p = await serve('2026-03-02T09:30:00Z');
      await new Promise((r) => setTimeout(r, 500));
      const s = await status(p);
      if (s.runs.length !== 2 || s.connections[0].running)
        throw new Error(`runs after restart: ${JSON.stringify(s.runs)}`);
      if (new RegExp(TOKEN).test(p.out)) throw new Error('the token appears in the log');
      p.child.kill('SIGTERM');
      await p.exited;
    },
  ],
  [
    'navsync connect dataverse --device-code: the admin enters the code at the sign-in page; later commands refresh from the saved sign-in; no token printed',
    async () => {
      const entra = await EntraDouble.start({ interval: 1, mintAccessToken: () => env.dataverse.issueToken() });
      const dvDir = join(dir, 'dataverse');
      mkdirSync(dvDir);
      const dvConfig = join(dvDir, 'navsync.json');
      const navsync = (args, onOutput = () => {}) =>
        new Promise((resolve) => {
          const c = spawn(process.execPath, [navsyncBin, ...args], {
            cwd: dvDir,
            env: childEnv,
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let out = '';
          const take = (b) => {
            out += b;
            onOutput(out);
          };
          c.stdout.on('data', take);
          c.stderr.on('data', take);
          c.once('close', (status) => resolve({ status, out }));
        });
      try {
        let answered = false;
        // The admin: the page and the code from the terminal, typed into the sign-in page, then Continue.
        const r = await navsync(
          [
            'connect',
            'dataverse',
            '--device-code',
            '--config',
            dvConfig,
            '--url',
            env.dataverse.url,
            '--token-url',
            entra.tokenUrl,
            '--client-id',
            entra.clientId,
            '--allow-loopback',
          ],
          (out) => {
            const m = /open (\S+) in a browser on any device and enter the code (\S+)/.exec(out);
            if (!m || answered) return;
            answered = true;
            void fetch(m[1], {
              method: 'POST',
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              body: new URLSearchParams({ otc: m[2], decision: 'approve' }),
            });
          },
        );
        if (r.status !== 0 || !/✓ Signed in/.test(r.out) || !/✓ Connected as the integration user/.test(r.out))
          throw new Error(`connect exited ${r.status}:\n${r.out}`);
        const cfg = JSON.parse(readFileSync(dvConfig, 'utf8'));
        const credFile = join(dvDir, cfg.credentialsFile);
        if ((statSync(credFile).mode & 0o777) !== 0o600) throw new Error('the credentials file is readable by others');
        const before = JSON.parse(readFileSync(credFile, 'utf8')).NAVSYNC_DV_REFRESH_TOKEN;
        cfg.linkedin = {
          source: 'api',
          apiBaseUrl: env.linkedin.dataverse.apiBaseUrl,
          tokenUrl: env.linkedin.dataverse.tokenUrl,
          crmInstanceValue: env.dataverse.organizationId,
          pollIntervalMs: 10,
        };
        writeFileSync(dvConfig, JSON.stringify(cfg));
        env.dataverse.expireTokens();
        const st = await navsync(['status', '--config', dvConfig]);
        if (st.status !== 0 || !/✓ connection/.test(st.out)) throw new Error(`status exited ${st.status}:\n${st.out}`);
        const after = JSON.parse(readFileSync(credFile, 'utf8')).NAVSYNC_DV_REFRESH_TOKEN;
        if (!after || after === before) throw new Error('the rotated refresh token was not kept');
        for (const t of entra.issuedRefreshTokens)
          if (r.out.includes(t) || st.out.includes(t)) throw new Error('a refresh token was printed');
      } finally {
        await entra.close();
      }
    },
  ],
]);
if (p && p.child.exitCode === null) p.child.kill('SIGKILL');
await env.close();
rmSync(dir, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
