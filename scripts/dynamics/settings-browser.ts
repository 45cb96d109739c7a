// (Run by scripts/test/44-dynamics-settings-browser.mjs.) The built web resources in Debian Chromium, hosted as
// Dynamics hosts them, against the loopback Dataverse Web API double:
// - the settings page (settings.html + its esbuild bundle) in an iframe of a host page that carries `Xrm` (client
//   URL, user id, language, confirm dialog), as a web resource page runs in the app; its same-origin
//   /api/data/v9.2/ is proxied to the double;
// - the contact form script (contactForm.js) on a host form whose `Xrm` form context draws its notifications.
// Every page in all five languages with `lang` checked, axe over the settings page, screenshots in German and English.
import { createServer, request, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { DATAVERSE_LCID, DV, DV_VALUES, LOCALES, format, t, type Locale } from '@navsync/shared-ts';
import { DataverseWebApiDouble } from '../../dynamics-solution/test/webApiDouble';
import { runChecks } from '../lib/results.mjs';
import { launchChromium } from './chromium.mjs';

const root = join(__dirname, '..', '..');
const webResources = join(root, 'dynamics-solution', 'WebResources');
const artifacts = join(root, 'test-artifacts');
const ADMIN = '0b0b0b0b-0000-0000-0000-000000000001';

/** The app page that hosts a web resource page in an iframe: `Xrm` lives here, not in the iframe. */
function hostPage(lcid: number): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Dynamics 365</title>
<script>
  window.__confirms = [];
  window.Xrm = {
    Utility: { getGlobalContext: () => ({ getClientUrl: () => location.origin,
      userSettings: { languageId: ${lcid}, userId: '{${ADMIN}}' } }) },
    Navigation: { openConfirmDialog: (s) => { window.__confirms.push(s.text); return Promise.resolve({ confirmed: true }); } },
  };
</script></head>
<body style="margin:0"><iframe id="wr" title="NavSync" style="border:0;width:100%;height:1400px"
  src="/WebResources/navsync_/settings/settings.html"></iframe></body></html>`;
}

/** A contact form as the form script sees it: attributes, the account control, form notifications drawn on the page. */
function contactFormPage(lcid: number, lang: string): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Contact</title>
<style>body{font-family:"Segoe UI",sans-serif;margin:16px} .n{padding:8px;margin:4px 0;background:#fff4ce}
.r{padding:8px;margin:4px 0;background:#f3f2f1} button{margin-left:8px}</style>
<script src="/WebResources/navsync_/forms/contactForm.js"></script></head>
<body><h1>Eva Jansen</h1><div id="form-notifications" role="status"></div>
<label>Account <input id="account" readonly value="Contoso B.V."></label><div id="account-notifications"></div>
<script>
  const values = { ${DV.person.notAtCompany}: ${DV_VALUES.notAtCompany.notAtCompany},
    parentcustomerid: [{ id: '{A1}', name: 'Contoso B.V.', entityType: 'account' }] };
  const handlers = [];
  window.__saved = 0;
  const attribute = (name) => ({ getValue: () => values[name] ?? null, setValue: (v) => { values[name] = v; },
    addOnChange: (h) => handlers.push(h) });
  const formNotes = new Map();
  const controlNotes = new Map();
  function draw() {
    const f = document.getElementById('form-notifications');
    f.replaceChildren(...[...formNotes.values()].map((text) => Object.assign(document.createElement('div'), { className: 'n', textContent: text })));
    const a = document.getElementById('account-notifications');
    a.replaceChildren(...[...controlNotes.values()].map((n) => {
      const div = Object.assign(document.createElement('div'), { className: 'r', textContent: n.messages[0] });
      for (const act of n.actions) {
        const b = Object.assign(document.createElement('button'), { type: 'button', textContent: act.message });
        b.addEventListener('click', () => act.actions.forEach((fn) => fn()));
        div.append(b);
      }
      return div;
    }));
  }
  const form = {
    getAttribute: (name) => (name in values ? attribute(name) : null),
    getControl: (name) => name === 'parentcustomerid' ? {
      addNotification: (n) => { controlNotes.set(n.uniqueId, n); draw(); },
      clearNotification: (id) => { controlNotes.delete(id); draw(); } } : null,
    ui: { setFormNotification: (text, level, id) => { formNotes.set(id, text); draw(); },
      clearFormNotification: (id) => { formNotes.delete(id); draw(); } },
    data: { save: () => { window.__saved++; return Promise.resolve(); } },
  };
  window.__flag = () => values.${DV.person.notAtCompany};
  window.Xrm = { Utility: { getGlobalContext: () => ({ userSettings: { languageId: ${lcid} } }) } };
  NavSync.ContactForm.onLoad({ getFormContext: () => form });
</script></body></html>`;
}

function serve(apiOrigin: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
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
    const lcid = Number(url.searchParams.get('lcid') ?? '1033');
    if (path === '/main.aspx' || path === '/contact.aspx') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      const lang = LOCALES.find((l) => DATAVERSE_LCID[l] === lcid) ?? 'en';
      res.end(path === '/main.aspx' ? hostPage(lcid) : contactFormPage(lcid, lang));
      return;
    }
    const file =
      /^\/WebResources\/(navsync_\/(?:settings\/(?:settings|texts\.\d+)\.(html|js)|forms\/contactForm\.(js)))$/.exec(
        path,
      );
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': file[2] === 'html' ? 'text/html; charset=utf-8' : 'application/javascript' });
    res.end(readFileSync(join(webResources, file[1])));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

function seed(double: DataverseWebApiDouble): void {
  double.settingsRows.set('5e770000-0000-0000-0000-000000000001', {
    navsync_settingsid: '5e770000-0000-0000-0000-000000000001',
    [DV.settings.connected]: true,
    [DV.settings.lastSyncedAt]: '2026-11-22T05:00:00Z',
    [DV.settings.writeBackEnabled]: true,
    [DV.settings.writeBackItems]: 'inmail,message,note,call',
  });
  double.seed('systemusers', { fullname: 'Anna de Vries', accessmode: 0, isdisabled: false });
  double.seed('systemusers', { fullname: 'Bram Peeters', accessmode: 0, isdisabled: false });
}

async function settingsFrame(page: Page, origin: string, locale: Locale): Promise<Frame> {
  await page.goto(`${origin}/main.aspx?lcid=${DATAVERSE_LCID[locale]}`);
  const frame = page.frame({ url: /settings\.html$/ });
  if (!frame) throw new Error('the settings iframe did not load');
  await frame.getByRole('heading', { name: t('admin.title', locale) }).waitFor({ timeout: 15000 });
  return frame;
}

async function main(): Promise<boolean> {
  mkdirSync(artifacts, { recursive: true });
  const double = new DataverseWebApiDouble();
  const apiBase = await double.start();
  seed(double);
  const { server, origin } = await serve(new URL(apiBase).origin);
  let browser: Browser | null = null;
  const aborted: string[] = [];
  try {
    browser = await launchChromium();
    // The browser's own language is English: the page must take the user's language from Dynamics, not from it.
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
    return await runChecks([
      [
        'settings page: loads the settings, the org’s sales stages and money columns through the Web API',
        async () => {
          const frame = await settingsFrame(page, origin, 'en');
          await frame.getByText(t('admin.connectedDynamics', 'en')).waitFor();
          const stages = await frame.locator('#pipelineStage option').allTextContents();
          if (stages.join('|') !== 'Not sure|Qualify|Develop|Propose|Close')
            throw new Error(`stages: ${stages.join('|')}`);
          if (errors.length) throw new Error(errors.join('\n'));
        },
      ],
      ...LOCALES.map((locale): [string, () => Promise<void>] => [
        `settings page in ${locale}: the language comes from the hosting page’s Xrm, lang="${locale}" on the document, axe 0 violations`,
        async () => {
          const frame = await settingsFrame(page, origin, locale);
          await frame.getByText(t('admin.connectedDynamics', locale), { exact: false }).waitFor();
          const lang = await frame.evaluate(() => document.documentElement.lang);
          if (lang !== locale) throw new Error(`lang="${lang}"`);
          const axe = await new AxeBuilder({ page }).include('#wr').analyze();
          if (axe.violations.length)
            throw new Error(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`).join('\n'));
          if (locale === 'en' || locale === 'de')
            await page.screenshot({ path: join(artifacts, `dynamics-settings.${locale}.png`), fullPage: true });
        },
      ]),
      [
        'settings page in German: turning data validation on shows each step and creates German views and reports',
        async () => {
          const frame = await settingsFrame(page, origin, 'de');
          await frame.locator('#dataValidationEnabled').check();
          await frame.locator('#navsync-save').click();
          await frame
            .locator('#navsync-progress li[data-step="publish"][data-state="done"]')
            .waitFor({ timeout: 15000 });
          await frame.getByText(t('dataverse.enableDone', 'de')).waitFor();
          if (double.attributes.size !== 1 || double.savedqueries.size !== 4 || double.reports.size !== 6) {
            throw new Error(
              `created ${double.attributes.size} columns, ${double.savedqueries.size} views, ${double.reports.size} reports`,
            );
          }
          // The column is labelled in every provisioned language, though the page loaded only German texts.
          const column = [...double.attributes.values()][0] as {
            DisplayName: { LocalizedLabels: { Label: string; LanguageCode: number }[] };
          };
          const labels = column.DisplayName.LocalizedLabels.map((l) => `${l.LanguageCode}:${l.Label}`);
          const expected = LOCALES.map((l) => `${DATAVERSE_LCID[l]}:${t('dataverse.colNotAtCompany', l)}`);
          if (labels.join('|') !== expected.join('|')) throw new Error(`column labels ${labels.join(', ')}`);
          const names = [...double.savedqueries.values()].map((v) => String(v.name));
          if (names.some((n) => /^(All|My) /.test(n)))
            throw new Error(`English view names for a German admin: ${names.join(', ')}`);
          await page.screenshot({ path: join(artifacts, 'dynamics-settings.de.enabled.png'), fullPage: true });
        },
      ],
      ...LOCALES.map((locale): [string, () => Promise<void>] => [
        `contact form in ${locale}: the Not-at-company notification and its two actions in the user’s language`,
        async () => {
          await page.goto(`${origin}/contact.aspx?lcid=${DATAVERSE_LCID[locale]}`);
          const note = format(t('dataverse.formNotAtCompany', locale), { company: 'Contoso B.V.' });
          await page.getByText(note).waitFor({ timeout: 10000 });
          await page.getByRole('button', { name: t('dataverse.formUpdateAccount', locale) }).waitFor();
          const ignore = page.getByRole('button', { name: t('dataverse.formIgnore', locale) });
          if (locale === 'en' || locale === 'de')
            await page.screenshot({ path: join(artifacts, `dynamics-contact-form.${locale}.png`), fullPage: true });
          await ignore.click();
          await page.getByText(note).waitFor({ state: 'detached' });
          const [flag, saved] = await page.evaluate(() => [(window as any).__flag(), (window as any).__saved]);
          if (flag !== DV_VALUES.notAtCompany.ignore || saved !== 1)
            throw new Error(`after Ignore: flag ${flag}, saves ${saved}`);
        },
      ]),
      [
        'no script errors, and nothing left the machine',
        () => {
          if (errors.length) throw new Error(errors.join('\n'));
          if (aborted.length) throw new Error(`blocked requests to ${[...new Set(aborted)].join(', ')}`);
        },
      ],
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
