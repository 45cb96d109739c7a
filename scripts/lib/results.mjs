// Shared by test steps: write the per-step result file that scripts/run.mjs sums,
// and run jest with a config, turning its --json report into that result.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeResult(result) {
  const dir = process.env.NAVSYNC_RESULTS_DIR ?? join(process.cwd(), '.ci-out', 'results');
  const name = process.env.NAVSYNC_STEP ?? 'adhoc';
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(result, null, 2));
}

/** A named list of checks (each passes or fails with a reason) counted as tests. */
export async function runChecks(checks) {
  let passed = 0;
  const failures = [];
  for (const [name, fn] of checks) {
    try {
      await fn();
      passed++;
      console.log(`  ✓ ${name}`);
    } catch (err) {
      failures.push({ name, error: String(err?.message ?? err) });
      console.log(
        `  ✗ ${name}\n      ${String(err?.message ?? err)
          .split('\n')
          .join('\n      ')}`,
      );
    }
  }
  writeResult({ passed, failed: failures.length, failures });
  return failures.length === 0;
}

/** Run jest (or sfdx-lwc-jest's jest) with the given args and record its counts. */
export function runJest(args, { cwd = process.cwd(), env = {} } = {}) {
  const dir = process.env.NAVSYNC_RESULTS_DIR ?? join(cwd, '.ci-out', 'results');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${process.env.NAVSYNC_STEP ?? 'jest'}.jest.json`);
  const r = spawnSync(
    process.execPath,
    [join(cwd, 'node_modules', 'jest', 'bin', 'jest.js'), '--ci', '--json', `--outputFile=${out}`, ...args],
    { cwd, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let passed = 0;
  let failed = 1;
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    passed = j.numPassedTests;
    // Suites that fail to run (syntax error, missing module) have no failed tests: count them.
    failed = j.numFailedTests + j.numRuntimeErrorTestSuites;
    if (j.numTotalTests === 0) failed = Math.max(failed, 1);
  }
  writeResult({ passed, failed });
  return r.status === 0 && failed === 0 ? 0 : 1;
}
