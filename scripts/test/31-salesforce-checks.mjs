// Static checks of the Salesforce package (no org needed): XML, Metadata API schema, Apex (apex-ls, PMD, prettier),
// LWC (ESLint, compiler), schema references, labels, reports vs the core's definitions, and the packaged zip.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { runChecks } from '../lib/results.mjs';
import { root } from '../lib/proc.mjs';
import {
  APEX_REFS_CLASS,
  MAIN,
  SCHEMA_REFS_CLASS,
  apexLs,
  eslintLwc,
  lwcCompile,
  lwcSources,
  metadataSchema,
  pmd,
  prettierApex,
  schemaImports,
  walk,
  xmllintAll,
} from '../salesforce/checks.mjs';
import { labelKeys, labelModules, loadDomain } from '../salesforce/labels.mjs';
import { ZIP_NAME, OUT_DIR } from '../salesforce/package.mjs';
import { renderedReports } from '../salesforce/reports.mjs';

const domain = loadDomain();
const COMPONENTS = ['embeddedProfile', 'crmBadge', 'testWriteBack', 'navsyncAdmin', 'seatManager'];
const apexRun = apexLs();

const ok = await runChecks([
  ['xmllint --noout accepts every -meta.xml', () => xmllintAll()],
  ['every -meta.xml fits the Metadata API schema (check-sf-metadata)', () => metadataSchema()],
  [
    'apex-ls CheckForIssues finds no issue in the Apex',
    async () => {
      const { ok, issues } = await apexRun;
      const own = Object.entries(issues).filter(
        ([file]) => !file.includes(SCHEMA_REFS_CLASS) && !file.includes(APEX_REFS_CLASS),
      );
      if (own.length || (!ok && !Object.keys(issues).length)) throw new Error(JSON.stringify(issues, null, 2));
    },
  ],
  [
    'every @salesforce/schema field an LWC imports exists (force-app or standard)',
    async () => {
      const { issues, refs } = await apexRun;
      const bad = Object.entries(issues).filter(([file]) => file.includes(SCHEMA_REFS_CLASS));
      if (bad.length) throw new Error(bad.flatMap(([, lines]) => lines).join('\n'));
      if (refs.length < 20) throw new Error(`only ${refs.length} @salesforce/schema imports found: the scan is broken`);
    },
  ],
  [
    'every field the Apex queries or names exists (force-app or standard)',
    async () => {
      const { issues, apexRefs } = await apexRun;
      const bad = Object.entries(issues).filter(([file]) => file.includes(APEX_REFS_CLASS));
      if (bad.length) throw new Error(bad.flatMap(([, lines]) => lines).join('\n'));
      if (apexRefs.length < 10)
        throw new Error(`only ${apexRefs.length} Apex field references found: the scan is broken`);
    },
  ],
  ['PMD recommended Apex rules: no severity 1-2 violation', () => pmd()],
  ['prettier-plugin-apex --check', () => prettierApex()],
  ['ESLint LWC config: no errors in the LWCs', () => eslintLwc()],
  ['@lwc/compiler transformSync compiles every LWC file', () => lwcCompile()],
  [
    'no LWC file is over the platform limit of 1 MB per file (generated modules included)',
    () => {
      const big = walk(join(MAIN, 'lwc'), (p) => !p.includes('__tests__'))
        .map((p) => [p, statSync(p).size])
        .filter(([, size]) => size > 1024 * 1024);
      if (big.length)
        throw new Error(
          big.map(([p, size]) => `${p.slice(root.length + 1)}: ${(size / 1024).toFixed(0)} KB`).join('\n'),
        );
    },
  ],
  [
    'every field and object named in crmSchema (SF) exists in force-app',
    () => {
      const missing = [];
      const need = (obj, f) => {
        if (!existsSync(join(MAIN, 'objects', obj, 'fields', `${f}.field-meta.xml`))) missing.push(`${obj}.${f}`);
      };
      for (const f of Object.values(domain.SF.person)) {
        need('Contact', f);
        need('Lead', f);
      }
      for (const f of Object.values(domain.SF.account)) need('Account', f);
      for (const f of Object.values(domain.SF.task)) need('Activity', f);
      for (const group of [domain.SF.settings, domain.SF.seat]) {
        const { object, ...fields } = group;
        if (!existsSync(join(MAIN, 'objects', object, `${object}.object-meta.xml`))) missing.push(object);
        for (const f of Object.values(fields)) need(object, f);
      }
      if (missing.length) throw new Error(`missing: ${missing.join(', ')}`);
    },
  ],
  [
    "picklist values in force-app are the core's SF_VALUES",
    () => {
      const values = (obj, f) =>
        [
          ...readFileSync(join(MAIN, 'objects', obj, 'fields', `${f}.field-meta.xml`), 'utf8').matchAll(
            /<value>\s*<fullName>([^<]+)<\/fullName>/g,
          ),
        ].map((m) => m[1]);
      const same = (a, b, what) => {
        if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${what}: ${a} vs ${b}`);
      };
      for (const o of ['Contact', 'Lead']) {
        same(values(o, domain.SF.person.notAtCompany), Object.values(domain.SF_VALUES.notAtCompany), `${o} flag`);
        same(values(o, domain.SF.person.matchSource), Object.values(domain.SF_VALUES.matchSource), `${o} match source`);
      }
      same(
        values('Activity', domain.SF.task.activityType),
        Object.values(domain.SF_VALUES.activityType),
        'activity type',
      );
      for (const o of ['Contact', 'Lead']) {
        const xml = readFileSync(
          join(MAIN, 'objects', o, 'fields', `${domain.SF.person.notAtCompany}.field-meta.xml`),
          'utf8',
        );
        same(/<label>([^<]+)<\/label>/.exec(xml)[1], domain.t('reports.colNotAtCompany', 'en'), `${o} flag label`);
      }
    },
  ],
  [
    'every catalogue key an LWC asks for has a text (custom label)',
    () => {
      const missing = [];
      for (const f of lwcSources(['.js'])) {
        for (const m of readFileSync(f, 'utf8').matchAll(/\blabel\(\s*'([\w.]+)'/g)) {
          if (!labelKeys(domain).includes(m[1])) missing.push(`${f.slice(root.length + 1)}: ${m[1]}`);
        }
        for (const m of readFileSync(f, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g)) {
          if (!Object.keys(domain.CATALOGUES.en).some((k) => domain.labelName(k) === m[1])) missing.push(m[1]);
        }
      }
      if (missing.length) throw new Error(missing.join('\n'));
    },
  ],
  [
    'a record page loads only the record modules: the Embedded Profile and badge import neither the whole core nor every label',
    () => {
      const record = labelModules(domain).navsyncRecordLabels;
      const problems = [];
      for (const c of ['embeddedProfile', 'crmBadge']) {
        const src = readFileSync(join(MAIN, 'lwc', c, `${c}.js`), 'utf8');
        for (const m of src.matchAll(/from '(c\/\w+)'/g)) {
          if (['c/navsyncCore', 'c/navsyncLabels'].includes(m[1])) problems.push(`${c} imports ${m[1]}`);
        }
        for (const m of src.matchAll(/\blabel\(\s*'([\w.]+)'/g))
          if (!record.includes(m[1])) problems.push(`${c}: ${m[1]} is not a record-page label`);
      }
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    'NavSync User may edit exactly the person fields the badge actions write, and read the rest',
    () => {
      const xml = readFileSync(join(MAIN, 'permissionsets', 'NavSync_User.permissionset-meta.xml'), 'utf8');
      const editable = new Set(
        [...xml.matchAll(/<editable>true<\/editable>\s*<field>([^<]+)<\/field>/g)].map((m) => m[1]),
      );
      const written = new Set();
      for (const action of ['ignore', 'undoIgnore', 'unmatch', 'matchByHand']) {
        const patch = domain.badgeActionPatch(action, {
          profileUrl: 'https://www.linkedin.com/in/x',
          now: '2026-01-01T00:00:00Z',
        });
        for (const f of Object.keys(domain.badgePatchToSalesforce(patch)))
          for (const o of ['Contact', 'Lead']) written.add(`${o}.${f}`);
      }
      const missing = [...written].filter((f) => !editable.has(f));
      const extra = [...editable].filter((f) => !written.has(f));
      if (missing.length || extra.length)
        throw new Error(`not editable: ${missing.join(', ')}; editable but never written: ${extra.join(', ')}`);
    },
  ],
  [
    'NavSync Admin may view and edit every settings and seat record (not only its own); NavSync User edits none',
    () => {
      const perms = (set) => {
        const xml = readFileSync(join(MAIN, 'permissionsets', `${set}.permissionset-meta.xml`), 'utf8');
        return Object.fromEntries(
          [...xml.matchAll(/<objectPermissions>([^]*?)<\/objectPermissions>/g)].map((m) => {
            const flag = (name) => new RegExp(`<${name}>true</${name}>`).test(m[1]);
            return [
              /<object>([^<]+)<\/object>/.exec(m[1])[1],
              { edit: flag('allowEdit'), viewAll: flag('viewAllRecords'), modifyAll: flag('modifyAllRecords') },
            ];
          }),
        );
      };
      const admin = perms('NavSync_Admin');
      const user = perms('NavSync_User');
      const problems = [];
      for (const object of [domain.SF.settings.object, domain.SF.seat.object]) {
        // Both objects are Read in the org-wide defaults: without Modify All only a record's owner could edit it.
        const sharing = /<sharingModel>([^<]+)</.exec(
          readFileSync(join(MAIN, 'objects', object, `${object}.object-meta.xml`), 'utf8'),
        )[1];
        const a = admin[object] || {};
        if (sharing !== 'ReadWrite' && !(a.edit && a.viewAll && a.modifyAll))
          problems.push(`${object}: sharing ${sharing}, admin ${JSON.stringify(a)}`);
        if (user[object] && (user[object].edit || user[object].modifyAll))
          problems.push(`${object}: NavSync User may edit`);
      }
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    "Test Write-Back Apex writes and deletes only the core's test activity keys, never a real write-back key",
    () => {
      const cls = readFileSync(join(MAIN, 'classes', 'NavSyncTestWriteBack.cls'), 'utf8');
      const regex = new RegExp(`^(?:${/TEST_KEY_REGEX = '([^']+)'/.exec(cls)[1]})$`);
      const like = new RegExp(
        `^${/TEST_KEY_LIKE = '([^']+)'/.exec(cls)[1].replace(/[-]/g, '\\-').replace(/%/g, '.*')}$`,
      );
      const plan = domain.planTestWriteBack({
        crm: 'salesforce',
        settings: { writeBackEnabled: true, writeBackItems: 'all' },
        ownerId: '005000000000001AAA',
        runAt: '2026-11-22T12:00:00.000Z',
        locale: 'en',
      });
      const testKeys = plan.activities.map((a) => domain.activityKey(a.id, a.kind));
      const realKeys = ['6912345678901234567', 'urn:li:inMail:AbC-123', 'ACwAAA.x_y', 'x'.repeat(120)].flatMap((id) =>
        domain.ACTIVITY_KINDS.map((k) => domain.activityKey(id, k)),
      );
      const problems = [
        ...testKeys.filter((k) => !regex.test(k) || !like.test(k)).map((k) => `test key refused: ${k}`),
        ...realKeys.filter((k) => regex.test(k)).map((k) => `real key accepted: ${k}`),
      ];
      if (testKeys.length !== 4) problems.push(`${testKeys.length} test keys planned`);
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    "CSP trusted sites are exactly the core's LinkedIn origins, each limited to its directives",
    () => {
      const flag = {
        'frame-src': 'isApplicableToFrameSrc',
        'img-src': 'isApplicableToImgSrc',
        'connect-src': 'isApplicableToConnectSrc',
      };
      const sites = walk(join(MAIN, 'cspTrustedSites'), (p) => p.endsWith('.cspTrustedSite-meta.xml')).map((p) =>
        readFileSync(p, 'utf8'),
      );
      const origin = (xml) => /<endpointUrl>([^<]+)<\/endpointUrl>/.exec(xml)[1];
      const problems = [];
      for (const o of domain.LINKEDIN_TRUSTED_ORIGINS) {
        const xml = sites.find((x) => origin(x) === o.origin);
        if (!xml) {
          problems.push(`no trusted site for ${o.origin}`);
          continue;
        }
        const on = [...xml.matchAll(/<(isApplicableTo\w+)>true</g)].map((m) => m[1]).sort();
        const want = o.directives.map((d) => flag[d]).sort();
        if (JSON.stringify(on) !== JSON.stringify(want)) problems.push(`${o.origin}: ${on} instead of ${want}`);
      }
      for (const x of sites)
        if (!domain.LINKEDIN_TRUSTED_ORIGINS.some((o) => o.origin === origin(x)))
          problems.push(`extra trusted site ${origin(x)}`);
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
  [
    "reports and list views are the core's report definitions, rendered",
    () => {
      const stale = [];
      for (const { path, xml } of renderedReports(domain)) {
        if (!existsSync(path) || readFileSync(path, 'utf8') !== xml) stale.push(path.slice(root.length + 1));
      }
      const reports = walk(join(MAIN, 'reports'), (p) => p.endsWith('.report-meta.xml'));
      if (reports.length !== 7) stale.push(`expected 7 reports, found ${reports.length}`);
      if (stale.length)
        throw new Error(`out of date (run node scripts/salesforce/reports.mjs --write):\n${stale.join('\n')}`);
    },
  ],
  [
    'the package zip holds the 5 LWCs, the core and label modules, the fields, 7 reports, 3 permission sets, the Ignore guard, labels, 4 translations',
    async () => {
      const zip = await JSZip.loadAsync(readFileSync(join(OUT_DIR, ZIP_NAME)));
      const names = Object.keys(zip.files);
      const problems = [];
      const has = (re, n, what) => {
        const c = names.filter((x) => re.test(x)).length;
        if (c !== n) problems.push(`${what}: ${c} (want ${n})`);
      };
      for (const c of [...COMPONENTS, 'navsyncCore', 'navsyncRecord', 'navsyncLabels', 'navsyncRecordLabels'])
        has(new RegExp(`^lwc/${c}/${c}\\.js$`), 1, `lwc ${c}`);
      has(/^reports\/NavSync_Reports\/[^/]+\.report$/, 7, 'reports');
      has(/^permissionsets\/NavSync_(Admin|User|Integration)\.permissionset$/, 3, 'permission sets');
      has(/^triggers\/NavSyncKeepIgnore(Contact|Lead)\.trigger$/, 2, 'Ignore guard triggers');
      has(/^customPermissions\/NavSync_Integration_User\.customPermission$/, 1, 'integration user custom permission');
      has(/^labels\/CustomLabels\.labels$/, 1, 'labels');
      has(/^translations\/(nl_NL|fr|it|de)\.translation$/, 4, 'translations');
      has(/^objectTranslations\/(Contact|Lead)-(nl_NL|fr|it|de)\.objectTranslation$/, 8, 'field translations');
      has(/^package\.xml$/, 1, 'package.xml');
      // Plain metadata: a <fullName> in package.xml would turn a deploy into an unmanaged package of that name.
      if (/<fullName>/.test(await zip.file('package.xml').async('string')))
        problems.push('package.xml names a package (<fullName>)');
      has(/__tests__/, 0, 'test files');
      const objectXml = async (o) =>
        zip.file(`objects/${o}.object`) ? zip.file(`objects/${o}.object`).async('string') : '';
      const want = {
        Contact: Object.values(domain.SF.person),
        Lead: Object.values(domain.SF.person),
        Account: Object.values(domain.SF.account),
        Activity: Object.values(domain.SF.task),
      };
      for (const [o, fields] of Object.entries(want)) {
        const xml = await objectXml(o);
        for (const f of fields)
          if (!xml.includes(`<fullName>${f}</fullName>`)) problems.push(`${o}.${f} not in the zip`);
      }
      const labels = await zip.file('labels/CustomLabels.labels').async('string');
      const count = (labels.match(/<labels>/g) || []).length;
      if (count !== labelKeys(domain).length) problems.push(`labels: ${count} of ${labelKeys(domain).length}`);
      if (/NavSync_dataverse_/.test(labels)) problems.push('a Dynamics-only label is in the Salesforce package');
      if (problems.length) throw new Error(problems.join('\n'));
    },
  ],
]);
process.exit(ok ? 0 : 1);
