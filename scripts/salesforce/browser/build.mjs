// Builds every NavSync LWC for a real browser: the LWC compiler (@lwc/rollup-plugin), the open-source Lightning base
// components and SLDS, with the platform modules an org provides replaced by the stubs next to this file (wire
// adapters that emit fixtures, recorded imperative calls). Labels and the user's language are read from globals
// the page sets before the bundle runs, so one build renders every language. Output: .ci-out/lwc-browser/.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from '@rollup/wasm-node';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { root } from '../../lib/proc.mjs';

const here = join(root, 'scripts', 'salesforce', 'browser');
const stubs = join(here, 'stubs');
// NAVSYNC_LWC_DIR builds another copy of the bundles (e.g. main's, to see a new test fail on the old code).
const lwcDir = process.env.NAVSYNC_LWC_DIR || join(root, 'force-app', 'main', 'default', 'lwc');
export const OUT = join(root, '.ci-out', 'lwc-browser');
export const SLDS_ASSETS = join(root, 'node_modules', '@salesforce-ux', 'design-system', 'assets');

const STUB_MODULES = {
  'lightning/uiRecordApi': 'uiRecordApi.js',
  'lightning/uiListsApi': 'uiListsApi.js',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.js',
  'lightning/graphql': 'graphql.js',
  'lightning/navigation': 'navigation.js',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.js',
  '@salesforce/apex': 'apex.js',
};

/** `@salesforce/*` imports an org resolves: schema, custom labels, Apex methods, the user and their language. */
function salesforceModules() {
  const harness = JSON.stringify(join(stubs, 'harness.js'));
  return {
    name: 'navsync-salesforce-modules',
    resolveId(id) {
      if (/^@salesforce\/(schema|label\/c\.|apex\/|user\/Id$|i18n\/(lang|locale)$)/.test(id)) return `\0sf:${id}`;
      // Lightning Experience renders in synthetic shadow, where ElementInternals is off: so is this gate.
      if (id === '@salesforce/gate/bc.260.enableComboboxElementInternals') return `\0sf:${id}`;
      return null;
    },
    load(id) {
      if (!id.startsWith('\0sf:')) return null;
      const spec = id.slice(4);
      if (spec.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...field] = spec.slice('@salesforce/schema/'.length).split('.');
        const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
        return `export default ${JSON.stringify(value)};`;
      }
      if (spec.startsWith('@salesforce/label/c.')) {
        const name = JSON.stringify(spec.slice('@salesforce/label/c.'.length));
        return `const l = globalThis.__navsyncLabels || {};\nexport default Object.prototype.hasOwnProperty.call(l, ${name}) ? l[${name}] : ${name};`;
      }
      if (spec.startsWith('@salesforce/apex/')) {
        const method = JSON.stringify(spec.slice('@salesforce/apex/'.length));
        return `import { call } from ${harness};\nexport default function apex(params) { return call(${method}, params); }`;
      }
      if (spec.startsWith('@salesforce/gate/')) return 'export default { isOpen: () => false };';
      if (spec === '@salesforce/user/Id') return `export default '005000000000001AAA';`;
      return `export default globalThis.__navsyncLang || 'en-US';`;
    },
  };
}

export async function buildLwcBrowser() {
  const started = Date.now();
  const components = readdirSync(lwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `c/${d.name}`, path: join(lwcDir, d.name, `${d.name}.js`) }));
  const bundle = await rollup({
    input: join(here, 'app.js'),
    plugins: [
      salesforceModules(),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('production'), 'import.meta.env.SSR': 'false' },
      }),
      lwc({
        rootDir: root,
        modules: [
          ...components,
          ...Object.entries(STUB_MODULES).map(([name, file]) => ({ name, path: join(stubs, file) })),
          { npm: 'lightning-base-components' },
        ],
      }),
    ],
    onwarn(w, warn) {
      // The base components' own template warnings are theirs, not ours.
      if (w.code === 'CIRCULAR_DEPENDENCY' || w.code === 'THIS_IS_UNDEFINED') return;
      if (String(w.id || w.message).includes('lightning-base-components')) return;
      warn(w);
    },
  });
  mkdirSync(OUT, { recursive: true });
  await bundle.write({ file: join(OUT, 'app.js'), format: 'iife', inlineDynamicImports: true });
  await bundle.close();
  // Served by the test under one origin (SLDS under /slds/), as a Lightning page has its heading and its styles.
  writeFileSync(
    join(OUT, 'index.html'),
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>NavSync LWC</title>\n<link rel="stylesheet" href="/slds/styles/salesforce-lightning-design-system.min.css"></head>\n<body class="slds-scope"><main class="slds-p-around_medium"><h1 class="slds-assistive-text">Record page</h1><div id="root"></div></main><script src="app.js"></script></body></html>\n`,
  );
  return { seconds: (Date.now() - started) / 1000 };
}

if (process.argv[1] && process.argv[1].endsWith('build.mjs')) {
  const r = await buildLwcBrowser();
  console.log(`LWC browser bundle built in ${r.seconds.toFixed(1)} s → ${OUT.slice(root.length + 1)}`);
}
