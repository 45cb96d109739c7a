// (Run by scripts/build/42-dynamics-package.mjs.) `npm run package:dynamics`: the managed and unmanaged solution zips in dist/dynamics/ (our own packer; pac is
// not available here). Needs the PCF control and the web resources built first (steps 40 and 41).
import { readFileSync, statSync } from 'node:fs';
import JSZip from 'jszip';
import { join, relative } from 'node:path';
import { packSolution } from '../../dynamics-solution/src/solution/pack';

async function main(): Promise<void> {
  const root = join(__dirname, '..', '..');
  const result = await packSolution(root, join(root, 'dist', 'dynamics'));
  for (const zip of [result.unmanaged, result.managed]) {
    // Counted in the written zip, not in the list the packer meant to write.
    const entries = Object.values((await JSZip.loadAsync(readFileSync(zip))).files);
    const folders = entries.filter((e) => e.dir).length;
    console.log(
      `${relative(root, zip)}: ${(statSync(zip).size / 1024).toFixed(1)} KiB, ${entries.length - folders} files` +
        (folders ? `, ${folders} folder entries` : ''),
    );
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
