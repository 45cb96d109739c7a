// Small process helpers for build/test steps: run a binary from node_modules/.bin and fail loudly.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function bin(name) {
  return join(root, 'node_modules', '.bin', name);
}

/** Run a command; returns {status, stdout, stderr}. `capture` keeps output for parsing instead of printing it. */
export function run(cmd, args, { cwd = root, capture = false, env = {} } = {}) {
  const r = spawnSync(cmd, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: capture ? 'pipe' : 'inherit',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Run or exit the step with the command's status. */
export function must(cmd, args, opts) {
  const r = run(cmd, args, opts);
  if (r.status !== 0) {
    if (opts?.capture) process.stderr.write(r.stdout + r.stderr);
    console.error(`failed: ${cmd} ${args.join(' ')}`);
    process.exit(r.status || 1);
  }
  return r;
}
