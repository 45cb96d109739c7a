// Every NavSync LWC rendered by the real LWC engine with the open-source Lightning base components and SLDS in
// headless Chromium, in each state a user can reach, in English and German: the texts users read, the main
// actions clicked through, axe with 0 violations, a screenshot per state in test-artifacts/lwc/.
// Wire adapters emit the same JSON fixtures the jest tests use; Apex and record writes are recorded calls.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../lib/chromium.mjs';
import AxeBuilder from '@axe-core/playwright';
import { runChecks } from '../lib/results.mjs';
import { root } from '../lib/proc.mjs';
import { buildLwcBrowser, OUT, SLDS_ASSETS } from '../salesforce/browser/build.mjs';
import { loadLabelTexts } from '../salesforce/browser/labels.mjs';

const LWC = join(root, 'force-app', 'main', 'default', 'lwc');
const ARTIFACTS = join(root, 'test-artifacts', 'lwc');
const NOW = new Date('2026-11-22T12:00:00.000Z');
const ORIGIN = 'https://lwc.navsync.test';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** One origin for the page and SLDS, a blank photo for LinkedIn's media CDN, nothing else leaves the browser. */
async function serve(context, requests) {
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    requests.push(url.href);
    if (url.origin === ORIGIN) {
      const file = url.pathname.startsWith('/slds/')
        ? join(SLDS_ASSETS, url.pathname.slice(6))
        : join(OUT, url.pathname.slice(1));
      return route.fulfill({ path: file });
    }
    if (url.hostname === 'media.licdn.com') return route.fulfill({ body: PNG, contentType: 'image/png' });
    return route.abort();
  });
}

const fixture = (component, name) =>
  JSON.parse(readFileSync(join(LWC, component, '__tests__', 'data', `${name}.json`), 'utf8'));
const clone = (x) => JSON.parse(JSON.stringify(x));
const withField = (record, field, value) => {
  const r = clone(record);
  r.fields[field] = { displayValue: null, value };
  return r;
};

const FX = {
  bySync: fixture('embeddedProfile', 'contactMatchedBySync'),
  bySyncScored: fixture('embeddedProfile', 'contactMatchedBySyncScored'),
  byHand: fixture('embeddedProfile', 'leadMatchedByHand'),
  notMatched: fixture('embeddedProfile', 'contactNotMatched'),
  notAtCompany: fixture('embeddedProfile', 'contactNotAtCompany'),
  opportunity: fixture('embeddedProfile', 'opportunity'),
  recordError: fixture('embeddedProfile', 'recordError'),
  score: fixture('crmBadge', 'matchScore'),
  settingsList: fixture('navsyncAdmin', 'settingsList'),
  stages: fixture('navsyncAdmin', 'stagePicklist'),
  opportunityInfo: fixture('navsyncAdmin', 'opportunityInfo'),
  personAccounts: fixture('navsyncAdmin', 'accountInfoPersonAccounts'),
  seats: fixture('seatManager', 'seatList'),
  users: fixture('seatManager', 'activeUsers'),
  statuses: fixture('testWriteBack', 'taskStatuses'),
  tasks: fixture('testWriteBack', 'createTasksResult'),
  contactValidation: fixture('testWriteBack', 'createContactValidationError'),
};
const emptyList = (list) => ({ ...list, count: 0, records: [] });

/** Admin page wires: the settings and seat lists by object, the opportunity/account object infos, stages, users. */
function adminFixtures({ settings = FX.settingsList, account = null } = {}) {
  return {
    getListRecordsByName: {
      by: 'objectApiName',
      values: { NavSync_Settings__c: { data: settings }, NavSync_Seat__c: { data: FX.seats } },
    },
    getObjectInfo: {
      by: 'objectApiName',
      values: {
        Opportunity: { data: FX.opportunityInfo },
        Account: { data: account || { ...FX.personAccounts, fields: { Name: FX.personAccounts.fields.Name } } },
      },
    },
    getPicklistValues: { data: FX.stages },
    graphql: { data: FX.users },
  };
}

let browser;
let labels;
const shots = [];

/** A fresh page in a language: labels and fixtures set before the bundle runs, the clock fixed, one component mounted. */
async function open(lang, tag, props, { fixtures = {}, results = {} } = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 }, locale: lang });
  const page = await context.newPage();
  page.setDefaultTimeout(8000);
  page.setDefaultNavigationTimeout(30000);
  const requests = [];
  await serve(context, requests);
  page.requests = requests;
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.clock.setFixedTime(NOW);
  await page.addInitScript(
    ({ texts, lang: l, fx, res }) => {
      globalThis.__navsyncLabels = texts;
      globalThis.__navsyncLang = l;
      globalThis.__navsync = { fixtures: fx, results: res, calls: [], adapters: [] };
    },
    { texts: labels[lang], lang, fx: fixtures, res: results },
  );
  await page.goto(`${ORIGIN}/index.html`);
  await page.evaluate(({ t, p }) => globalThis.__navsyncMount(t, p), { t: tag, p: props });
  page.pageErrors = errors;
  return page;
}

const text = (page, id) => page.locator(`[data-id="${id}"]`).first().innerText();
const calls = (page, name) => page.evaluate((n) => globalThis.__navsync.calls.filter((c) => c.name === n), name);
const setFixture = (page, name, value) =>
  page.evaluate(
    ({ n, v }) => {
      globalThis.__navsync.fixtures[n] = v;
    },
    { n: name, v: value },
  );
const setResult = (page, name, value) =>
  page.evaluate(
    ({ n, v }) => {
      globalThis.__navsync.results[n] = v;
    },
    { n: name, v: value },
  );
const click = (page, id) => page.locator(`[data-id="${id}"] button, button[data-id="${id}"]`).first().click();

function expectEq(got, want, what) {
  if (got !== want) throw new Error(`${what}: "${got}" (want "${want}")`);
}
function expectHas(got, want, what) {
  if (!String(got).includes(want)) throw new Error(`${what}: "${got}" does not contain "${want}"`);
}

/** Our own elements that are live regions (announced when they appear): none while nothing has happened. */
const liveRegions = (page) =>
  page.evaluate(() =>
    globalThis
      .__navsyncRoots()
      .flatMap((r) => [
        ...r.querySelectorAll('[data-id][role="alert"], [data-id][role="status"], [data-id][aria-live]'),
      ])
      .map((e) => e.dataset.id),
  );

/** The text a user reads, template by template. */
const renderedText = (page) =>
  page.evaluate(() =>
    globalThis
      .__navsyncRoots()
      .flatMap((r) => [...r.children].map((c) => c.innerText || ''))
      .join('\n'),
  );

/** Every link target rendered. */
const renderedHrefs = (page) =>
  page.evaluate(() =>
    globalThis.__navsyncRoots().flatMap((r) => [...r.querySelectorAll('a[href]')].map((a) => a.getAttribute('href'))),
  );

async function expectNoLiveRegion(page) {
  const live = await liveRegions(page);
  if (live.length) throw new Error(`announced on page load: ${live.join(', ')}`);
}

/** Words where a label runs into its value ("Email address:40"). */
const gluedText = async (page) => (await renderedText(page)).match(/\S*\p{L}:[\p{L}\d]\S*/gu) || [];

/**
 * axe 0 violations, no page error, no label glued to its value ("Email address:40": whitespace between template
 * tags does not survive compilation), and a screenshot named after the state.
 */
async function settle(page, name) {
  await page.waitForTimeout(50);
  const glued = await gluedText(page);
  const axe = await new AxeBuilder({ page }).analyze();
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  shots.push(file);
  const problems = axe.violations.map(
    (v) =>
      `axe ${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  if (page.pageErrors.length) problems.push(...page.pageErrors.map((e) => `page error: ${e}`));
  if (glued.length) problems.push(`label and value run together: ${glued.join(', ')}`);
  await page.context().close();
  if (problems.length) throw new Error(problems.join('\n'));
}

const t = (lang, key, params) => labels.format(lang, key, params);
const profile = (record, objectApiName = 'Contact') => ({ recordId: record.id, objectApiName });

const states = [];
for (const lang of (process.env.NAVSYNC_LWC_LANGS || 'en,de').split(',')) {
  const L = (key, params) => t(lang, key, params);
  states.push(
    [
      `${lang}: Embedded Profile loading`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.bySync));
        await page.locator('lightning-spinner').waitFor();
        await settle(page, `${lang}-profile-loading`);
      },
    ],
    [
      `${lang}: Embedded Profile load error`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.bySync), {
          fixtures: { getRecord: { error: FX.recordError } },
        });
        expectEq(await text(page, 'load-error'), L('profile.loadError'), 'load error');
        await settle(page, `${lang}-profile-error`);
      },
    ],
    [
      `${lang}: matched by sync: badge, "Synced 1 day ago", photo, profile link, why this match`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.bySync), {
          fixtures: { getRecord: { data: FX.bySync } },
        });
        expectEq(await text(page, 'state'), L('badge.matchedBySync'), 'badge');
        expectEq(await text(page, 'synced'), L('badge.syncedDaysAgo', { days: 1 }), 'synced');
        if (lang === 'en') expectEq(await text(page, 'synced'), 'Synced 1 day ago', 'synced (plural)');
        await expectNoLiveRegion(page);
        const stored = FX.bySync.fields.Sales_Navigator_URL__c.value;
        expectEq(
          await page.locator('[data-id="profile-link"]').getAttribute('href'),
          labels.domain.renderableProfileUrl(stored),
          'profile link',
        );
        await settle(page, `${lang}-profile-matched-by-sync`);
      },
    ],
    [
      `${lang}: matched by sync with its explanation: the score stored on the record, points adding up to the total`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.bySyncScored), {
          fixtures: { getRecord: { data: FX.bySyncScored } },
        });
        expectEq(await text(page, 'state'), L('badge.matchedBySync'), 'badge');
        await click(page, 'why');
        // Stored as p1|h|100|em35x|fn12x|ln20x|cc25x|ct8x: e-mail, current company, last name, first name, title.
        const want = [
          ['email', 35],
          ['currentCompany', 25],
          ['lastName', 20],
          ['firstName', 12],
          ['currentTitle', 8],
        ];
        const criteria = await page
          .locator('li[data-criterion]')
          .evaluateAll((els) => els.map((e) => e.dataset.criterion));
        expectEq(criteria.join(','), want.map(([c]) => c).join(','), 'criteria, strongest first');
        for (const [criterion, points] of want) {
          const line = await page.locator(`li[data-criterion="${criterion}"]`).innerText();
          const name = `criterion${criterion[0].toUpperCase()}${criterion.slice(1)}`;
          expectHas(
            line,
            L('common.labelValue', {
              label: L(`matching.${name}`),
              value: L('badge.whyShare', { points, share: points }),
            }),
            `${criterion} line`,
          );
          expectHas(line, `(${L('matching.levelExact')})`, `${criterion} level`);
        }
        expectEq(
          want.reduce((sum, [, p]) => sum + p, 0),
          100,
          'points add up',
        );
        expectHas(await text(page, 'why-total'), L('badge.whyTotal', { total: 100 }), 'total');
        if (lang === 'en') expectHas(await text(page, 'why-total'), 'Score 100', 'total (en)');
        await settle(page, `${lang}-profile-matched-by-sync-why`);
      },
    ],
    [
      `${lang}: matched by hand (lead): unmatch asks first, then writes the cleared association`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.byHand, 'Lead'), {
          fixtures: { getRecord: { data: FX.byHand } },
        });
        expectEq(await text(page, 'state'), L('badge.matchedByHand'), 'badge');
        await click(page, 'unmatch');
        expectEq(
          await page.locator('[data-id="unmatch-confirm"] p').innerText(),
          L('profile.unmatchConfirm'),
          'confirm',
        );
        await click(page, 'unmatch-yes');
        await page.waitForFunction(() => globalThis.__navsync.calls.some((c) => c.name === 'updateRecord'));
        const [u] = await calls(page, 'updateRecord');
        expectEq(u.args.fields.Sales_Navigator_URL__c, null, 'unmatch clears the URL');
        await settle(page, `${lang}-profile-matched-by-hand`);
      },
    ],
    [
      `${lang}: not matched: empty state, match by hand refuses a non-profile URL, then saves a profile`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.notMatched), {
          fixtures: { getRecord: { data: FX.notMatched } },
        });
        expectEq(await text(page, 'empty-title'), L('profile.emptyTitle'), 'empty title');
        const input = page.locator('[data-id="match-url"] input');
        await input.fill('https://www.linkedin.com/company/acme');
        await input.dispatchEvent('change');
        await click(page, 'match');
        await page.locator('[data-id="match-error"]').waitFor();
        await settle(page, `${lang}-profile-not-matched`);
      },
    ],
    [
      `${lang}: not at company: banner (not an alert), Ignore writes the flag`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.notAtCompany), {
          fixtures: { getRecord: { data: FX.notAtCompany } },
        });
        expectHas(await text(page, 'not-at-company-text'), 'Anneke de Vries', 'banner');
        await expectNoLiveRegion(page);
        await settle(page, `${lang}-profile-not-at-company`);
      },
    ],
    [
      `${lang}: ignored: the Not at company flag is ignored, undo offered`,
      async () => {
        const ignored = withField(FX.notAtCompany, 'Not_At_Company__c', 'Ignore');
        const page = await open(lang, 'c-embedded-profile', profile(ignored), {
          fixtures: { getRecord: { data: ignored } },
        });
        expectHas(await text(page, 'ignored'), L('profile.ignored'), 'ignored');
        await expectNoLiveRegion(page);
        await settle(page, `${lang}-profile-ignored`);
      },
    ],
    [
      `${lang}: opportunity record: name and company only`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.opportunity, 'Opportunity'), {
          fixtures: { getRecord: { data: FX.opportunity } },
        });
        await page.locator('[data-id="name"]').waitFor();
        await settle(page, `${lang}-profile-opportunity`);
      },
    ],
    [
      `${lang}: admin settings loaded, connected, last synced shown`,
      async () => {
        const page = await open(lang, 'c-navsync-admin', {}, { fixtures: adminFixtures() });
        expectEq(await text(page, 'connection'), L('admin.connectedSalesforce'), 'connection');
        await page.locator('[data-id="last-synced"]').waitFor();
        await expectNoLiveRegion(page);
        await settle(page, `${lang}-admin-loaded`);
      },
    ],
    [
      `${lang}: admin settings saved`,
      async () => {
        const page = await open(
          lang,
          'c-navsync-admin',
          {},
          { fixtures: adminFixtures(), results: { updateRecord: { resolve: {} } } },
        );
        await click(page, 'save');
        await page.locator('[data-id="saved"]').waitFor();
        expectEq((await calls(page, 'updateRecord')).length, 1, 'one update');
        const toasts = await calls(page, 'toast');
        expectEq(toasts.map((c) => c.args.variant).join(), 'success', 'a success toast');
        await settle(page, `${lang}-admin-saved`);
      },
    ],
    [
      `${lang}: admin settings save failed: the platform's reason is shown`,
      async () => {
        const page = await open(
          lang,
          'c-navsync-admin',
          {},
          { fixtures: adminFixtures(), results: { updateRecord: { reject: FX.contactValidation } } },
        );
        await click(page, 'save');
        await page.locator('[data-id="save-error"]').waitFor();
        expectHas(await text(page, 'save-error'), 'Email is required for every contact.', "the platform's reason");
        const toasts = await calls(page, 'toast');
        expectEq(toasts.map((c) => c.args.variant).join(), 'error', 'an error toast');
        expectHas(toasts[0].args.message, 'Email is required for every contact.', 'toast text');
        await settle(page, `${lang}-admin-save-failed`);
      },
    ],
    [
      `${lang}: admin page with person accounts: the warning`,
      async () => {
        const page = await open(
          lang,
          'c-navsync-admin',
          {},
          { fixtures: adminFixtures({ account: FX.personAccounts }) },
        );
        expectEq(await text(page, 'person-accounts'), L('admin.personAccountsNotSupported'), 'warning');
        await settle(page, `${lang}-admin-person-accounts`);
      },
    ],
    [
      `${lang}: seats: list, select, assign`,
      async () => {
        const page = await open(lang, 'c-seat-manager', {}, { fixtures: adminFixtures() });
        await page.locator('[data-id="seat-row"], tbody tr').first().waitFor();
        await settle(page, `${lang}-seats`);
      },
    ],
    [
      `${lang}: Test Write-Back passed, then clean-up`,
      async () => {
        const page = await open(
          lang,
          'c-test-write-back',
          { enabledKinds: ['inmail', 'note'] },
          {
            results: {
              createRecord: { resolve: { id: '003000000000009AAA' } },
              'NavSyncTestWriteBack.taskStatuses': { resolve: FX.statuses },
              'NavSyncTestWriteBack.createTasks': {
                resolve: FX.tasks
                  .slice(0, 2)
                  .map((r, i) => ({ ...r, recordId: `00T00000000000${i}AAA`, statusCode: null, message: null })),
              },
              'NavSyncTestWriteBack.deleteActivities': { resolve: 2 },
              deleteRecord: { resolve: undefined },
            },
          },
        );
        await click(page, 'run');
        await page.locator('[data-id="results"]').waitFor();
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, `${lang}-twb-passed.png`), fullPage: true });
        expectEq((await gluedText(page)).join(' '), '', 'label and value run together');
        await click(page, 'remove');
        await page.locator('[data-id="removed"]').waitFor();
        const [del] = await calls(page, 'NavSyncTestWriteBack.deleteActivities');
        expectEq(del.args.taskIds.join(), '00T000000000000AAA,00T000000000001AAA', 'the test tasks are removed');
        expectEq((await calls(page, 'deleteRecord'))[0].args, '003000000000009AAA', 'then the test contact');
        await settle(page, `${lang}-twb-cleaned-up`);
      },
    ],
    [
      `${lang}: Test Write-Back stopped by a validation rule: cause and remedy`,
      async () => {
        const page = await open(
          lang,
          'c-test-write-back',
          { enabledKinds: ['inmail'] },
          { results: { createRecord: { reject: FX.contactValidation } } },
        );
        await click(page, 'run');
        await page.locator('[data-id="failure"]').waitFor();
        await settle(page, `${lang}-twb-validation-rule`);
      },
    ],
    [
      `${lang}: admin page shows the last run: result, each step, the failed step's code, message and remedy`,
      async () => {
        // As the engine stores it (the core's encodeLastRun).
        const summary = {
          v: 1,
          at: '2026-11-22T06:00:00.000Z',
          ok: false,
          steps: [
            { name: 'connection', status: 'ok' },
            { name: 'validation', status: 'failed', code: 'NS-CONN-001' },
            { name: 'writeBack', status: 'ok' },
          ],
        };
        const list = clone(FX.settingsList);
        list.records[0].fields.Last_Run_Summary__c = { displayValue: null, value: JSON.stringify(summary) };
        const page = await open(lang, 'c-navsync-admin', {}, { fixtures: adminFixtures({ settings: list }) });
        await page.locator('[data-id="last-run"]').waitFor();
        expectHas(await text(page, 'last-run-result'), L('admin.runFailed'), 'result');
        const step = await page.locator('li[data-step="validation"]').innerText();
        expectHas(
          step,
          L('common.labelValue', { label: L('admin.step_validation'), value: L('admin.runFailed') }),
          'step',
        );
        expectHas(step, 'NS-CONN-001', 'code');
        expectHas(step, L('errors.connectFailed'), 'message');
        expectHas(step, L('errors.connectFailedRemedy'), 'remedy');
        await settle(page, `${lang}-admin-last-run-failed`);
      },
    ],
    [
      `${lang}: admin page, connected and never synced: the first sync can take up to 24 hours`,
      async () => {
        const list = clone(FX.settingsList);
        list.records[0].fields.Last_Synced_At__c = { displayValue: null, value: null };
        const page = await open(lang, 'c-navsync-admin', {}, { fixtures: adminFixtures({ settings: list }) });
        expectEq(await text(page, 'first-sync'), L('admin.firstSync'), 'first-connection notice');
        expectEq(await text(page, 'connection'), L('admin.connectedSalesforce'), 'connected');
        // Until the first run the page also shows how to connect the engine (an External Client App of the org).
        expectHas(await text(page, 'engine-setup'), L('engineSetup.step3'), 'engine setup steps');
        await settle(page, `${lang}-admin-first-connection`);
      },
    ],
    [
      `${lang}: why this match: one line per criterion, label and value apart`,
      async () => {
        const info = labels.domain.badgeState(labels.domain.badgeFieldsFromSalesforce(FX.bySync), NOW.getTime());
        const page = await open(lang, 'c-crm-badge', { info, score: FX.score });
        await click(page, 'why');
        const first = await page.locator('li[data-criterion="email"]').innerText();
        expectHas(
          first,
          L('common.labelValue', {
            label: L('matching.criterionEmail'),
            value: L('badge.whyShare', { points: 40, share: 46 }),
          }),
          'email line',
        );
        if (lang === 'en') expectHas(first, 'Email address: 40 points', 'email line (en)');
        await settle(page, `${lang}-badge-why`);
      },
    ],
    [
      `${lang}: admin settings created once: after a save and a remount the record is updated, not created again`,
      async () => {
        const page = await open(
          lang,
          'c-navsync-admin',
          {},
          {
            fixtures: adminFixtures({ settings: emptyList(FX.settingsList) }),
            results: { createRecord: { resolve: { id: 'a01000000000009AAA' } }, updateRecord: { resolve: {} } },
          },
        );
        await page.locator('[data-id="connection"]').waitFor();
        // What the server will hold once the record is created; LDS serves its cached (empty) list until the
        // component refreshes it.
        const created = clone(FX.settingsList);
        created.records[0].id = 'a01000000000009AAA';
        await setFixture(page, 'getListRecordsByName', adminFixtures({ settings: created }).getListRecordsByName);
        await click(page, 'save');
        await page.waitForFunction(() => globalThis.__navsync.calls.some((c) => c.name === 'createRecord'));
        await page.waitForTimeout(200);
        await page.evaluate(() => globalThis.__navsyncMount('c-navsync-admin', {}));
        await page.locator('[data-id="connection"]').waitFor();
        await click(page, 'save');
        await page.waitForFunction(
          () =>
            globalThis.__navsync.calls.some((c) => c.name === 'updateRecord') ||
            globalThis.__navsync.calls.filter((c) => c.name === 'createRecord').length > 1,
        );
        expectEq((await calls(page, 'createRecord')).length, 1, 'settings records created');
        expectEq(
          (await calls(page, 'updateRecord'))[0].args.fields.Id,
          'a01000000000009AAA',
          'the created record is updated',
        );
        await settle(page, `${lang}-admin-created-then-updated`);
      },
    ],
    [
      `${lang}: Not at company, Ignore refused by the platform: its reason on the card and in a toast`,
      async () => {
        const page = await open(lang, 'c-embedded-profile', profile(FX.notAtCompany), {
          fixtures: { getRecord: { data: FX.notAtCompany } },
          results: { updateRecord: { reject: FX.contactValidation } },
        });
        await click(page, 'ignore');
        await page.locator('[data-id="action-error"]').waitFor();
        expectHas(await text(page, 'action-error'), 'Email is required for every contact.', 'reason');
        const toasts = await calls(page, 'toast');
        expectEq(toasts.map((c) => c.args.variant).join(), 'error', 'an error toast');
        await settle(page, `${lang}-profile-ignore-failed`);
      },
    ],
    [
      `${lang}: seats: turning a seat off is saved; a refusal shows the platform's reason`,
      async () => {
        const page = await open(
          lang,
          'c-seat-manager',
          {},
          { fixtures: adminFixtures(), results: { updateRecord: [{ resolve: {} }, { reject: FX.contactValidation }] } },
        );
        const toggles = page.locator('lightning-input.enabled input');
        await toggles.first().waitFor();
        await toggles.first().click({ force: true });
        await page.waitForFunction(() => globalThis.__navsync.calls.filter((c) => c.name === 'toast').length === 1);
        await toggles.nth(1).click({ force: true });
        await page.waitForFunction(() => globalThis.__navsync.calls.filter((c) => c.name === 'toast').length === 2);
        const toasts = await calls(page, 'toast');
        expectEq(toasts.map((c) => c.args.variant).join(), 'success,error', 'toasts');
        expectHas(toasts[1].args.message, 'Email is required for every contact.', 'reason');
        await settle(page, `${lang}-seats-saved-and-refused`);
      },
    ],
  );
  if (lang === 'en') {
    for (const [what, stored] of [
      ['a javascript: URL', 'javascript:alert(document.domain)'],
      ['a data: URL', 'data:text/html,<script>alert(1)</script>'],
      ['another site', 'https://linkedin.com.evil.example/in/anneke'],
      ['plain http', 'http://www.linkedin.com/in/anneke-de-vries'],
    ]) {
      states.push([
        `en: a stored profile URL that is ${what} is never a link: "no profile link"`,
        async () => {
          const record = withField(FX.bySync, 'Sales_Navigator_URL__c', stored);
          const page = await open('en', 'c-embedded-profile', profile(record), {
            fixtures: { getRecord: { data: record } },
          });
          await page.locator('[data-id="no-profile-link"]').waitFor();
          expectEq(await text(page, 'no-profile-link'), t('en', 'profile.noProfileLink'), 'no profile link');
          const hrefs = await renderedHrefs(page);
          if (hrefs.some((h) => h.includes(stored) || /^(javascript|data):/i.test(h)))
            throw new Error(`link rendered: ${hrefs.join(', ')}`);
          await settle(page, `en-profile-hostile-url-${what.replace(/\W+/g, '-')}`);
        },
      ]);
    }
  }
}

const ok = await runChecks([
  [
    'the LWCs build with the LWC compiler, base components and SLDS',
    async () => {
      // NAVSYNC_LWC_REUSE=1 reuses the last bundle while working on the tests themselves (the build takes ~1 min).
      if (process.env.NAVSYNC_LWC_REUSE !== '1') {
        const r = await buildLwcBrowser();
        console.log(`    built in ${r.seconds.toFixed(1)} s`);
      }
      labels = loadLabelTexts();
      browser = await launchChromium();
    },
  ],
  ...states,
]);
if (browser) await browser.close().catch(() => {});
console.log(`  ${shots.length} screenshots in ${ARTIFACTS.slice(root.length + 1)}`);
process.exit(ok ? 0 : 1);
