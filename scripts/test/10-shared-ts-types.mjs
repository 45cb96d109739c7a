// Type checks of the core: all sources and tests, and the domain layer alone without Node/DOM types
// (so nothing platform-specific leaks into the LWC module, the PCF control or the web resources).
import { runChecks } from '../lib/results.mjs';
import { bin, run } from '../lib/proc.mjs';

const tsc = (project) => () => {
  const r = run(bin('tsc'), ['-p', project, '--noEmit'], { capture: true });
  if (r.status !== 0) throw new Error((r.stdout + r.stderr).trim().split('\n').slice(0, 30).join('\n'));
};

const ok = await runChecks([
  ['shared-ts sources and tests type-check (strict)', tsc('shared-ts/tsconfig.test.json')],
  ['shared-ts domain compiles with no Node or DOM types', tsc('shared-ts/tsconfig.domain.json')],
]);
process.exit(ok ? 0 : 1);
