// (Run by scripts/test/42-dynamics-solution-checks.mjs.) Checks of the packed Dataverse solution and of what the enable flow creates: both zips' contents, the
// customizations.xml against Microsoft's CustomizationsSolution.xsd, every view/report FetchXML against Fetch.xsd,
// layout cells ⊆ fetched attributes, RDL well-formedness, the solution vs crmSchema, web-resource types, and the
// Power Apps checker rules over the web-resource and PCF sources.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { DATAVERSE_LCID, DV, LINKEDIN_TRUSTED_ORIGINS, LOCALES } from '@navsync/shared-ts';
import {
  reportPayloads,
  viewPayloads,
  notAtCompanyColumn,
} from '../../dynamics-solution/src/webresources/dataValidation/artifacts';
import { CONTROL, TABLES, WEB_RESOURCES, webResourceFile } from '../../dynamics-solution/src/solution/model';
import { packSolution } from '../../dynamics-solution/src/solution/pack';
import { runChecks } from '../lib/results.mjs';
import { checkSnippet, runPowerAppsChecker } from './power-apps-checker';
import { bundleSizes, formatSizes } from './bundle-sizes.mjs';

const root = join(__dirname, '..', '..');
const schemas = join(root, '..', 'shared', 'schemas', 'dataverse-9.0');
const tmp = mkdtempSync(join(tmpdir(), 'navsync-dv-'));
const distDir = join(root, 'dist', 'dynamics');

/** Versions of React and Fluent the platform serves to a control (pcf-scripts' table). */
const PLATFORM_LIBRARIES: Record<string, { platformVersion: string }[]> = JSON.parse(
  readFileSync(join(root, 'node_modules', 'pcf-scripts', 'PlatformLibraryVersions.json'), 'utf8'),
);
const installedVersion = (pkg: string): string =>
  JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(message);
}

function xmllint(file: string, schema?: string): { ok: boolean; out: string } {
  const args = ['--noout', ...(schema ? ['--schema', join(schemas, schema)] : []), file];
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

function validate(name: string, xml: string, schema?: string): void {
  const file = join(tmp, name);
  writeFileSync(file, xml);
  const r = xmllint(file, schema);
  if (!r.ok)
    throw new Error(`${name} does not validate${schema ? ` against ${schema}` : ''}:\n${r.out.slice(0, 1500)}`);
}

function zipPath(kind: 'managed' | 'unmanaged'): string {
  const hit = readdirSync(distDir).find((f) => f.startsWith('NavSync_') && f.endsWith(`_${kind}.zip`));
  assert(hit, `dist/dynamics has no NavSync_<version>_${kind}.zip (run npm run package:dynamics)`);
  return join(distDir, hit);
}

async function open(kind: 'managed' | 'unmanaged'): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(zipPath(kind)));
}

/** Attributes fetched per entity alias in a FetchXML (root = ''). */
function fetchedCells(fetch: string): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [''];
  for (const m of fetch.matchAll(/<(\/?)(link-entity|attribute|entity)\b([^>]*?)(\/?)>/g)) {
    const [, closing, tag, attrs, selfClosing] = m;
    if (tag === 'link-entity') {
      if (closing) stack.pop();
      else if (!selfClosing) stack.push(/alias="([^"]+)"/.exec(attrs)?.[1] ?? '?');
    } else if (tag === 'attribute' && !closing) {
      const name = /name="([^"]+)"/.exec(attrs)?.[1] ?? '';
      const alias = stack[stack.length - 1];
      out.add(alias ? `${alias}.${name}` : name);
    }
  }
  return out;
}

const views = viewPayloads();
const reports = reportPayloads();
const personColumns = Object.values(DV.person).filter((c) => c !== DV.person.notAtCompany);

void runChecks([
  [
    'both zips hold the manifests, the control build and the web resources, with forward-slash names',
    async () => {
      for (const kind of ['managed', 'unmanaged'] as const) {
        const zip = await open(kind);
        const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
        assert(
          names.every((n) => !n.includes('\\')),
          `${kind}: an entry name has a backslash`,
        );
        const dir = `Controls/${CONTROL.name}/`;
        const expected = [
          '[Content_Types].xml',
          'solution.xml',
          'customizations.xml',
          `${dir}ControlManifest.xml`,
          `${dir}bundle.js`,
          `${dir}css/EmbeddedProfile.css`,
          ...LOCALES.map((l) => `${dir}strings/EmbeddedProfile.${DATAVERSE_LCID[l]}.resx`),
          ...WEB_RESOURCES.map((w) => webResourceFile(w.name)),
        ];
        for (const e of expected) assert(names.includes(e), `${kind}: missing ${e}`);
        assert(
          names.length === expected.length,
          `${kind}: unexpected entries ${names.filter((n) => !expected.includes(n)).join(', ')}`,
        );
      }
    },
  ],
  [
    'solution.xml: managed 1 vs unmanaged 0, same 4-part version, publisher navsync / 61373, well-formed',
    async () => {
      const managed = await (await open('managed')).file('solution.xml')!.async('string');
      const unmanaged = await (await open('unmanaged')).file('solution.xml')!.async('string');
      assert(/<Managed>1<\/Managed>/.test(managed) && /<Managed>0<\/Managed>/.test(unmanaged), 'Managed flags wrong');
      const version = /<Version>(\d+\.\d+\.\d+\.\d+)<\/Version>/.exec(managed)?.[1];
      assert(version && unmanaged.includes(`<Version>${version}</Version>`), 'versions differ or are not 4-part');
      assert(
        zipPath('managed').endsWith(`NavSync_${version.replace(/\./g, '_')}_managed.zip`),
        'zip name does not carry the version',
      );
      assert(managed.includes('<CustomizationPrefix>navsync</CustomizationPrefix>'), 'publisher prefix');
      assert(
        managed.includes('<CustomizationOptionValuePrefix>61373</CustomizationOptionValuePrefix>'),
        'option value prefix',
      );
      validate('solution.xml', managed);
      for (const w of WEB_RESOURCES)
        assert(managed.includes(`type="61" schemaName="${w.name}"`), `root component for ${w.name}`);
      assert(managed.includes(`type="66" schemaName="${CONTROL.name}"`), 'root component for the control');
      assert(managed.includes('type="1" schemaName="contact" behavior="2"'), 'contact must be a shell (behavior 2)');
      assert(
        managed.includes(`type="1" schemaName="${DV.activity.inmailTable}" behavior="0"`),
        'own tables are whole (behavior 0)',
      );
    },
  ],
  [
    'customizations.xml validates against CustomizationsSolution.xsd',
    async () => {
      validate(
        'customizations.xml',
        await (await open('managed')).file('customizations.xml')!.async('string'),
        'CustomizationsSolution.xsd',
      );
    },
  ],
  [
    'the schema check can fail: a bad column type is rejected',
    async () => {
      const xml = await (await open('managed')).file('customizations.xml')!.async('string');
      const bad = xml.replace('<Type>nvarchar</Type>', '<Type>text-ish</Type>');
      let failed = false;
      try {
        validate('customizations-bad.xml', bad, 'CustomizationsSolution.xsd');
      } catch {
        failed = true;
      }
      assert(failed, 'xmllint accepted an invalid column type');
    },
  ],
  [
    'every FileName in customizations.xml is an entry of the zip; web resource types match their files',
    async () => {
      const zip = await open('unmanaged');
      const xml = await zip.file('customizations.xml')!.async('string');
      for (const m of xml.matchAll(/<FileName>\/([^<]+)<\/FileName>/g))
        assert(zip.file(m[1]), `FileName /${m[1]} has no zip entry`);
      for (const w of WEB_RESOURCES) {
        const type = w.name.endsWith('.html') ? 1 : 3;
        assert(
          xml.includes(
            `<Name>${w.name}</Name><DisplayName>${w.displayName}</DisplayName><LanguageCode>1033</LanguageCode><WebResourceType>${type}</WebResourceType>`,
          ),
          `type of ${w.name}`,
        );
      }
    },
  ],
  [
    'the control manifest in the zip is the built one: bundle.js, the React and Fluent it is built against, five RESX',
    async () => {
      // The LinkedIn frame and photos are external services: declared, and exactly the core's trusted origins.
      const built = readFileSync(join(root, CONTROL.buildDir, 'ControlManifest.xml'), 'utf8');
      const declared = [...built.matchAll(/<domain>([^<]+)<\/domain>/g)].map((m) => m[1]).sort();
      const trusted = LINKEDIN_TRUSTED_ORIGINS.map((o) => new URL(o.origin).host).sort();
      assert(/<external-service-usage enabled="true">/.test(built), 'external-service-usage is not declared');
      assert(
        JSON.stringify(declared) === JSON.stringify(trusted),
        `declared domains ${declared.join(', ')} ≠ ${trusted.join(', ')}`,
      );
      const zip = await open('managed');
      const manifest = await zip.file(`Controls/${CONTROL.name}/ControlManifest.xml`)!.async('string');
      assert(manifest.includes('<code path="bundle.js"'), 'not the compiled manifest');
      assert(manifest.includes('control-type="virtual"'), 'not a virtual control');
      // The platform serves the version the manifest names, so it must be the one the bundle was compiled against
      // (the installed package), and one the platform provides (pcf-scripts' table of platform versions).
      for (const [library, pkg, key] of [
        ['React', 'react', 'react'],
        ['Fluent', '@fluentui/react', 'fluent'],
      ]) {
        const installed = installedVersion(pkg);
        const named = new RegExp(`<platform-library name="${library}" version="([^"]+)"/>`).exec(manifest)?.[1];
        assert(
          named === installed,
          `${library} platform library ${named}, but the control is built against ${pkg} ${installed}`,
        );
        assert(
          PLATFORM_LIBRARIES[key].some((v) => v.platformVersion === installed),
          `${library} ${installed} is not a version the platform provides`,
        );
      }
      for (const m of manifest.matchAll(/path="([^"]+)"/g))
        assert(zip.file(`Controls/${CONTROL.name}/${m[1]}`), `manifest resource ${m[1]} missing`);
      const resx = await zip.file(`Controls/${CONTROL.name}/strings/EmbeddedProfile.1043.resx`)!.async('string');
      assert(
        resx.includes(
          '<data name="dataverse.controlName" xml:space="preserve"><value>NavSync ingesloten profiel</value></data>',
        ),
        'Dutch RESX lacks the control name',
      );
    },
  ],
  [
    'the solution defines every crmSchema column NavSync ships (not navsync_notatcompany, nothing on annotation)',
    async () => {
      const xml = await (await open('managed')).file('customizations.xml')!.async('string');
      const entity = (name: string) => {
        const m = new RegExp(`<Entity><Name[^>]*>${name}</Name>(.*?)</Entity>`).exec(xml);
        assert(m, `no <Entity> for ${name}`);
        return m[1];
      };
      for (const table of ['Contact', 'Lead'])
        for (const c of personColumns)
          assert(entity(table).includes(`<LogicalName>${c}</LogicalName>`), `${table}.${c}`);
      assert(
        !xml.includes(DV.person.notAtCompany),
        'navsync_notatcompany must be created by the enable flow, not shipped',
      );
      assert(entity('Account').includes(`<LogicalName>${DV.account.companyUrn}</LogicalName>`), 'account.companyurn');
      for (const t of [DV.activity.inmailTable, DV.activity.messageTable]) {
        const e = entity(t);
        assert(e.includes('<IsActivity>1</IsActivity>'), `${t} is an activity table`);
        for (const c of [DV.activity.activityKey, DV.activity.personName, DV.activity.personUrn])
          assert(e.includes(`<LogicalName>${c}</LogicalName>`), `${t}.${c}`);
      }
      for (const c of [DV.activity.activityKey, DV.activity.personName, DV.activity.personUrn])
        assert(entity('PhoneCall').includes(`<LogicalName>${c}</LogicalName>`), `phonecall.${c}`);
      // Dataverse allows no custom columns on annotation (Note): the solution must not touch that table.
      assert(!/<Entity><Name[^>]*>annotation<\/Name>/.test(xml), 'annotation must carry no NavSync columns');
      const { table: st, ...settingsCols } = DV.settings;
      for (const c of Object.values(settingsCols))
        assert(entity(st).includes(`<LogicalName>${c}</LogicalName>`), `${st}.${c}`);
      const { table: seat, ...seatCols } = DV.seat;
      for (const c of Object.values(seatCols))
        assert(entity(seat).includes(`<LogicalName>${c}</LogicalName>`), `${seat}.${c}`);
      assert(TABLES.length === 8, `expected 8 tables in the model, found ${TABLES.length}`);
    },
  ],
  [
    'the four views: FetchXML valid against Fetch.xsd, every layout cell fetched, primary id fetched',
    () => {
      assert(views.length === 4, `expected 4 views, got ${views.length}`);
      for (const v of views) {
        validate(`view-${v.savedqueryid}.xml`, v.fetchxml, 'Fetch.xsd');
        validate(`layout-${v.savedqueryid}.xml`, v.layoutxml);
        const fetched = fetchedCells(v.fetchxml);
        const id = /<row name="result" id="([^"]+)"/.exec(v.layoutxml)?.[1] ?? '';
        assert(fetched.has(id), `${v.name}: primary id ${id} not fetched`);
        for (const m of v.layoutxml.matchAll(/<cell name="([^"]+)"/g))
          assert(fetched.has(m[1]), `${v.name}: cell ${m[1]} is not fetched`);
      }
    },
  ],
  [
    'the six reports: FetchXML valid against Fetch.xsd, RDL well-formed with one field per column',
    () => {
      assert(reports.length === 6, `expected 6 reports, got ${reports.length}`);
      for (const r of reports) {
        const fetch = /<CommandText>(.*?)<\/CommandText>/s.exec(r.record.bodytext)?.[1] ?? '';
        const unescaped = fetch
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'")
          .replace(/&amp;/g, '&');
        validate(`report-${r.record.reportid}-fetch.xml`, unescaped, 'Fetch.xsd');
        validate(`report-${r.record.reportid}.rdl`, r.record.bodytext);
        const fields = [...r.record.bodytext.matchAll(/<Field Name="([^"]+)"><DataField>([^<]+)<\/DataField>/g)];
        const cells = (r.record.bodytext.match(/<TablixCell>/g) ?? []).length;
        const columns = (r.record.bodytext.match(/<TablixColumn>/g) ?? []).length;
        assert(
          cells === 2 * columns && fields.length === columns,
          `${r.record.name}: table shape (cells ${cells}, columns ${columns}, fields ${fields.length})`,
        );
        const fetched = fetchedCells(unescaped);
        for (const f of fields) assert(fetched.has(f[2]), `${r.record.name}: field ${f[2]} is not fetched`);
      }
    },
  ],
  [
    'the column payload: local choice, three options with the 61373 prefix, five languages',
    () => {
      const c = notAtCompanyColumn();
      assert(
        c.OptionSet.Options.every((o) => String(o.Value).startsWith('61373')),
        'option values',
      );
      assert(c.DisplayName.LocalizedLabels.length === 5, 'five languages');
    },
  ],
  [
    'deploy:dynamics refuses, with a clear message, when the environment URL or token is missing',
    () => {
      const r = spawnSync(process.execPath, [join(root, 'scripts', 'dynamics', 'deploy.mjs')], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, DATAVERSE_URL: '', DATAVERSE_TOKEN: '' },
      });
      assert(r.status === 2, `exit ${r.status}`);
      assert(/DATAVERSE_URL/.test(r.stderr) && /DATAVERSE_TOKEN/.test(r.stderr), r.stderr);
    },
  ],
  [
    'deploy:dynamics imports the managed zip with ImportSolutionAsync and waits for success (loopback double)',
    async () => {
      const { createServer } = await import('node:http');
      const seen: { path: string; auth?: string; body?: Record<string, unknown> }[] = [];
      let polls = 0;
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          seen.push({ path: req.url ?? '', auth: req.headers.authorization, body: raw ? JSON.parse(raw) : undefined });
          res.setHeader('Content-Type', 'application/json');
          if (req.url === '/api/data/v9.2/ImportSolutionAsync') {
            res.end(JSON.stringify({ ImportJobKey: 'k', AsyncOperationId: '0a0a0a0a-0000-0000-0000-000000000001' }));
          } else {
            polls++;
            res.end(JSON.stringify(polls < 2 ? { statecode: 2, statuscode: 20 } : { statecode: 3, statuscode: 30 }));
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const port = (server.address() as { port: number }).port;
      try {
        const { deploy } = (await import(join(root, 'scripts', 'dynamics', 'deploy.mjs'))) as {
          deploy: (o: object) => Promise<unknown>;
        };
        await deploy({ url: `http://127.0.0.1:${port}/`, token: 'test-token', pollMs: 1, log: () => undefined });
      } finally {
        server.close();
      }
      const body = seen[0].body as { CustomizationFile: string; ImportJobId: string };
      assert(seen[0].auth === 'Bearer test-token', 'no bearer token');
      assert(
        Buffer.from(body.CustomizationFile, 'base64').equals(readFileSync(zipPath('managed'))),
        'CustomizationFile is not the managed zip',
      );
      assert(/^[0-9a-f-]{36}$/.test(body.ImportJobId), 'ImportJobId');
      assert(
        polls === 2 && seen[1].path.startsWith('/api/data/v9.2/asyncoperations(0a0a0a0a-'),
        'did not poll the async operation',
      );
    },
  ],
  [
    'the zips have the shape of a Dataverse export (dynamics-solution/test/export-shape.json, from public exports)',
    async () => {
      const shape = JSON.parse(readFileSync(join(root, 'dynamics-solution', 'test', 'export-shape.json'), 'utf8'));
      for (const kind of ['managed', 'unmanaged'] as const) {
        const zip = await JSZip.loadAsync(readFileSync(zipPath(kind)));
        const entries = Object.values(zip.files);
        for (const r of shape.rootEntries as string[]) assert(zip.file(r), `${kind}: no ${r} at the root`);
        assert(
          !entries.some((e) => e.dir),
          `${kind}: folder entries ${entries
            .filter((e) => e.dir)
            .map((e) => e.name)
            .join(', ')}`,
        );
        const raw = await zip.file('[Content_Types].xml')!.async('nodebuffer');
        assert(
          raw.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
          `${kind}: [Content_Types].xml has no byte order mark`,
        );
        const types = raw.subarray(3).toString('utf8');
        assert(types.startsWith(shape.contentTypes.xmlDeclaration), `${kind}: [Content_Types].xml declaration`);
        assert(types.includes(`xmlns="${shape.contentTypes.namespace}"`), `${kind}: [Content_Types].xml namespace`);
        const webResourceEntry = new RegExp(shape.webResourceEntry);
        for (const e of entries.map((x) => x.name).filter((n) => n.startsWith('WebResources/'))) {
          assert(webResourceEntry.test(e), `${kind}: ${e} is not stored as exports store web resources`);
          assert(
            types.includes(`<Override PartName="/${e}" ContentType="${shape.contentTypes.contentType}" />`),
            `${kind}: no Override for ${e}`,
          );
        }
        for (const ext of new Set(
          entries
            .map((x) => x.name)
            .filter((n) => !n.startsWith('WebResources/'))
            .map((n) => n.split('.').pop()),
        )) {
          assert(
            types.includes(`<Default Extension="${ext}" ContentType="${shape.contentTypes.contentType}" />`),
            `${kind}: no Default for .${ext}`,
          );
        }
        const xml = await zip.file('customizations.xml')!.async('string');
        const sections = [...xml.matchAll(/\n?\s*<(\w+)(?: \/>|>)/g)].map((m) => m[1]);
        const order = (shape.customizationsSections as string[]).map((name) => sections.indexOf(name));
        assert(
          order.every((i) => i >= 0),
          `${kind}: customizations.xml lacks ${(shape.customizationsSections as string[]).filter((_n, i) => order[i] < 0).join(', ')}`,
        );
        assert(
          order.every((i, n) => n === 0 || i > order[n - 1]),
          `${kind}: customizations.xml sections out of export order`,
        );
        for (const w of xml.match(/<WebResource>[\s\S]*?<\/WebResource>/g) ?? []) {
          const children = [...w.matchAll(/<(\w+)>/g)].map((m) => m[1]).filter((n) => n !== 'WebResource');
          assert(
            JSON.stringify(children) === JSON.stringify(shape.webResourceElements),
            `${kind}: web resource elements ${children.join(', ')}`,
          );
        }
        for (const table of TABLES.filter((t) => !t.owned)) {
          const name = (shape.systemTableNames as Record<string, string>)[table.logicalName];
          assert(name, `export-shape.json does not name ${table.logicalName}`);
          assert(
            xml.includes(`">${name}</Name><EntityInfo><entity Name="${name}" unmodified="1">`),
            `${kind}: ${table.logicalName} is not named ${name}`,
          );
        }
      }
    },
  ],
  [
    'new tables carry what an export of a platform-made table carries: key, name, state, owner, system columns, main form, default views',
    async () => {
      const shape = JSON.parse(readFileSync(join(root, 'dynamics-solution', 'test', 'export-shape.json'), 'utf8'))
        .newTables as {
        primaryKey: { table: string; activity: string };
        attributes: Record<'all' | 'userOwned' | 'orgOwned' | 'activity' | 'notExported', string[]>;
        attributeTypes: Record<string, string>;
        states: Record<'table' | 'activity', [number, number][]>;
        forms: string[];
        views: {
          table: [number, number][];
          activity: [number, number][];
          owned: [number, number][];
          quickFindQueryType: number;
        };
        activityTypeMask: string;
      };
      const xml = await (await open('managed')).file('customizations.xml')!.async('string');
      const pairs = (list: [number, number][]) => list.map((p) => p.join(':')).sort();
      for (const table of TABLES.filter((t) => t.owned)) {
        const where = `${table.logicalName}:`;
        const entity = new RegExp(`<Entity><Name[^>]*>${table.logicalName}</Name>([\\s\\S]*?)</Entity>`).exec(xml)?.[1];
        assert(entity, `no <Entity> for ${table.logicalName}`);
        const attributes = new Map(
          [
            ...entity.matchAll(
              /<attribute PhysicalName="[^"]+"><Type>(\w+)<\/Type><Name>[^<]+<\/Name><LogicalName>([^<]+)</g,
            ),
          ].map((m) => [m[2], m[1]]),
        );
        const a = shape.attributes;
        const expected = [
          table.activity
            ? shape.primaryKey.activity
            : shape.primaryKey.table.replace('<logicalname>', table.logicalName),
          table.primaryName as string,
          ...a.all,
          ...(table.activity
            ? [...a.activity, ...a.userOwned]
            : table.ownership === 'OrgOwned'
              ? a.orgOwned
              : a.userOwned),
        ];
        const missing = expected.filter((n) => !attributes.has(n));
        assert(missing.length === 0, `${where} lacks ${missing.join(', ')}`);
        const extra = a.notExported.filter((n) => attributes.has(n));
        assert(extra.length === 0, `${where} has ${extra.join(', ')}, which exports leave out`);
        for (const [name, type] of Object.entries(shape.attributeTypes))
          if (attributes.has(name))
            assert(attributes.get(name) === type, `${where} ${name} is ${attributes.get(name)}, not ${type}`);
        const key = table.activity ? 'activityid' : `${table.logicalName}id`;
        assert(attributes.get(key) === 'primarykey', `${where} ${key} is not the primary key`);
        const states = [...entity.matchAll(/<state value="(\d+)" defaultstatus="(\d+)"/g)].map(
          (m) => [+m[1], +m[2]] as [number, number],
        );
        assert(
          JSON.stringify(pairs(states)) === JSON.stringify(pairs(shape.states[table.activity ? 'activity' : 'table'])),
          `${where} states ${JSON.stringify(states)}`,
        );
        for (const [, status, state] of entity.matchAll(/<status value="(\d+)" state="(\d+)"/g))
          assert(
            states.some(([s, d]) => s === +state && d === +status),
            `${where} status ${status} of state ${state}`,
          );
        for (const form of shape.forms) {
          const f = new RegExp(`<forms type="${form}"><systemform>([\\s\\S]*?)</systemform>`).exec(entity)?.[1];
          assert(f, `${where} has no ${form} form`);
          assert(f.includes(`datafieldname="${table.primaryName}"`), `${where} ${form} form lacks the primary name`);
        }
        const views = [...entity.matchAll(/<savedquery>([\s\S]*?)<\/savedquery>/g)].map((m) => m[1]);
        const kinds = views.map(
          (v) => [+/<querytype>(\d+)</.exec(v)![1], +/<isdefault>(\d)</.exec(v)![1]] as [number, number],
        );
        const owned = table.activity || table.ownership !== 'OrgOwned';
        const want = [...shape.views[table.activity ? 'activity' : 'table'], ...(owned ? shape.views.owned : [])];
        assert(JSON.stringify(pairs(kinds)) === JSON.stringify(pairs(want)), `${where} views ${JSON.stringify(kinds)}`);
        for (const v of views) {
          const fetched = new Set([...v.matchAll(/<attribute name="([^"]+)"/g)].map((m) => m[1]));
          assert(fetched.has(key), `${where} a view does not fetch ${key}`);
          for (const [, cell] of v.matchAll(/<cell name="([^"]+)"/g)) {
            assert(fetched.has(cell), `${where} a view shows ${cell} but does not fetch it`);
            assert(attributes.has(cell), `${where} a view shows ${cell}, which the table does not have`);
          }
          const quick = +/<querytype>(\d+)</.exec(v)![1] === shape.views.quickFindQueryType;
          assert(v.includes(`<isquickfindquery>${quick ? 1 : 0}</isquickfindquery>`), `${where} isquickfindquery`);
          assert(!quick || v.includes('isquickfindfields="1"'), `${where} the Quick Find view has no find columns`);
          validate(`view-${table.logicalName}.xml`, /<fetch [\s\S]*<\/fetch>/.exec(v)![0], 'Fetch.xsd');
        }
        if (table.activity)
          assert(
            entity.includes(`<ActivityTypeMask>${shape.activityTypeMask}</ActivityTypeMask>`),
            `${where} ActivityTypeMask`,
          );
      }
    },
  ],
  [
    'reproducible: two builds of the same sources give byte-identical zips',
    async () => {
      const a = await packSolution(root, join(tmp, 'build-a'));
      await new Promise((r) => setTimeout(r, 1100)); // a second later: nothing may depend on the clock
      const b = await packSolution(root, join(tmp, 'build-b'));
      for (const kind of ['managed', 'unmanaged'] as const) {
        assert(readFileSync(a[kind]).equals(readFileSync(b[kind])), `${kind} zips differ between two builds`);
        assert(
          readFileSync(a[kind]).equals(readFileSync(zipPath(kind))),
          `${kind} zip differs from the one npm run build made`,
        );
      }
    },
  ],
  [
    'least privilege, from the packed customizations.xml: the rep role changes only rows its holder owns, never a seat',
    async () => {
      for (const kind of ['managed', 'unmanaged'] as const) {
        const zip = await JSZip.loadAsync(readFileSync(zipPath(kind)));
        const xml = await zip.file('customizations.xml')!.async('string');
        const ownership = new Map<string, string>();
        for (const m of xml.matchAll(
          /<entity Name="([^"]+)">(?:(?!<\/entity>)[\s\S])*?<OwnershipTypeMask>(\w+)<\/OwnershipTypeMask>/g,
        )) {
          ownership.set(m[1], m[2]);
        }
        const role = /<Role id="[^"]+" name="NavSync User">([\s\S]*?)<\/Role>/.exec(xml)?.[1];
        assert(role, `${kind}: no NavSync User role`);
        const privileges = [...role.matchAll(/<RolePrivilege name="prv(\w+?)(navsync_\w+)" level="(\w+)" \/>/g)].map(
          (m) => ({
            op: m[1],
            table: m[2],
            level: m[3],
          }),
        );
        assert(privileges.length > 0, `${kind}: the role grants nothing`);
        for (const p of privileges.filter((x) => x.op !== 'Read' && x.op !== 'AppendTo')) {
          // Changing a row someone else owns needs a depth above Basic, or any depth on an organization-owned table.
          assert(
            ownership.get(p.table) === 'UserOwned',
            `${kind}: prv${p.op}${p.table} on a table that is ${ownership.get(p.table) ?? 'unknown'}`,
          );
          assert(p.level === 'Basic', `${kind}: prv${p.op}${p.table} at depth ${p.level}`);
        }
        for (const table of [DV.seat.table, DV.settings.table]) {
          const writes = privileges.filter((x) => x.table === table && x.op !== 'Read');
          assert(writes.length === 0, `${kind}: reps may ${writes.map((w) => w.op).join(', ')} ${table}`);
        }
      }
    },
  ],
  [
    'bundle sizes within their targets (PCF ≤ 50 KiB, contactForm.js ≤ 25 KiB, settings.js ≤ 80 KiB, its dataValidation.js ≤ 40 KiB, minified)',
    () => {
      const sizes = bundleSizes();
      for (const line of formatSizes(sizes)) console.log(`    ${line}`);
      const over = sizes.filter((s) => !s.ok);
      assert(over.length === 0, `over target: ${over.map((s) => s.name).join(', ')}`);
    },
  ],
  [
    'Power Apps checker rules (paCheckerHosted) over the web-resource and PCF sources: 0 findings',
    async () => {
      const r = await runPowerAppsChecker();
      console.log(`    Power Apps checker: ${r.rules} rules, ${r.files} files, ${r.findings.length} findings`);
      assert(r.files > 10, `only ${r.files} files linted`);
      assert(r.findings.length === 0, r.findings.join('\n'));
    },
  ],
  [
    'the Power Apps checker can fail: window.confirm and Xrm.Page in a web resource are reported',
    async () => {
      const found = await checkSnippet(
        "export function f(): void { const user = Xrm.Utility.getGlobalContext(); if (window.confirm('Sure?')) Xrm.Page.getAttribute(user.userSettings.userId); }",
      );
      for (const rule of ['use-utility-dialogs', 'use-client-context'])
        assert(
          found.some((f) => f.includes(rule)),
          `${rule} not reported: ${found.join('\n')}`,
        );
    },
  ],
  [
    'web resources and their tests type-check (tsc --noEmit)',
    () => {
      const r = spawnSync(
        process.execPath,
        [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '--noEmit', '-p', 'dynamics-solution'],
        { cwd: root, encoding: 'utf8' },
      );
      assert(r.status === 0, `tsc failed:\n${(r.stdout + r.stderr).slice(0, 2000)}`);
    },
  ],
]).then((ok) => process.exit(ok ? 0 : 1));
