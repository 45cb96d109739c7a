// Runs a TypeScript script of the Dataverse side with tsx, resolving `@navsync/shared-ts` to the core's sources
// (dynamics-solution/tsconfig.json paths), so these steps never depend on shared-ts/dist being current.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';

export function runTs(script, args = []) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, script), ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'dynamics-solution', 'tsconfig.json') },
  });
  return r.status ?? 1;
}
