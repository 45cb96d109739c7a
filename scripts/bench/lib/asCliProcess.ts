// Runs a benchmark's measured part the way the `navsync` command runs the engine: plain node on compiled
// JavaScript (tsx alone adds ~45 MB of RSS and its own loader) with the V8 flags of the command's
// `#!/usr/bin/env -S node …` line, so the figures are those of the product as shipped.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';

const ROOT = join(__dirname, '..', '..', '..');

/** The node flags the navsync command runs with (its shebang line). */
export function cliNodeFlags(): string[] {
  const first = readFileSync(join(ROOT, 'shared-ts', 'bin', 'navsync.cjs'), 'utf8').split('\n')[0];
  const m = /^#!\/usr\/bin\/env -S node((?: --[\w-]+(?:=\S+)?)*)$/.exec(first);
  if (!m) throw new Error(`unexpected first line of the navsync command: ${first}`);
  return m[1].trim().split(/\s+/).filter(Boolean);
}

/**
 * Compiles `lib/<name>.ts` to `dist/bench/lib/<name>.cjs`. The engine is not bundled: it is required from
 * shared-ts/dist as the command requires it (the same relative path works from there), so its modules find their
 * own files (the export parsing worker).
 */
export function compileChild(name: string): string {
  const outfile = join(ROOT, 'dist', 'bench', 'lib', `${name}.cjs`);
  buildSync({
    entryPoints: [join(__dirname, `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    external: ['../../../shared-ts/dist/*'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

/** Runs the compiled child with the command's flags; gives the JSON object on its last line of output. */
export function runAsCli<T>(child: string, args: string[], env: NodeJS.ProcessEnv = {}): T {
  const r = spawnSync(process.execPath, [...cliNodeFlags(), child, ...args], {
    encoding: 'utf8',
    // Traced (NAVSYNC_BENCH_TRACE=1): the child's progress lines on this terminal as they come.
    ...(process.env.NAVSYNC_BENCH_TRACE === '1' ? { stdio: ['ignore', 'pipe', 'inherit'] as const } : {}),
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(r.stderr || r.stdout || `${child} exited with ${r.status}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as T;
}
