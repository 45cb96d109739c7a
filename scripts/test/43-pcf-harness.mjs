// Browser test: the production build of the Embedded Profile control running in Microsoft's pcf-start harness,
// driven by playwright-core with Debian Chromium. Hermetic: React is served from node_modules instead of unpkg,
// every non-loopback request is aborted. The harness has no Web API (its stubs alert and reject), so the test
// replaces those two stubs and the form's record id with an in-page store; the control's own code runs unchanged.
// Loads a contact, matches it by hand; a hostile stored profile URL shows as "no profile link"; then the control in
// all five languages (the harness's user language and the RESX of that language), screenshots in English and German;
// a sync match's "why this match" as a rep opens it, in English and German, with axe on the control (0 violations).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { root } from '../lib/proc.mjs';
import { runChecks } from '../lib/results.mjs';
import { launchChromium } from '../lib/chromium.mjs';
import AxeBuilder from '@axe-core/playwright';

const require = createRequire(import.meta.url);
// The core as the build emits it (CommonJS): the texts each language must show.
const { DATAVERSE_LCID, LOCALES, format, t } = require('../../shared-ts/dist/domain/index.js');

const controlDir = join(root, 'pcf-controls', 'EmbeddedProfile', 'out', 'controls', 'EmbeddedProfile');
const artifacts = join(root, 'test-artifacts');
const HARNESS = 'http://127.0.0.1:8181/';
const RECORD_ID = '6f1a0000-0000-0000-0000-0000000000e5';
const PROFILE_URL = 'https://nl.linkedin.com/in/Eva-Jansen-123/?originalSubdomain=nl';
/** A sync match's score as the engine stores it: e-mail 35, current company 25, last name 20, first name 12, title 8. */
const STORED_SCORE = 'p1|h|100|em35x|fn12x|ln20x|cc25x|ct8x';

const UNPKG = {
  'react.development.js': join(root, 'node_modules', 'react', 'umd', 'react.development.js'),
  'react-dom.development.js': join(root, 'node_modules', 'react-dom', 'umd', 'react-dom.development.js'),
};

/** The harness stubs and the record id we replace; the test fails loudly if pcf-start's bundle changed shape. */
const PATCHES = [
  [
    'retrieveRecord:function(e,t,r){return alert("Your control is trying to retrieve a record. This is not yet supported."),Promise.reject(new Error("Your control is trying to retrieve a record. This is not yet supported."))}',
    'retrieveRecord:function(e,t,r){return window.__navsync.retrieveRecord(e,t,r)}',
  ],
  [
    'updateRecord:function(e,t,r){return alert("Your control is trying to update a record. This is not yet supported."),Promise.reject(new Error("Your control is trying to update a record. This is not yet supported."))}',
    'updateRecord:function(e,t,r){return window.__navsync.updateRecord(e,t,r)}',
  ],
  [
    'contextInfo={entityTypeName:this._modeData&&this._modeData.entityTypeName,entityId:this._modeData&&this._modeData.entityId',
    'contextInfo={entityTypeName:window.__navsync.entity,entityId:window.__navsync.recordId',
  ],
  // The signed-in user's language (the harness has no setting for it).
  ['languageId:1033,locale:"en-US"', 'languageId:window.__navsync.lcid,locale:window.__navsync.locale'],
];

/** The language the next page load runs in: Dataverse hands the control the RESX of the user's language. */
let current = { lcid: 1033 };

/** Runs in the page before any script: the record the form shows, and what the control writes. */
function pageStore({ recordId, storedScore }) {
  const query = new URLSearchParams(location.search);
  const row = {
    fullname: 'Eva Jansen',
    '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso B.V.',
  };
  // A value a rep or an import left in the profile URL column.
  if (query.get('row') === 'hostile') {
    Object.assign(row, {
      navsync_salesnavurl: 'javascript:alert(document.domain)',
      navsync_memberurn: 'urn:li:member:1',
      navsync_matchsource: 613730000,
    });
  }
  // A contact the sync matched, with the score it stored.
  if (query.get('row') === 'scored') {
    Object.assign(row, {
      navsync_memberurn: 'urn:li:member:1',
      navsync_salesnavurl: 'https://www.linkedin.com/in/eva-jansen-123',
      navsync_matchsource: 613730000,
      navsync_syncedat: new Date().toISOString(),
      navsync_matchscore: storedScore,
    });
  }
  // An account form: the company card.
  const entityName = query.get('entity') ?? 'contact';
  if (entityName === 'account') {
    Object.assign(row, { name: 'Contoso B.V.', navsync_companyurn: 'urn:li:organization:1035' });
  }
  window.alert = () => undefined;
  window.__navsync = {
    recordId,
    entity: entityName,
    lcid: Number(query.get('lcid') ?? '1033'),
    locale: query.get('locale') ?? 'en',
    updates: [],
    selects: [],
    retrieveRecord(entity, id, options) {
      this.selects.push(`${entity}:${options}`);
      if (entity !== this.entity || id !== recordId) return Promise.reject(new Error('Does Not Exist'));
      return Promise.resolve({ ...row });
    },
    updateRecord(entity, id, data) {
      this.updates.push({ entity, id, data });
      Object.assign(row, data);
      return Promise.resolve({ id, entityType: entity });
    },
  };
}

async function waitForHarness(proc) {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`pcf-start exited with ${proc.exitCode}`);
    try {
      const res = await fetch(HARNESS);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('pcf-start did not answer on port 8181 within 30 s');
}

let harness = null;
let browser = null;
let page = null;
const aborted = [];

async function setUp() {
  if (!existsSync(join(controlDir, 'bundle.js'))) throw new Error('build the control first (npm run build)');
  mkdirSync(artifacts, { recursive: true });
  harness = spawn(
    process.execPath,
    [
      // pcf-start listens on every interface and has no host option: keep it on loopback.
      '--require',
      join(root, 'scripts', 'dynamics', 'loopback-only.cjs'),
      join(root, 'node_modules', 'pcf-start', 'bin', 'pcf-start.js'),
      '--codePath',
      controlDir,
    ],
    {
      cwd: join(root, 'pcf-controls', 'EmbeddedProfile'),
      env: { ...process.env, BROWSER: '/bin/true', PP_TOOLS_TELEMETRY_OPTOUT: 'true' },
      stdio: 'ignore',
    },
  );
  await waitForHarness(harness);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === 'unpkg.com') {
      const file = UNPKG[url.pathname.split('/').pop()];
      if (file) return route.fulfill({ path: file, contentType: 'application/javascript' });
    }
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') {
      if (url.pathname.endsWith('.resx')) {
        return route.fulfill({
          path: join(controlDir, 'strings', `EmbeddedProfile.${current.lcid}.resx`),
          contentType: 'text/xml',
        });
      }
      if (url.pathname.endsWith('/harness.js')) {
        const original = await route.fetch();
        let body = await original.text();
        for (const [from, to] of PATCHES) {
          if (!body.includes(from)) throw new Error(`pcf-start harness.js changed: cannot find ${from.slice(0, 60)}…`);
          body = body.replace(from, to);
        }
        return route.fulfill({ response: original, body });
      }
      return route.continue();
    }
    aborted.push(url.host);
    return route.abort();
  });
  await context.addInitScript(pageStore, { recordId: RECORD_ID, storedScore: STORED_SCORE });
  page = await context.newPage();
  await open('en');
}

/**
 * Waits until the control shows `text` (a whole line when `exact`). It reads the rendered text (innerText), as a rep
 * sees it: Fluent's Persona keeps a hidden copy of each text for its overflow tooltip, which a text locator would find.
 */
async function shows(text, { exact = false, timeout = 20000 } = {}) {
  await page.waitForFunction(
    ([want, whole]) => {
      const lines = (document.querySelector('.navsync-ep')?.innerText ?? '').split('\n').map((l) => l.trim());
      return whole ? lines.includes(want) : lines.some((l) => l.includes(want));
    },
    [text, exact],
    { timeout },
  );
}

/** (Re)load the harness in a language, optionally with the hostile row. */
async function open(locale, row = '', entity = 'contact') {
  current = { lcid: DATAVERSE_LCID[locale] };
  await page.goto(`${HARNESS}?lcid=${current.lcid}&locale=${locale}&entity=${entity}${row ? `&row=${row}` : ''}`);
  // The harness fills every input property with "val"; an API key turns on the official frame, so clear it to
  // get NavSync's own card, and give the search inputs real values.
  for (const [property, value] of [
    ['displayServicesApiKey', ''],
    ['firstName', 'Eva'],
    ['lastName', 'Jansen'],
    ['company', 'Contoso B.V.'],
  ]) {
    const input = page.locator(`xpath=//*[normalize-space(text())="${property}"]/following::input[1]`);
    await input.fill(value);
    await input.press('Enter');
  }
}

/** axe on the control (the harness page around it is Microsoft's): 0 violations. */
async function axeOnControl() {
  const result = await new AxeBuilder({ page }).include('.navsync-ep').analyze();
  const problems = result.violations.map(
    (v) =>
      `axe ${v.id} (${v.impact}): ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
  if (problems.length) throw new Error(problems.join('\n'));
}

/** The explanation a rep reads: total with confidence, one line per criterion (strongest first), no points from. */
function expectedExplanation(locale) {
  const say = (key, params) => format(t(key, locale), params);
  const lines = [
    ['Email', 35],
    ['CurrentCompany', 25],
    ['LastName', 20],
    ['FirstName', 12],
    ['CurrentTitle', 8],
  ];
  return {
    total: `${say('badge.whyTotal', { total: 100 })} · ${say('matching.confidenceHigh')}`,
    lines: lines.map(
      ([c, points]) =>
        `${say('common.labelValue', {
          label: say(`matching.criterion${c}`),
          value: say('badge.whyShare', { points, share: points }),
        })} (${say('matching.levelExact')})`,
    ),
    points: lines.map(([, points]) => points),
  };
}

async function tearDown() {
  await browser?.close().catch(() => undefined);
  if (harness && harness.exitCode === null) harness.kill();
}

try {
  await setUp();
  const ok = await runChecks([
    [
      'the control loads the contact through context.webAPI and shows the not-matched card',
      async () => {
        await shows('Eva Jansen', { exact: false, timeout: 20000 });
        await shows('Not matched', { exact: false, timeout: 5000 });
        const selects = await page.evaluate(() => window.__navsync.selects);
        if (!selects.some((s) => s.startsWith('contact:?$select=') && s.includes('navsync_salesnavurl'))) {
          throw new Error(`unexpected retrieveRecord calls: ${JSON.stringify(selects)}`);
        }
      },
    ],
    [
      'a manual match stores the normalised URL and shows the Sales Navigator link',
      async () => {
        await page.getByLabel('Profile URL').fill(PROFILE_URL);
        await page.getByRole('button', { name: 'Match', exact: true }).click();
        const link = page.getByRole('link', { name: 'View in Sales Navigator' });
        await link.waitFor({ timeout: 10000 });
        const href = await link.getAttribute('href');
        if (href !== 'https://www.linkedin.com/in/eva-jansen-123') throw new Error(`link ${href}`);
        const updates = await page.evaluate(() => window.__navsync.updates);
        const data = updates[0]?.data ?? {};
        if (updates.length !== 1 || data.navsync_salesnavurl !== href || data.navsync_matchsource !== 613730001) {
          throw new Error(`unexpected updateRecord calls: ${JSON.stringify(updates)}`);
        }
        await shows('Matched by hand', { exact: false, timeout: 5000 });
        await page.screenshot({ path: join(artifacts, 'pcf-embedded-profile.png'), fullPage: true });
      },
    ],
    [
      'a hostile stored profile URL (javascript:) shows "no profile link" and no link',
      async () => {
        await open('en', 'hostile');
        await shows(t('profile.noProfileLink', 'en'), { exact: false, timeout: 20000 });
        const hrefs = await page
          .locator('.navsync-ep a[href]')
          .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        if (hrefs.length) throw new Error(`links rendered: ${hrefs.join(', ')}`);
        if ((await page.content()).includes('javascript:alert')) throw new Error('the stored value reached the page');
      },
    ],
    ...LOCALES.map((locale) => [
      `the control in ${locale}: texts of the user's language, lang="${locale}" on the control`,
      async () => {
        await open(locale);
        await shows(t('badge.notMatched', locale), { exact: true, timeout: 20000 });
        await page.getByRole('button', { name: t('profile.matchButton', locale), exact: true }).waitFor();
        const lang = await page.locator('.navsync-ep').first().getAttribute('lang');
        if (lang !== locale) throw new Error(`lang="${lang}"`);
        if (locale === 'en' || locale === 'de')
          await page.screenshot({ path: join(artifacts, `pcf-embedded-profile.${locale}.png`), fullPage: true });
      },
    ]),
    ...['en', 'de'].map((locale) => [
      `a sync match: the rep opens "why this match" and reads points per criterion adding up to the score (${locale}, axe 0)`,
      async () => {
        await open(locale, 'scored');
        const toggle = page.getByRole('button', { name: t('badge.whyTitle', locale), exact: true });
        await toggle.waitFor({ timeout: 20000 });
        await axeOnControl();
        if ((await toggle.getAttribute('aria-expanded')) !== 'false') throw new Error('open before it was asked');
        await toggle.click();
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') throw new Error('aria-expanded not true');
        const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
        await panel.waitFor({ timeout: 5000 });
        const want = expectedExplanation(locale);
        const total = await panel.locator('[data-id="why-total"]').innerText();
        const lines = (await panel.locator('li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim());
        if (total !== want.total) throw new Error(`total "${total}", expected "${want.total}"`);
        if (JSON.stringify(lines) !== JSON.stringify(want.lines))
          throw new Error(`lines ${JSON.stringify(lines)}, expected ${JSON.stringify(want.lines)}`);
        const sum = want.points.reduce((a, b) => a + b, 0);
        if (sum !== 100) throw new Error(`the lines add up to ${sum}, the score shown is 100`);
        await axeOnControl();
        await page.screenshot({ path: join(artifacts, `pcf-embedded-profile.why.${locale}.png`), fullPage: true });
      },
    ]),
    [
      'on an account form: the company card with its LinkedIn page (German user)',
      async () => {
        await open('de', '', 'account');
        await shows(t('profile.companyLinked', 'de'), { exact: false, timeout: 20000 });
        const link = page.getByRole('link', { name: t('profile.viewCompany', 'de') });
        if ((await link.getAttribute('href')) !== 'https://www.linkedin.com/company/1035')
          throw new Error('company link');
        if ((await page.getByLabel(t('profile.matchLabel', 'de')).count()) !== 0)
          throw new Error('person parts on an account');
        await page.screenshot({ path: join(artifacts, 'pcf-embedded-profile.account.de.png'), fullPage: true });
      },
    ],
    [
      'the harness listens on loopback only (not on this machine’s other addresses)',
      async () => {
        const others = Object.values(networkInterfaces())
          .flat()
          .filter((a) => a && a.family === 'IPv4' && !a.internal)
          .map((a) => a.address);
        if (others.length === 0) console.log('    (this machine has no other IPv4 address to try)');
        for (const address of others) {
          const reached = await new Promise((resolve) => {
            const socket = connect({ host: address, port: 8181 }, () => {
              socket.destroy();
              resolve(true);
            });
            socket.on('error', () => resolve(false));
          });
          if (reached) throw new Error(`port 8181 answers on ${address}`);
        }
      },
    ],
    [
      'no request left the machine (only loopback; unpkg served from node_modules)',
      () => {
        const unexpected = aborted.filter((h) => !/(^|\.)cdn\.office\.net$|static2\.sharepointonline\.com$/.test(h));
        if (unexpected.length) console.log(`    (aborted: ${[...new Set(aborted)].join(', ')})`);
        // Any host here was blocked, so nothing left the machine; Fluent's font CDN is the only expected one.
        if (unexpected.some((h) => h === 'unpkg.com')) throw new Error('React was not served locally');
      },
    ],
  ]);
  await tearDown();
  process.exit(ok ? 0 : 1);
} catch (err) {
  console.error(err);
  await tearDown();
  const { writeResult } = await import('../lib/results.mjs');
  writeResult({ passed: 0, failed: 1, failures: [{ name: 'harness set-up', error: String(err?.message ?? err) }] });
  process.exit(1);
}
