// The main job end to end: run the demo (both CRMs against the loopback doubles), then open
// dist/demo/report.html in headless Chromium and check what a reader sees: localized headings, the lists
// filled for both CRMs, injection-looking names shown as text (no script runs, no dialog opens).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../lib/chromium.mjs';
import { runChecks } from '../lib/results.mjs';
import { root, run } from '../lib/proc.mjs';

const report = join(root, 'dist', 'demo', 'report.html');
let browser;
let page;
const dialogs = [];
const requests = [];
const rows = (id) => page.locator(`table[data-table="${id}"] tbody tr`).count();

const ok = await runChecks([
  [
    'the main job runs both demo cycles and writes the report',
    async () => {
      const r = run(process.execPath, [join(root, 'scripts', 'start', '20-demo.mjs'), '--quiet'], {
        capture: true,
        env: { NAVSYNC_LOCALE: 'de' },
      });
      if (r.status !== 0) throw new Error(`demo exited ${r.status}\n${(r.stdout + r.stderr).slice(-2000)}`);
      if (!/salesforce: OK/.test(r.stdout) || !/dataverse: OK/.test(r.stdout))
        throw new Error(`summary lacks an OK cycle:\n${r.stdout.slice(-1500)}`);
      if (!existsSync(report)) throw new Error('dist/demo/report.html was not written');
    },
  ],
  [
    'Chromium opens the report; the headings are in the chosen language (German)',
    async () => {
      browser = await launchChromium();
      page = await browser.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(report).href);
      const h1 = await page.locator('h1').innerText();
      if (h1 !== 'NavSync-Laufbericht') throw new Error(`h1 is "${h1}"`);
      const h2 = await page.locator('h2').allInnerTexts();
      if (h2.length !== 2 || !h2[0].includes('Salesforce') || !h2[1].includes('Dataverse'))
        throw new Error(`sections: ${h2.join(' | ')}`);
      if (!(await page.getByText('Gefährdete Verkaufschancen: Kontakt hat das Unternehmen verlassen').count()))
        throw new Error('at-risk heading missing');
    },
  ],
  [
    'both CRMs list at-risk opportunities, people not at company, unresolved activities and auto-save sets',
    async () => {
      for (const crm of ['salesforce', 'dataverse']) {
        for (const list of ['at-risk', 'not-at-company', 'unresolved', 'auto-save']) {
          const n = await rows(`${crm}-${list}`);
          if (n < 1) throw new Error(`${crm} ${list}: no rows`);
        }
        // Every step ran; validation alone is partial: the demo export carries malformed rows on purpose, listed
        // as problems (a step that skips rows never reports a clean OK).
        const table = page.locator(`table[data-table="${crm}-steps"] tbody tr`);
        const names = await table.locator('td:nth-child(1)').allInnerTexts();
        const steps = await table.locator('td:nth-child(2)').allInnerTexts();
        const wrong = names.filter((n, i) => steps[i] !== (n === 'validation' ? 'partial' : 'ok'));
        if (!names.includes('validation') || wrong.length)
          throw new Error(`${crm} steps: ${names.map((n, i) => `${n} ${steps[i]}`).join(', ')}`);
      }
    },
  ],
  [
    'API requests used are shown next to the platform minimum',
    async () => {
      for (const crm of ['salesforce', 'dataverse']) {
        const cells = await page.locator(`table[data-table="${crm}-requests"] tbody tr:first-child td`).allInnerTexts();
        const [used, min] = [Number(cells[1]), Number(cells[2])];
        if (!(min > 0 && used >= min)) throw new Error(`${crm}: used ${cells[1]}, minimum ${cells[2]}`);
      }
    },
  ],
  [
    'injection-looking names are shown as text: no script element, no dialog, no request leaves the page',
    async () => {
      const text = await page.locator('body').innerText();
      if (!text.includes("x' OR 1=1 --"))
        throw new Error('the hostile name is not on the page (the check would prove nothing)');
      if ((await page.locator('script').count()) !== 0) throw new Error('a <script> element made it into the page');
      if (dialogs.length) throw new Error(`dialogs opened: ${dialogs.join(', ')}`);
      const external = requests.filter((u) => !u.startsWith('file:'));
      if (external.length) throw new Error(`the page requested ${external.join(', ')}`);
      await browser.close();
    },
  ],
]);
if (browser) await browser.close().catch(() => {});
process.exit(ok ? 0 : 1);
