// Static checks of the Salesforce package that need no org. Each returns nothing or throws with the offending items.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { bin, root, run } from '../lib/proc.mjs';

const require = createRequire(import.meta.url);
export const MAIN = join(root, 'force-app', 'main', 'default');
const GENERATED_LWC = new Set(['navsyncCore', 'navsyncLabels']);

export function walk(dir, keep, out = []) {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, keep, out);
    else if (keep(p)) out.push(p);
  }
  return out;
}

const rel = (p) => relative(root, p);

/** LWC source files we write (not tests, not the generated modules). */
export function lwcSources(exts = ['.js', '.html', '.css']) {
  return walk(join(MAIN, 'lwc'), (p) => exts.some((x) => p.endsWith(x)) && !p.includes('__tests__'))
    .filter((p) => !GENERATED_LWC.has(relative(join(MAIN, 'lwc'), p).split('/')[0]));
}

export function xmllintAll() {
  const files = walk(join(root, 'force-app'), (p) => p.endsWith('-meta.xml'));
  const r = run('xmllint', ['--noout', ...files], { capture: true });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  return files.length;
}

export function metadataSchema() {
  const r = run(process.execPath, [join(root, 'scripts', 'salesforce', 'check-sf-metadata.cjs'), 'force-app'], { capture: true });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
}

/** Every `@salesforce/schema/Object.Field` import in our LWCs. */
export function schemaImports() {
  const refs = new Set();
  for (const f of lwcSources(['.js'])) {
    for (const m of readFileSync(f, 'utf8').matchAll(/@salesforce\/schema\/(\w+)\.(\w+)/g)) refs.add(`${m[1]}.${m[2]}`);
  }
  return [...refs].sort();
}

/**
 * apex-ls CheckForIssues over a copy of the classes and objects plus one generated class that names every field the
 * LWCs import as an SObjectField token: one run checks the Apex and proves each imported field exists (custom
 * fields in force-app, standard fields in apex-ls's platform schema).
 */
export function apexLs() {
  const ws = join(root, '.ci-out', 'apex-ls');
  rmSync(ws, { recursive: true, force: true });
  const dst = join(ws, 'force-app', 'main', 'default');
  mkdirSync(dst, { recursive: true });
  cpSync(join(root, 'sfdx-project.json'), join(ws, 'sfdx-project.json'));
  for (const d of ['classes', 'objects']) if (existsSync(join(MAIN, d))) cpSync(join(MAIN, d), join(dst, d), { recursive: true });
  const refs = schemaImports();
  const cls = `public with sharing class NavSyncLwcSchemaRefs {\n    public static List<SObjectField> fields() {\n        return new List<SObjectField>{\n${refs.map((r) => `            ${r}`).join(',\n')}\n        };\n    }\n}\n`;
  writeFileSync(join(dst, 'classes', 'NavSyncLwcSchemaRefs.cls'), refs.length ? cls : cls.replace(/\{\n\s*\n\s*\}/, '{}'));
  writeFileSync(join(dst, 'classes', 'NavSyncLwcSchemaRefs.cls-meta.xml'), readFileSync(join(MAIN, 'classes', 'NavSyncCleanup.cls-meta.xml')));
  const jars = join(root, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib', '*');
  const r = run('java', ['-cp', jars, 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', ws], { capture: true });
  const out = (r.stdout + r.stderr).replaceAll(ws + '/', '');
  return { ok: r.status === 0, out, refs };
}

/** PMD's recommended Apex rules through code-analyzer-core: no severity 1 (critical) or 2 (high) violation. */
export async function pmd() {
  const { CodeAnalyzer, CodeAnalyzerConfig } = require('@salesforce/code-analyzer-core');
  const ca = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
  await ca.addEnginePlugin(require('@salesforce/code-analyzer-pmd-engine').createEnginePlugin());
  const ws = await ca.createWorkspace([join(MAIN, 'classes')]);
  const res = await ca.run(await ca.selectRules(['pmd:Recommended:Apex'], { workspace: ws }), { workspace: ws });
  const all = res.getViolations();
  const bad = all.filter((v) => v.getRule().getSeverityLevel() <= 2);
  if (bad.length) {
    throw new Error(bad.map((v) => {
      const loc = v.getCodeLocations()[v.getPrimaryLocationIndex()];
      return `sev ${v.getRule().getSeverityLevel()} ${v.getRule().getName()} ${rel(loc.getFile())}:${loc.getStartLine()} ${v.getMessage()}`;
    }).join('\n'));
  }
  return all.length;
}

export function prettierApex() {
  const files = walk(join(MAIN, 'classes'), (p) => p.endsWith('.cls') || p.endsWith('.trigger'));
  const r = run(bin('prettier'), ['--plugin=prettier-plugin-apex', '--print-width', '120', '--tab-width', '4', '--check', ...files], { capture: true });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  return files.length;
}

export async function eslintLwc() {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: root });
  const files = walk(join(MAIN, 'lwc'), (p) => p.endsWith('.js')).filter((p) => !p.includes('/navsyncCore/'));
  const results = await eslint.lintFiles(files);
  const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => `${rel(r.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
  if (errors.length) throw new Error(errors.join('\n'));
  return files.length;
}

/** @lwc/compiler over every file of every bundle (js, html, css), as the platform compiles them on deploy. */
export function lwcCompile() {
  const { transformSync } = require('@lwc/compiler');
  const files = walk(join(MAIN, 'lwc'), (p) => /\.(js|html|css)$/.test(p) && !p.includes('__tests__'));
  const errors = [];
  for (const f of files) {
    const name = relative(join(MAIN, 'lwc'), f).split('/')[0];
    try {
      transformSync(readFileSync(f, 'utf8'), f.split('/').pop(), { namespace: 'c', name });
    } catch (e) {
      errors.push(`${rel(f)}: ${e.message}`);
    }
  }
  if (errors.length) throw new Error(errors.join('\n'));
  return files.length;
}
