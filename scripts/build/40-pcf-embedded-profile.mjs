// Production build of the Embedded Profile PCF control. pcf-scripts exits 0 even when the manifest, ESLint or
// TypeScript fails (toolchain.md §5), so the log is checked for "[build] Succeeded" and no "Failed:", and
// `tsc --noEmit` runs as well. Prints the bundle size.
import { rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { bin, root, run } from '../lib/proc.mjs';
import { runTs } from '../dynamics/tsx.mjs';

const project = join(root, 'pcf-controls', 'EmbeddedProfile');
if (runTs('scripts/dynamics/resx.ts') !== 0) process.exit(1);

rmSync(join(project, 'out'), { recursive: true, force: true });
const build = run(bin('pcf-scripts'), ['build', '--buildMode', 'production'], {
  cwd: project,
  capture: true,
  env: { PP_TOOLS_TELEMETRY_OPTOUT: 'true', BROWSER: '/bin/true' },
});
const log = build.stdout + build.stderr;
mkdirSync(join(root, '.ci-out'), { recursive: true });
writeFileSync(join(root, '.ci-out', 'pcf-build.log'), log);
if (!/\[build\] Succeeded/.test(log) || /Failed:/.test(log)) {
  process.stderr.write(log);
  console.error('pcf-scripts build failed (see the log above; it exits 0 on failure, so the log decides)');
  process.exit(1);
}
const tsc = run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: project, capture: true });
if (tsc.status !== 0) {
  process.stderr.write(tsc.stdout + tsc.stderr);
  console.error('tsc --noEmit failed for the PCF control');
  process.exit(1);
}
const bundle = join(project, 'out', 'controls', 'EmbeddedProfile', 'bundle.js');
console.log(
  `PCF EmbeddedProfile built: bundle.js ${(statSync(bundle).size / 1024).toFixed(1)} KiB (React and Fluent are platform libraries)`,
);
