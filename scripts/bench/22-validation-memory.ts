// Benchmark: time and peak memory of one daily cycle whose validation reads a CRM that holds every contact of the
// export, end to end with the apply (target: peak RSS ≤ 512 MB at 1,000,000 contacts and a 1,000,000-row export,
// time and memory growing linearly). For each CRM and size: the export of lib/cycleOrg (a row per contact, 9 in 10
// saying the person left) is written to a temporary CSV file; the CRM double is seeded with the org (every contact
// owned by the one seat holder, so all are in scope) in a process of its own (lib/cycleDoubles, `crm-only`: no
// latency model, its memory is not the engine's); then a fresh process runs the cycle as the navsync command would
// (lib/memoryChild) and reports its peak RSS.
// Env: NAVSYNC_BENCH_MEMORY_SIZES (default 10000,100000,1000000), NAVSYNC_BENCH_MEMORY_CRMS (default both).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { compileChild, runAsCli } from './lib/asCliProcess';
import { cycleOrg, exportChunks } from './lib/cycleOrg';

const SIZES = (process.env.NAVSYNC_BENCH_MEMORY_SIZES ?? '10000,100000,1000000').split(',').map(Number);
const CRMS = (process.env.NAVSYNC_BENCH_MEMORY_CRMS ?? 'salesforce,dataverse').split(',') as (
  'salesforce' | 'dataverse'
)[];
const TARGET_MB = 512;
const APPLY = { salesforce: 'a Bulk API 2.0 job', dataverse: '$batch requests of 1,000' };

interface ChildResult {
  seconds: number;
  maxRssMb: number;
  validation: Record<string, number>;
  validationSeconds: number;
  notOk: string[];
  requests: { total: number; byKind: Record<string, number> };
}

const fmt = (n: number) => n.toLocaleString('en');

async function main() {
  const child = compileChild('memoryChild');
  let missed = false;
  for (const kind of CRMS) {
    const results: (ChildResult & { n: number; fileMb: number })[] = [];
    for (const n of SIZES) {
      const r = await measure(kind, n, child);
      results.push(r);
      const v = r.validation;
      const kinds = Object.entries(r.requests.byKind)
        .filter(([k]) => k !== 'token')
        .sort((a, b) => b[1] - a[1])
        .map(([k, c]) => `${k} ${fmt(c)}`)
        .join(', ');
      console.log(
        `${kind} ${fmt(n)} contacts in the CRM, ${fmt(v.rows ?? 0)}-row export (${r.fileMb.toFixed(0)} MB): cycle ${r.seconds.toFixed(1)} s (validation ${r.validationSeconds.toFixed(1)} s), ${fmt(v.applied ?? 0)} flags applied in ${APPLY[kind]} (${v.failed ?? 0} failed, ${v.unprocessed ?? 0} unprocessed, ${v.unknown ?? 0} unknown, ${v.outOfScope ?? 0} out of scope); peak RSS ${r.maxRssMb.toFixed(0)} MB${r.notOk.length ? `; NOT OK: ${r.notOk.join(', ')}` : ''}`,
      );
      console.log(`  CRM requests: ${kinds}`);
      const expected = n - Math.floor(n / 10);
      if (v.applied !== expected || r.notOk.length) missed = true;
      if (n >= 1_000_000 && r.maxRssMb > TARGET_MB) missed = true;
    }
    if (results.length > 1) {
      const [first] = results;
      const per = (r: (typeof results)[number]) => (r.seconds / r.n) * 1000;
      console.log(
        `${kind}: time per 1,000 contacts ${results.map((r) => `${fmt(r.n)}: ${per(r).toFixed(3)} s`).join(', ')}; ratio to ${fmt(first.n)}: ${results.map((r) => (per(r) / per(first)).toFixed(2)).join(', ')} (linear: 1.00)`,
      );
      console.log(
        `${kind}: peak RSS ${results.map((r) => `${fmt(r.n)}: ${r.maxRssMb.toFixed(0)} MB`).join(', ')}; ratio to ${fmt(first.n)}: ${results.map((r) => (r.maxRssMb / first.maxRssMb).toFixed(2)).join(', ')}`,
      );
    }
    const largest = results[results.length - 1];
    if (largest.n >= 1_000_000)
      console.log(
        `${kind}: peak RSS at ${fmt(largest.n)} ${largest.maxRssMb.toFixed(0)} MB (target ≤ ${TARGET_MB} MB): ${largest.maxRssMb <= TARGET_MB ? 'MEETS' : 'MISSES'} the target`,
      );
  }
  if (missed) console.log('  at least one run MISSES the target or did not apply every change');
}

async function measure(
  kind: 'salesforce' | 'dataverse',
  n: number,
  child: string,
): Promise<ChildResult & { n: number; fileMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'navsync-bench-'));
  const file = join(dir, 'export.csv');
  try {
    const out = createWriteStream(file);
    for (const chunk of exportChunks(cycleOrg(kind, n))) if (!out.write(chunk)) await once(out, 'drain');
    out.end();
    await once(out, 'finish');
    const doubles = spawn(
      process.execPath,
      [
        '--max-old-space-size=8192',
        '--import',
        'tsx',
        join(__dirname, 'lib', 'cycleDoubles.ts'),
        kind,
        String(n),
        '0',
        '0',
        'crm-only',
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    try {
      const [crm] = (await once(createInterface({ input: doubles.stdout }), 'line')) as [string];
      return {
        ...runAsCli<ChildResult>(child, [file], { NAVSYNC_BENCH_CRM: crm }),
        n,
        fileMb: statSync(file).size / 1e6,
      };
    } finally {
      doubles.stdin.end();
      await once(doubles, 'exit');
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
