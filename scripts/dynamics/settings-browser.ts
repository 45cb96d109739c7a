// (Run by scripts/test/44-dynamics-settings-browser.mjs.) The built settings page web resource in Debian Chromium:
// settings.html + the esbuild bundle served from loopback, its same-origin /api/data/v9.2/ proxied to the loopback
// Dataverse Web API double. Turns data validation on through the page and saves a screenshot to test-artifacts/.
import { createServer, request, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { DV } from '@navsync/shared-ts';
import { DataverseWebApiDouble } from '../../dynamics-solution/test/webApiDouble';
import { runChecks } from '../lib/results.mjs';

const root = join(__dirname, '..', '..');
const webResources = join(root, 'dynamics-solution', 'WebResources');
const artifacts = join(root, 'test-artifacts');

function serve(apiOrigin: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path.startsWith('/api/data/v9.2/')) {
      // Same-origin Web API, as in Dataverse: forward to the double.
      const target = new URL(req.url ?? '/', apiOrigin);
      const fwd = request(target, { method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(fwd);
      return;
    }
    const file = /^\/WebResources\/(navsync_\/settings\/settings\.(html|js))$/.exec(path);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file[2] === 'html' ? 'text/html; charset=utf-8' : 'application/javascript' });
    res.end(readFileSync(join(webResources, file[1])));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

async function main(): Promise<boolean> {
  mkdirSync(artifacts, { recursive: true });
  const double = new DataverseWebApiDouble();
  const apiBase = await double.start();
  double.settingsRows.set('5e770000-0000-0000-0000-000000000001', {
    navsync_settingsid: '5e770000-0000-0000-0000-000000000001',
    [DV.settings.connected]: true,
    [DV.settings.lastSyncedAt]: '2026-11-22T05:00:00Z',
    [DV.settings.writeBackEnabled]: true,
    [DV.settings.writeBackItems]: 'inmail,message,note,call',
  });
  double.seed('systemusers', { fullname: 'Anna de Vries', accessmode: 0, isdisabled: false });
  double.seed('systemusers', { fullname: 'Bram Peeters', accessmode: 0, isdisabled: false });
  const { server, origin } = await serve(new URL(apiBase).origin);
  let browser: Browser | null = null;
  const aborted: string[] = [];
  try {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'en-US' });
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === '127.0.0.1') return route.continue();
      aborted.push(host);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${origin}/WebResources/navsync_/settings/settings.html`);
    return await runChecks([
      ['the page loads the settings, the org’s sales stages and money columns through the Web API', async () => {
        await page.getByRole('heading', { name: 'NavSync settings' }).waitFor({ timeout: 15000 });
        await page.getByText('Connected to Dynamics 365').waitFor();
        const stages = await page.locator('#pipelineStage option').allTextContents();
        if (stages.join('|') !== 'Not sure|Qualify|Develop|Propose|Close') throw new Error(`stages: ${stages.join('|')}`);
        if (errors.length) throw new Error(errors.join('\n'));
      }],
      ['turning data validation on shows each step and creates the column, 4 views and 6 reports', async () => {
        await page.locator('#dataValidationEnabled').check();
        await page.locator('#navsync-save').click();
        await page.locator('#navsync-progress li[data-step="publish"][data-state="done"]').waitFor({ timeout: 15000 });
        await page.getByText('Data validation is on: the column, views and reports are in place.').waitFor();
        if (double.attributes.size !== 1 || double.savedqueries.size !== 4 || double.reports.size !== 6) {
          throw new Error(`created ${double.attributes.size} columns, ${double.savedqueries.size} views, ${double.reports.size} reports`);
        }
        await page.screenshot({ path: join(artifacts, 'dynamics-settings.png'), fullPage: true });
      }],
      ['nothing left the machine', () => {
        if (aborted.length) throw new Error(`blocked requests to ${[...new Set(aborted)].join(', ')}`);
      }],
    ]);
  } finally {
    await browser?.close();
    server.close();
    await double.stop();
  }
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
