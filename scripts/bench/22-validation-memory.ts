// Benchmark: peak memory of the validation step on a 1,000,000-row export (target < 512 MB, streamed), per CRM.
// For each CRM: the export is written to a temporary CSV file (~116 MB); a CRM double is started in a process of
// its own with those contacts; then a fresh process reads the file through the FileSource (streamed from disk),
// decides every row on the engine's consume → decide path, keeps the changes as the step does, applies them through
// the gateway (Salesforce: one Bulk API 2.0 job; Dataverse: `$batch` requests of 1,000) and reports its peak RSS.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { compileChild, runAsCli } from './lib/asCliProcess';
import { makeExportChunks, type IdScheme } from './lib/validationPipeline';

const ROWS = Number(process.env.NAVSYNC_BENCH_ROWS ?? 1_000_000);
const APPLY: Record<IdScheme, string> = { salesforce: 'one Bulk API 2.0 job', dataverse: '$batch requests of 1,000' };

interface ChildResult {
  rows: number;
  writes: number;
  applied: { succeeded: number; failed: number; unprocessed: number };
  maxRssMb: number;
  rssAfterDecideMb: number;
  heapAfterDecideMb: number;
  seconds: number;
}

async function main() {
  // The measured process runs as the navsync command does (lib/asCliProcess).
  const child = compileChild('memoryChild');
  let missed = false;
  for (const kind of ['salesforce', 'dataverse'] as const) {
    const res = await measure(kind, child);
    const a = res.applied;
    console.log(`${kind}: ${res.rows.toLocaleString('en')} rows (${res.fileMb.toFixed(0)} MB file) read, decided and ${res.writes.toLocaleString('en')} changes applied in ${APPLY[kind]} (${a.succeeded.toLocaleString('en')} ok, ${a.failed} failed, ${a.unprocessed} unprocessed) in ${res.seconds.toFixed(1)} s`);
    console.log(`  peak RSS ${res.maxRssMb.toFixed(0)} MB (after read + decide: ${res.rssAfterDecideMb.toFixed(0)} MB) (target < 512 MB): ${res.maxRssMb < 512 ? 'MEETS' : 'MISSES'} the target`);
    if (res.maxRssMb >= 512 || a.succeeded !== res.writes) missed = true;
  }
  if (missed) console.log('  at least one CRM MISSES the target or did not apply every change');
}

async function measure(kind: IdScheme, child: string): Promise<ChildResult & { fileMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'navsync-bench-'));
  const file = join(dir, 'export.csv');
  try {
    const out = createWriteStream(file);
    for await (const chunk of makeExportChunks(ROWS, kind)) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const double = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'lib', 'crmDoubleProcess.ts'), kind, String(ROWS)], { stdio: ['pipe', 'pipe', 'inherit'] });
    try {
      const [crm] = (await once(createInterface({ input: double.stdout }), 'line')) as [string];
      return { ...runAsCli<ChildResult>(child, [file], { NAVSYNC_BENCH_CRM: crm }), fileMb: statSync(file).size / 1e6 };
    } finally {
      double.stdin.end();
      await once(double, 'exit');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
