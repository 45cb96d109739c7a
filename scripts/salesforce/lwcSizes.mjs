// The JavaScript each NavSync LWC makes the browser load, measured as the platform serves it: every module of the
// bundle (its own JS, its compiled template and CSS, and the c/ modules it imports, e.g. navsyncCore and
// navsyncLabels) compiled by the LWC compiler and minified, before gzip. Platform modules (lwc, lightning/*,
// @salesforce/*) are the org's and not counted. A page's figure counts each module once.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { rollup } from '@rollup/wasm-node';
import lwc from '@lwc/rollup-plugin';
import { transform } from 'esbuild';
import { root } from '../lib/proc.mjs';

export const LWC_DIR = join(root, 'force-app', 'main', 'default', 'lwc');
/** The platform's limit for one file of a component bundle. */
export const FILE_LIMIT = 1024 * 1024;
/** Target for a record page with the Embedded Profile (and its badge). */
export const RECORD_PAGE_TARGET = 60 * 1024;
export const PAGE_COMPONENTS = { 'record page (Embedded Profile + badge)': ['embeddedProfile'] };

const isPlatform = (id) => id === 'lwc' || /^(lightning|@salesforce)\//.test(id);

/** Minified size of every module one component pulls in: { moduleId: bytes }. */
async function moduleSizes(name) {
  const modules = readdirSync(LWC_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: `c/${d.name}`, path: join(LWC_DIR, d.name, `${d.name}.js`) }));
  const bundle = await rollup({
    input: join(LWC_DIR, name, `${name}.js`),
    external: isPlatform,
    // The platform serves every module whole: nothing is tree-shaken away.
    treeshake: false,
    plugins: [
      {
        name: 'platform-modules',
        resolveId: (id) => (isPlatform(id) ? { id, external: true } : null),
      },
      lwc({ rootDir: root, modules }),
    ],
    onwarn: () => {},
  });
  // One chunk per source module keeps the per-module figures.
  const { output } = await bundle.generate({ format: 'es', preserveModules: true });
  await bundle.close();
  const sizes = {};
  for (const chunk of output) {
    if (chunk.type !== 'chunk') continue;
    const { code } = await transform(chunk.code, { minify: true, format: 'esm', loader: 'js' });
    const id = (chunk.facadeModuleId || chunk.fileName).replace(/\?.*$/, '');
    const name = id.startsWith(LWC_DIR) ? id.slice(LWC_DIR.length + 1) : chunk.fileName;
    sizes[name] = (sizes[name] || 0) + Buffer.byteLength(code);
  }
  return sizes;
}

/** { components: { name: { total, modules } }, pages: { page: bytes }, largestFile: { file, bytes } } */
export async function measureLwcSizes(names) {
  const components = {};
  const all = {};
  for (const name of names) {
    const modules = await moduleSizes(name);
    Object.assign(all, modules);
    components[name] = { total: Object.values(modules).reduce((a, b) => a + b, 0), modules };
  }
  const pages = {};
  for (const [page, list] of Object.entries(PAGE_COMPONENTS)) {
    const merged = Object.assign({}, ...list.map((c) => components[c].modules));
    pages[page] = Object.values(merged).reduce((a, b) => a + b, 0);
  }
  const [file, bytes] = Object.entries(all).sort((a, b) => b[1] - a[1])[0] || ['', 0];
  return { components, pages, largestFile: { file, bytes } };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
