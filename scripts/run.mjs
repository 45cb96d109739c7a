#!/usr/bin/env node
// The one entry point behind `npm start`, `npm run build`, `npm test` and `npm run bench`.
// Each phase runs the numbered step files in scripts/<phase>/ as separate processes, so every
// team can add a step without touching a shared list. `.ts` steps run through tsx.
//   build: every step must exit 0.
//   test:  a step writes .ci-out/results/<step>.json ({passed, failed, ...}); the closing line sums them.
//   bench: steps print their own figures.
//   start: build, then the demo main job (scripts/start/*).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemTools } from './lib/system-tools.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, '.ci-out', 'results');
const phase = process.argv[2];
const only = process.argv.slice(3); // optional step-name filters: `npm test -- lwc`

function steps(dir) {
  const full = join(root, 'scripts', dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((f) => /^\d\d-.*\.(mjs|cjs|ts)$/.test(f))
    .sort()
    .map((f) => ({ name: f.replace(/\.(mjs|cjs|ts)$/, ''), file: join(full, f) }))
    .filter((s) => only.length === 0 || only.some((o) => s.name.includes(o)));
}

function runStep(step, extraEnv = {}) {
  const args = step.file.endsWith('.ts') ? ['--import', 'tsx', step.file] : [step.file];
  const started = Date.now();
  console.log(`\n▶ ${relative(root, step.file)}`);
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NAVSYNC_STEP: step.name, NAVSYNC_RESULTS_DIR: resultsDir, ...extraEnv },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const code = r.status ?? 1;
  console.log(`${code === 0 ? '✔' : '✘'} ${step.name} (${seconds} s${code === 0 ? '' : `, exit ${code}`})`);
  return code;
}

function build() {
  for (const step of steps('build')) {
    if (runStep(step) !== 0) {
      console.error(`Build failed in ${step.name}.`);
      process.exit(1);
    }
  }
}

function test() {
  ensureSystemTools(['xmllint', 'chromium', 'java']);
  only.length = 0; // a test run always builds everything first
  build();
  only.push(...process.argv.slice(3));
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });
  let passed = 0;
  let failed = 0;
  const lines = [];
  for (const step of steps('test')) {
    const code = runStep(step);
    const file = join(resultsDir, `${step.name}.json`);
    let res = null;
    if (existsSync(file)) {
      try {
        res = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        res = null;
      }
    }
    if (!res) res = { passed: 0, failed: 1, note: 'step wrote no result file' };
    // A step that exits non-zero has failed, whatever it counted.
    if (code !== 0 && !res.failed) res.failed = 1;
    passed += res.passed;
    failed += res.failed;
    lines.push(
      `  ${step.name.padEnd(34)} ${String(res.passed).padStart(5)} passed ${String(res.failed).padStart(4)} failed`,
    );
  }
  writeFileSync(join(resultsDir, '..', 'summary.json'), JSON.stringify({ passed, failed }, null, 2));
  console.log('\nTest summary by step:\n' + lines.join('\n'));
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

function bench() {
  build();
  let bad = 0;
  for (const step of steps('bench')) bad += runStep(step) === 0 ? 0 : 1;
  process.exit(bad ? 1 : 0);
}

function start() {
  build();
  for (const step of steps('start')) {
    if (runStep(step) !== 0) process.exit(1);
  }
}

const phases = { build, test, bench, start };
if (!phases[phase]) {
  console.error(`usage: node scripts/run.mjs <${Object.keys(phases).join('|')}> [step-filter…]`);
  process.exit(2);
}
phases[phase]();
