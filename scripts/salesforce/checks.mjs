// Static checks of the Salesforce package that need no org. Each returns nothing or throws with the offending items.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
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
  return walk(join(MAIN, 'lwc'), (p) => exts.some((x) => p.endsWith(x)) && !p.includes('__tests__')).filter(
    (p) => !GENERATED_LWC.has(relative(join(MAIN, 'lwc'), p).split('/')[0]),
  );
}

export function xmllintAll() {
  const files = walk(join(root, 'force-app'), (p) => p.endsWith('-meta.xml'));
  const r = run('xmllint', ['--noout', ...files], { capture: true });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout);
  return files.length;
}

export function metadataSchema() {
  const r = run(process.execPath, [join(root, 'scripts', 'salesforce', 'check-sf-metadata.cjs'), 'force-app'], {
    capture: true,
  });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
}

/** Every `@salesforce/schema/Object.Field[.Field]` import in our LWCs (object-only imports are left out). */
export function schemaImports() {
  const refs = new Set();
  for (const f of lwcSources(['.js'])) {
    for (const m of readFileSync(f, 'utf8').matchAll(/@salesforce\/schema\/(\w+(?:\.\w+)+)'/g)) refs.add(m[1]);
  }
  return [...refs].sort();
}

/**
 * The fields our Apex names, as `Object.Field`: SOQL select lists, WHERE and ORDER BY fields of `[SELECT … FROM X …]`,
 * and SObjectField tokens (`Contact.Not_At_Company__c`). apex-ls checks constructors and DML, not these.
 */
export function apexFieldRefs() {
  const refs = new Set();
  const words = new Set([
    'SELECT',
    'FROM',
    'WHERE',
    'AND',
    'OR',
    'NOT',
    'IN',
    'LIKE',
    'NULL',
    'TRUE',
    'FALSE',
    'WITH',
    'USER_MODE',
    'ORDER',
    'BY',
    'ASC',
    'DESC',
    'LIMIT',
    'COUNT',
    'NULLS',
    'FIRST',
    'LAST',
    'FOR',
    'UPDATE',
  ]);
  for (const f of apexSources()) {
    const src = readFileSync(f, 'utf8').replace(/\/\/.*$/gm, '');
    for (const q of src.matchAll(/\[\s*SELECT\s+([\s\S]+?)\s+FROM\s+(\w+)([\s\S]*?)\]/gi)) {
      const object = q[2];
      const rest = q[3].replace(/:\s*\w+(\.\w+)*/g, ' ').replace(/'[^']*'/g, ' ');
      const names = [...q[1].split(','), ...rest.split(/[^\w.]+/)]
        .map((x) => x.trim())
        .filter((x) => /^[A-Za-z]\w*(\.\w+)*$/.test(x));
      for (const n of names) if (!words.has(n.toUpperCase()) && !/^\d/.test(n)) refs.add(`${object}.${n}`);
    }
    for (const m of src.matchAll(/\b([A-Z]\w*)\.(\w+__c)\b/g)) refs.add(`${m[1]}.${m[2]}`);
  }
  return [...refs].sort();
}

/**
 * `Contact.Account.Name` → `new Contact(Account = new Account(Name = null))`: apex-ls checks field names in SObject
 * constructors (not in SOQL or dotted expressions). A relationship's target is taken to be the object of the same
 * name (Account, Owner → a false alarm would show, never a silent pass).
 */
function constructorFor(path) {
  const parts = path.split('.');
  let expr = 'null';
  for (let i = parts.length - 1; i >= 1; i--) {
    const object = i === 1 ? parts[0] : parts[i - 1];
    expr = `new ${object}(${parts[i]} = ${expr})`;
  }
  return expr;
}

/** apex-ls prints a file path, then that file's issues (`Missing: …`, `Error: …`, `Warning: …`). */
function issuesByFile(out) {
  const issues = {};
  let file = '(apex-ls)';
  for (const line of out.split('\n')) {
    if (!line.trim()) continue;
    if (/^(Missing|Error|Warning|Syntax)\b/.test(line.trim())) (issues[file] = issues[file] || []).push(line.trim());
    else file = line.trim();
  }
  return issues;
}

/** Every Apex class and trigger of the package. */
function apexSources() {
  return ['classes', 'triggers']
    .filter((d) => existsSync(join(MAIN, d)))
    .flatMap((d) => walk(join(MAIN, d), (p) => p.endsWith('.cls') || p.endsWith('.trigger')));
}

export const SCHEMA_REFS_CLASS = 'NavSyncLwcSchemaRefs';
export const APEX_REFS_CLASS = 'NavSyncApexFieldRefs';

/**
 * apex-ls CheckForIssues (a promise) over a copy of the classes and objects plus two generated classes that write every
 * field the LWCs import and every field the Apex queries or names in SObject constructors: one run checks the Apex and
 * proves each field exists (custom fields in force-app, standard fields in apex-ls's platform schema).
 */
export function apexLs() {
  const ws = join(root, '.ci-out', 'apex-ls');
  rmSync(ws, { recursive: true, force: true });
  const dst = join(ws, 'force-app', 'main', 'default');
  mkdirSync(dst, { recursive: true });
  cpSync(join(root, 'sfdx-project.json'), join(ws, 'sfdx-project.json'));
  for (const d of ['classes', 'triggers', 'objects'])
    if (existsSync(join(MAIN, d))) cpSync(join(MAIN, d), join(dst, d), { recursive: true });
  const refs = schemaImports();
  const apexRefs = apexFieldRefs();
  const writeClass = (name, paths) => {
    const list = paths.length
      ? `{\n${paths.map((r) => `            ${constructorFor(r)}`).join(',\n')}\n        }`
      : '{}';
    const cls = `public with sharing class ${name} {\n    public static List<SObject> records() {\n        return new List<SObject>${list};\n    }\n}\n`;
    writeFileSync(join(dst, 'classes', `${name}.cls`), cls);
    writeFileSync(
      join(dst, 'classes', `${name}.cls-meta.xml`),
      readFileSync(join(MAIN, 'classes', 'NavSyncCleanup.cls-meta.xml')),
    );
  };
  writeClass(SCHEMA_REFS_CLASS, refs);
  writeClass(APEX_REFS_CLASS, apexRefs);
  const jars = join(root, 'node_modules', '@salesforce', 'code-analyzer-pmd-engine', 'dist', 'java-lib', '*');
  // Asynchronous, so the step runs it while PMD and the JS checks work (each Java run takes seconds).
  return new Promise((resolve) => {
    const child = spawn('java', ['-cp', jars, 'io.github.apexdevtools.apexls.CheckForIssues', '-n', '-w', ws]);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (status) =>
      resolve({ ok: status === 0, issues: issuesByFile(out.replaceAll(`${ws}/`, '')), refs, apexRefs }),
    );
    child.on('error', (err) => resolve({ ok: false, issues: { java: [String(err)] }, refs, apexRefs }));
  });
}

/** PMD's recommended Apex rules through code-analyzer-core: no severity 1 (critical) or 2 (high) violation. */
export async function pmd() {
  const { CodeAnalyzer, CodeAnalyzerConfig } = require('@salesforce/code-analyzer-core');
  const ca = new CodeAnalyzer(CodeAnalyzerConfig.withDefaults());
  await ca.addEnginePlugin(require('@salesforce/code-analyzer-pmd-engine').createEnginePlugin());
  const ws = await ca.createWorkspace(['classes', 'triggers'].map((d) => join(MAIN, d)).filter((d) => existsSync(d)));
  const res = await ca.run(await ca.selectRules(['pmd:Recommended:Apex'], { workspace: ws }), { workspace: ws });
  const all = res.getViolations();
  const bad = all.filter((v) => v.getRule().getSeverityLevel() <= 2);
  if (bad.length) {
    throw new Error(
      bad
        .map((v) => {
          const loc = v.getCodeLocations()[v.getPrimaryLocationIndex()];
          return `sev ${v.getRule().getSeverityLevel()} ${v.getRule().getName()} ${rel(loc.getFile())}:${loc.getStartLine()} ${v.getMessage()}`;
        })
        .join('\n'),
    );
  }
  return all.length;
}

export function prettierApex() {
  const files = apexSources();
  const r = run(bin('prettier'), ['--check', ...files], { capture: true });
  if (r.status !== 0) throw new Error(r.stdout + r.stderr);
  return files.length;
}

export async function eslintLwc() {
  const { ESLint } = await import('eslint');
  const eslint = new ESLint({ cwd: root });
  const files = walk(join(MAIN, 'lwc'), (p) => p.endsWith('.js')).filter((p) => !p.includes('/navsyncCore/'));
  const results = await eslint.lintFiles(files);
  const errors = results.flatMap((r) =>
    r.messages
      .filter((m) => m.severity === 2)
      .map((m) => `${rel(r.filePath)}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
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
