import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoData } from '../../src/demo/dataset';
import { startDemoEnvironment, type DemoEnvironment } from '../../src/demo/environment';

/**
 * Fresh demo doubles (and a temporary folder for the inbox and outputs) for every test of a file: started before
 * each test and handed to `use`, closed and removed after it.
 */
export function demoEnvironmentPerTest(
  data: DemoData,
  prefix: string,
  use: (env: DemoEnvironment, dir: string) => void,
): void {
  let current: { env: DemoEnvironment; dir: string } | null = null;
  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    current = { env: await startDemoEnvironment({ dir, data }), dir };
    use(current.env, dir);
  });
  afterEach(async () => {
    if (!current) return;
    await current.env.close();
    rmSync(current.dir, { recursive: true, force: true });
    current = null;
  });
}
