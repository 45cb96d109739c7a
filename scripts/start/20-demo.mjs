// The main job's demo run: one full sync cycle for Salesforce and for Dataverse against the loopback doubles
// seeded with the built-in demo world; writes dist/demo/report.html, the JSON run reports and the auto-save CSVs.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';

const require = createRequire(import.meta.url);
const { runDemo } = require(join(root, 'shared-ts', 'dist', 'demo', 'run.js'));

const started = Date.now();
const quiet = process.argv.includes('--quiet');
const result = await runDemo({
  outDir: join(root, 'dist', 'demo'),
  progress: quiet ? undefined : (line) => process.stderr.write(`  ${line}\n`),
});
console.log(
  `Demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.ok ? 'both cycles OK' : 'a cycle reported a failure (see above)'}.`,
);
process.exit(result.ok ? 0 : 1);
