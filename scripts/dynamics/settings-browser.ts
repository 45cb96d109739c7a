// (Run by scripts/test/44-dynamics-settings-browser.mjs.) The built web resources in Debian Chromium, hosted as
// Dynamics hosts them, against the loopback Dataverse Web API double:
// - the settings page (settings.html + its esbuild bundle) in an iframe of a host page that carries `Xrm` (client
//   URL, user id, language, confirm dialog), as a web resource page runs in the app; its same-origin
//   /api/data/v9.2/ is proxied to the double;
// - the contact form script (contactForm.js) on a host form whose `Xrm` form context draws its notifications.
// Every page in all five languages with `lang` checked, axe over the settings page; in German and English every
// section and state of the settings page (loaded, saving, saved, error, empty seats and the people list, Test
// Write-Back running/passed/failed) as screenshots in test-artifacts/, each state checked with axe.
import { createServer, request, type Server } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import {
  DATAVERSE_LCID,
  DV,
  DV_VALUES,
  ERROR_CODES,
  LOCALES,
  describeError,
  encodeLastRun,
  format,
  t,
  type Locale,
} from '@navsync/shared-ts';
import { DataverseWebApiDouble } from '../../dynamics-solution/test/webApiDouble';
import { runChecks } from '../lib/results.mjs';
import { launchChromium } from '../lib/chromium.mjs';

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

/** A request held at the proxy until released: the page's in-between states (saving, running) stay on screen. */
class Hold {
  private arrive = () => {};
  private open = () => {};
  /** Settles when the page sent the request. */
  readonly arrived = new Promise<void>((r) => (this.arrive = r));
  private readonly opened = new Promise<void>((r) => (this.open = r));
  constructor(
    readonly method: string,
    readonly path: RegExp,
  ) {}

  /** Called by the proxy: waits for release. */
  pass(): Promise<void> {
    this.arrive();
    return this.opened;
  }

  release(): void {
    this.open();
  }
}
const holds: Hold[] = [];

function hold(method: string, path: RegExp): Hold {
  const h = new Hold(method, path);
  holds.push(h);
  return h;
}

function serve(apiOrigin: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path.startsWith('/api/data/v9.2/')) {
      // Same-origin Web API, as in Dataverse: forward to the double (after a hold, when one matches).
      const i = holds.findIndex((h) => h.method === req.method && h.path.test(path));
      const held = i >= 0 ? holds.splice(i, 1)[0] : null;
      void (held ? held.pass() : Promise.resolve()).then(() => {
        const target = new URL(req.url ?? '/', apiOrigin);
        const fwd = request(target, { method: req.method, headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        req.pipe(fwd);
      });
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
      /^\/WebResources\/(navsync_\/(?:settings\/(?:settings|dataValidation|texts\.\d+)\.(html|js)|forms\/contactForm\.(js)))$/.exec(
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

/** The org as each check starts: connected, synced once, every write-back item on, three users, no seats. */
function seed(double: DataverseWebApiDouble): void {
  double.settingsRows.clear();
  double.records.clear();
  double.failures.length = 0;
  double.rule = null;
  double.settingsRows.set('5e770000-0000-0000-0000-000000000001', {
    navsync_settingsid: '5e770000-0000-0000-0000-000000000001',
    [DV.settings.connected]: true,
    [DV.settings.lastSyncedAt]: '2026-11-22T05:00:00Z',
    [DV.settings.writeBackEnabled]: true,
    [DV.settings.writeBackItems]: 'inmail,message,note,call',
  });
  for (const [fullname, email] of USERS)
    double.seed('systemusers', { fullname, internalemailaddress: email, accessmode: 0, isdisabled: false });
}

const USERS = [
  ['Anna de Vries', 'anna.devries@contoso.nl'],
  ['Bram Peeters', 'bram.peeters@contoso.be'],
  ['Claire Dubois', 'claire.dubois@contoso.fr'],
] as const;

/** The table of each record type a View in Dynamics link names, by entity set in the double. */
const SET_OF: Record<string, string> = {
  contact: 'contacts',
  navsync_inmail: 'navsync_inmails',
  navsync_linkedinmessage: 'navsync_linkedinmessages',
  phonecall: 'phonecalls',
};

async function settingsFrame(
  page: Page,
  origin: string,
  locale: Locale,
  double?: DataverseWebApiDouble,
): Promise<Frame> {
  // The Web API answers metadata labels in the signed-in user's language, as the platform does.
  if (double) double.userLanguage = DATAVERSE_LCID[locale];
  await page.goto(`${origin}/main.aspx?lcid=${DATAVERSE_LCID[locale]}`);
  const frame = page.frame({ url: /settings\.html$/ });
  if (!frame) throw new Error('the settings iframe did not load');
  await frame.getByRole('heading', { name: t('admin.title', locale), level: 1 }).waitFor({ timeout: 15000 });
  return frame;
}

async function axe(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).include('#wr').analyze();
  if (result.violations.length)
    throw new Error(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`).join('\n'));
}

/** The whole settings page (the iframe grown to its content) as test-artifacts/dynamics-settings.<name>.png. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => {
    const f = document.getElementById('wr') as HTMLIFrameElement;
    f.style.height = `${f.contentDocument?.documentElement.scrollHeight ?? 1400}px`;
  });
  await page.screenshot({ path: join(artifacts, `dynamics-settings.${name}.png`), fullPage: true });
}

async function sectionShot(frame: Frame, id: string, name: string): Promise<void> {
  await frame.locator(`#${id}`).screenshot({ path: join(artifacts, `dynamics-settings.${name}.png`) });
}

const SECTIONS = {
  integration: 'navsync-integration',
  sync: 'navsync-sync',
  seats: 'navsync-seats-section',
  testWriteBack: 'navsync-twb-section',
  disconnect: 'navsync-leave',
};

/** The checks of every section and state of the settings page in one language. */
function pageStates(
  page: Page,
  origin: string,
  double: DataverseWebApiDouble,
  L: Locale,
): [string, () => Promise<void>][] {
  const row = () => [...double.settingsRows.values()][0];
  const tr = (key: string, params?: Record<string, string | number>) => t(key, L, params);
  return [
    [
      `settings page in ${L}: the first-connection notice, then a failed last run with each step and the error’s code, message and remedy; screenshots, axe`,
      async () => {
        seed(double);
        row()[DV.settings.lastSyncedAt] = null;
        let frame = await settingsFrame(page, origin, L, double);
        await frame.locator('#navsync-first-sync').getByText(tr('admin.firstSync')).waitFor();
        await frame.locator('header').screenshot({ path: join(artifacts, `dynamics-settings.${L}.first-sync.png`) });
        await axe(page);
        seed(double);
        row()[DV.settings.lastRunSummary] = encodeLastRun({
          at: '2026-11-23T06:00:00Z',
          ok: false,
          steps: [
            { name: 'connection', status: 'ok' },
            { name: 'settings', status: 'ok' },
            { name: 'validation', status: 'failed', code: ERROR_CODES.INSUFFICIENT_ACCESS.code },
            { name: 'writeBack', status: 'skipped' },
          ],
        });
        frame = await settingsFrame(page, origin, L, double);
        const run = frame.locator('#navsync-last-run[data-result="failed"]');
        const e = describeError('INSUFFICIENT_ACCESS', L);
        await run.getByText(`${e.code}: ${e.message}`).waitFor();
        await run.getByText(tr('admin.lastRunRemedy', { remedy: e.remedy })).waitFor();
        await frame
          .locator('header')
          .screenshot({ path: join(artifacts, `dynamics-settings.${L}.last-run-failed.png`) });
        await axe(page);
      },
    ],
    [
      `settings page in ${L}: loaded with the org’s stages and money columns, a switch saved (saving → saved), a refused save (error); screenshots, axe 0 violations`,
      async () => {
        seed(double);
        const frame = await settingsFrame(page, origin, L, double);
        const lcid = DATAVERSE_LCID[L];
        const stages = await frame.locator('#pipelineStage option').allTextContents();
        const expected = [tr('common.notSure'), ...double.salesStages.map((o) => o.labels[lcid] ?? o.labels[1033])];
        if (stages.join('|') !== expected.join('|')) throw new Error(`stages: ${stages.join('|')}`);
        const money = await frame.locator('#wonValueField option').allTextContents();
        if (!money.includes(WEIGHTED[lcid] ?? WEIGHTED[1033]) || money.some((m) => /\(Bas/.test(m)))
          throw new Error(`money columns: ${money.join('|')}`);
        await shot(page, `${L}.loaded`);
        for (const [name, id] of Object.entries(SECTIONS)) await sectionShot(frame, id, `${L}.section-${name}`);
        await axe(page);

        // A Fluent toggle changes the stored setting once saved; Save is busy while the platform answers.
        const embedded = frame.getByRole('switch', { name: tr('admin.embeddedProfile') });
        await embedded.click();
        if (!(await embedded.isChecked())) throw new Error('the Embedded Profile switch did not turn on');
        const held = hold('PATCH', /navsync_settingses\(/);
        await frame.getByRole('button', { name: tr('common.save') }).click();
        await held.arrived;
        await frame.locator('#navsync-message[data-kind="progress"]').getByText(tr('common.saving')).waitFor();
        if (!(await frame.locator('#navsync-save').isDisabled())) throw new Error('Save is not disabled while saving');
        await shot(page, `${L}.saving`);
        held.release();
        await frame.locator('#navsync-message[data-kind="success"]').getByText(tr('admin.saved')).waitFor();
        if (row()[DV.settings.embeddedProfileEnabled] !== true) throw new Error('the switch was not stored');
        await shot(page, `${L}.saved`);
        await axe(page);

        // The platform refuses the next save: the error's code, message and remedy, nothing stored.
        double.failures.push({
          method: 'PATCH',
          pathStartsWith: 'navsync_settingses',
          status: 500,
          code: '0x80040216',
          message: 'An unexpected error occurred.',
          times: 1,
        });
        await frame.getByRole('switch', { name: tr('admin.photoRefresh') }).click();
        await frame.getByRole('button', { name: tr('common.save') }).click();
        const e = describeError('API_ERROR', L);
        const bar = frame.locator('#navsync-message[data-kind="error"]');
        await bar.getByText(`${e.code}: ${e.message}`).waitFor();
        await bar.getByText(tr('admin.lastRunRemedy', { remedy: e.remedy })).waitFor();
        if (row()[DV.settings.photoRefreshEnabled] === true) throw new Error('a refused save was stored');
        await shot(page, `${L}.error`);
        await axe(page);

        // Disconnect (the host's confirm dialog says yes): the status says so and the button is off.
        await frame.getByRole('button', { name: tr('admin.disconnect') }).click();
        await frame.locator('#navsync-status').getByText(tr('admin.notConnected')).waitFor();
        await frame.locator('#navsync-message').getByText(tr('admin.disconnected')).waitFor();
        if (row()[DV.settings.connected] !== false) throw new Error('Disconnect was not stored');
        await shot(page, `${L}.disconnected`);
        await axe(page);
      },
    ],
    [
      `settings page in ${L}: seats empty, then a people list (name, e-mail, seat state) whose switch stores the seat’s sync; screenshots, axe`,
      async () => {
        seed(double);
        const frame = await settingsFrame(page, origin, L, double);
        await frame.getByText(tr('admin.seatsNone')).waitFor();
        await sectionShot(frame, SECTIONS.seats, `${L}.seats-empty`);
        await frame.getByLabel(tr('admin.seatsAvailableUsers')).selectOption(USERS.map(([name]) => ({ label: name })));
        await frame.getByRole('button', { name: tr('admin.seatsAssign') }).click();
        const people = frame.locator('#navsync-seats li');
        await people.nth(USERS.length - 1).waitFor();
        for (const [i, [name, email]] of USERS.entries()) {
          const text = await people.nth(i).textContent();
          if (!text?.includes(name) || !text.includes(email) || !text.includes(tr('admin.seatSyncing')))
            throw new Error(`seat row ${i}: ${text}`);
        }
        await frame.getByRole('switch', { name: `${USERS[0][0]}: ${tr('admin.seatsEnable')}` }).click();
        await people.nth(0).getByText(tr('admin.seatNotSyncing')).waitFor();
        const seats = [...double.table('navsync_seats').values()];
        if (seats.filter((r) => r[DV.seat.enabled] === false).length !== 1)
          throw new Error('the seat switch was not stored');
        await sectionShot(frame, SECTIONS.seats, `${L}.seats`);
        await axe(page);
      },
    ],
    [
      `settings page in ${L}: Test Write-Back running, then passed with a View in Dynamics 365 link to each record it made, then removed; screenshots, axe`,
      async () => {
        seed(double);
        const frame = await settingsFrame(page, origin, L, double);
        const held = hold('POST', /\/contacts$/);
        await frame.getByRole('button', { name: tr('dataverse.testWriteBackRun') }).click();
        await held.arrived;
        await frame.locator('#navsync-twb-running').getByText(tr('dataverse.testWriteBackRunning')).waitFor();
        await sectionShot(frame, SECTIONS.testWriteBack, `${L}.twb-running`);
        held.release();
        await frame.locator('#navsync-twb-summary').waitFor();
        const links = frame.getByRole('link', { name: tr('dataverse.viewInDynamics') });
        const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        if (hrefs.length !== 5) throw new Error(`${hrefs.length} View in Dynamics links`);
        for (const href of hrefs) {
          const u = new URL(href);
          const etn = u.searchParams.get('etn') ?? '';
          const id = u.searchParams.get('id') ?? '';
          if (u.origin !== origin || u.pathname !== '/main.aspx' || u.searchParams.get('pagetype') !== 'entityrecord')
            throw new Error(`not a record URL on the org: ${href}`);
          if (!SET_OF[etn] || !double.table(SET_OF[etn]).has(id)) throw new Error(`no ${etn} ${id} in Dataverse`);
        }
        await sectionShot(frame, SECTIONS.testWriteBack, `${L}.twb-passed`);
        await axe(page);
        await frame.getByRole('button', { name: tr('testWriteBack.stepCleanup') }).click();
        await frame.getByText(tr('testWriteBack.succeeded', { count: 4 })).waitFor();
        for (const set of Object.values(SET_OF))
          if (double.table(set).size) throw new Error(`${set} left after Remove`);
      },
    ],
    [
      `settings page in ${L}: Test Write-Back refused by an e-mail rule explains it and takes the admin to the test e-mail address, which fixes it; screenshots, axe`,
      async () => {
        seed(double);
        double.rule = (set, body) =>
          set === 'contacts' && !body.emailaddress1
            ? {
                status: 400,
                code: '0x80040265',
                message: 'Business Process Error: An e-mail address is required for every contact.',
              }
            : null;
        const frame = await settingsFrame(page, origin, L, double);
        await frame.getByRole('button', { name: tr('dataverse.testWriteBackRun') }).click();
        await frame
          .locator('#navsync-twb-cause')
          .getByText(tr('testWriteBack.causeEmailRule'), { exact: false })
          .waitFor();
        await frame.locator('#navsync-twb-remedy').getByText(tr('testWriteBack.remedyEmailRule')).waitFor();
        const focused = await frame.evaluate(() => document.activeElement?.id);
        if (focused !== 'navsync-twb-email') throw new Error(`focus on ${focused}, not the test e-mail field`);
        await sectionShot(frame, SECTIONS.testWriteBack, `${L}.twb-failed`);
        await axe(page);
        await frame.getByLabel(tr('testWriteBack.testEmail')).fill('admin@contoso.com');
        await frame.getByRole('button', { name: tr('dataverse.testWriteBackRun') }).click();
        await frame
          .getByRole('link', { name: tr('dataverse.viewInDynamics') })
          .first()
          .waitFor();
        const contact = [...double.table('contacts').values()][0];
        if (contact?.emailaddress1 !== 'admin@contoso.com') throw new Error('the test e-mail address was not used');
        await frame.getByRole('button', { name: tr('testWriteBack.stepCleanup') }).click();
        await frame.getByText(tr('testWriteBack.succeeded', { count: 4 })).waitFor();
      },
    ],
  ];
}

/** Every control of a fresh page (no seats, no test run), in the order Tab reaches them. */
const KEYBOARD_ORDER = [
  'navsync-save',
  'embeddedProfileEnabled',
  'photoRefreshEnabled',
  'dataValidationEnabled',
  'autoSyncAllSeats',
  'writeBackEnabled',
  'pipelineStage',
  'wonValueField',
  'item-inmail',
  'item-message',
  'item-note',
  'item-call',
  'navsync-seat-picker',
  'navsync-seat-assign',
  'navsync-twb-email',
  'navsync-testwriteback',
  'cleanUp',
  'navsync-disconnect',
];

/** An org's own money column (a custom one), offered beside the system ones. */
const WEIGHTED: Record<number, string> = { 1033: 'Weighted Revenue', 1031: 'Gewichteter Umsatz' };

async function main(): Promise<boolean> {
  mkdirSync(artifacts, { recursive: true });
  const double = new DataverseWebApiDouble();
  const apiBase = await double.start();
  double.moneyColumns.push({ LogicalName: 'cr4f2_weightedrevenue', AttributeOf: null, labels: WEIGHTED });
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
          const frame = await settingsFrame(page, origin, locale, double);
          await frame.getByText(t('admin.connectedDynamics', locale), { exact: false }).waitFor();
          const lang = await frame.evaluate(() => document.documentElement.lang);
          if (lang !== locale) throw new Error(`lang="${lang}"`);
          await axe(page);
        },
      ]),
      ...pageStates(page, origin, double, 'en'),
      [
        'settings page by keyboard alone: Tab reaches every control in reading order; Space turns a switch on, arrows pick a stage, Enter saves',
        async () => {
          seed(double);
          const frame = await settingsFrame(page, origin, 'en', double);
          await frame.getByRole('heading', { name: t('admin.seatsTitle', 'en') }).waitFor();
          await frame.locator('#navsync-save').focus();
          const order = ['navsync-save'];
          for (let i = 0; i < KEYBOARD_ORDER.length - 1; i++) {
            await page.keyboard.press('Tab');
            order.push(await frame.evaluate(() => document.activeElement?.id ?? ''));
          }
          if (order.join(' ') !== KEYBOARD_ORDER.join(' ')) throw new Error(`Tab order: ${order.join(' ')}`);
          await frame.locator('#embeddedProfileEnabled').focus();
          await page.keyboard.press('Space');
          await frame.locator('#pipelineStage').focus();
          await page.keyboard.press('ArrowDown');
          await page.keyboard.press('ArrowDown');
          await frame.locator('#navsync-save').focus();
          await page.keyboard.press('Enter');
          await frame.locator('#navsync-message[data-kind="success"]').waitFor();
          const stored = [...double.settingsRows.values()][0];
          if (stored[DV.settings.embeddedProfileEnabled] !== true || stored[DV.settings.pipelineStage] !== '1')
            throw new Error(
              `stored ${stored[DV.settings.embeddedProfileEnabled]} / stage ${stored[DV.settings.pipelineStage]}`,
            );
        },
      ],
      ...pageStates(page, origin, double, 'de'),
      [
        'settings page: the data validation flow loads with the switch; a step the platform refuses is named and the switch stays off',
        async () => {
          seed(double);
          double.failures.push({
            method: 'POST',
            pathStartsWith: 'savedqueries',
            status: 403,
            code: '0x80040220',
            message: 'Principal user is missing prvCreateQuery privilege',
            times: 1,
          });
          const frame = await settingsFrame(page, origin, 'en', double);
          const scripts = () => frame.evaluate(() => [...document.scripts].map((x) => x.src.split('/').pop()));
          if ((await scripts()).includes('dataValidation.js')) throw new Error('the flow loaded with the page');
          await frame.getByRole('switch', { name: t('admin.dataValidation', 'en') }).check();
          await frame.getByRole('button', { name: t('common.save', 'en') }).click();
          const bar = frame.locator('#navsync-message[data-kind="error"]');
          await bar.getByText(t('dataverse.stepViews', 'en'), { exact: false }).waitFor({ timeout: 15000 });
          if (!(await scripts()).includes('dataValidation.js')) throw new Error('the flow script was not loaded');
          if (await frame.getByRole('switch', { name: t('admin.dataValidation', 'en') }).isChecked())
            throw new Error('the switch stayed on after a failed step');
          await shot(page, 'en.enable-failed');
          await axe(page);
        },
      ],
      [
        'settings page in German: turning data validation on shows each step and creates German views and reports',
        async () => {
          seed(double);
          const frame = await settingsFrame(page, origin, 'de', double);
          await frame.getByRole('switch', { name: t('admin.dataValidation', 'de') }).check();
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
          await shot(page, 'de.enabled');
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
