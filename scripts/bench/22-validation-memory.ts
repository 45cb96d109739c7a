// Benchmark: peak memory while a 1,000,000-row export is read and decided (target < 512 MB, streamed).
// The export is written to a temporary CSV file first (~110 MB), then a fresh process reads it through the
// FileSource (streamed from disk) and the engine's consume → decide path, and reports its peak RSS.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { makeExportChunks } from './lib/validationPipeline';

const ROWS = Number(process.env.NAVSYNC_BENCH_ROWS ?? 1_000_000);

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'navsync-bench-'));
  const file = join(dir, 'export.csv');
  try {
    const out = createWriteStream(file);
    for await (const chunk of makeExportChunks(ROWS)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const mb = statSync(file).size / 1e6;
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'lib', 'memoryChild.ts'), file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr || r.stdout);
    const res = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { rows: number; maxRssMb: number; heapMb: number; seconds: number };
    console.log(`export memory: ${res.rows.toLocaleString('en')} rows (${mb.toFixed(0)} MB file) read + decided in ${res.seconds.toFixed(1)} s; peak RSS ${res.maxRssMb.toFixed(0)} MB, heap after ${res.heapMb.toFixed(0)} MB (target < 512 MB)`);
    console.log(`  ${res.maxRssMb < 512 ? 'MEETS' : 'MISSES'} the target`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
