// Benchmark: data-validation export parse + decide, rows per second (target ≥ 200,000 rows/s).
// The export (CSV, 1,000,000 rows) is generated as a stream of chunks and goes through the same parser the
// LinkedIn sources use and the same chunked consume/decide path as the engine's validation step; the CRM's
// answers for each chunk are synthesized in memory (this measures parsing and the domain decision, not HTTP).
import { Random } from '../../shared-ts/src/demo/random';
import { makeExportChunks, decideAll } from './lib/validationPipeline';

const ROWS = Number(process.env.NAVSYNC_BENCH_ROWS ?? 1_000_000);

const RUNS = 3;

async function main() {
  // Warm-up so the JIT's first compile is not in the figure.
  await decideAll(makeExportChunks(20_000));
  // The export text is produced first (as a finished download would be), so only parse + decide is timed.
  const chunks: string[] = [];
  for await (const c of makeExportChunks(ROWS)) chunks.push(c);
  // This machine's speed varies from run to run (a shared VM): three runs, the best and the median are printed.
  const runs: { wall: number; cpu: number; r: Pick<Awaited<ReturnType<typeof decideAll>>, 'counts' | 'writes'> }[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const r = await decideAll((async function* () {
      yield* chunks;
    })());
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    // Only the counts are kept: the run's changes are dropped before the next run.
    runs.push({ wall, cpu: (cpu.user + cpu.system) / 1e6, r: { counts: r.counts, writes: r.writes } });
  }
  const rows = runs[0].r.counts.rows;
  const rate = (s: number) => Math.round(rows / s);
  const fmt = (n: number) => n.toLocaleString('en');
  const load = (await import('node:os')).loadavg()[0];
  const ref = referenceMs();
  console.log(`  machine speed reference, best of 3: sorting 1,000,000 numbers ${ref.sort.toFixed(0)} ms, 4,000,000 dependent reads across 64 MB ${ref.memory.toFixed(0)} ms (compare runs by them)`);
  for (const [i, x] of runs.entries()) {
    console.log(`  run ${i + 1}: ${fmt(rows)} rows in ${x.wall.toFixed(2)} s wall = ${fmt(rate(x.wall))} rows/s; ${x.cpu.toFixed(2)} s CPU = ${fmt(rate(x.cpu))} rows/s of CPU`);
  }
  const walls = runs.map((x) => x.wall).sort((a, b) => a - b);
  const cpus = runs.map((x) => x.cpu).sort((a, b) => a - b);
  // On a shared machine the wall clock also counts time spent waiting for a core: the CPU-time rate is what
  // the code does per second of processor, the wall-clock rate what this run got. Both are printed.
  console.log(`export parse + decide: best ${fmt(rate(walls[0]))} rows/s wall (median ${fmt(rate(walls[1]))}); best ${fmt(rate(cpus[0]))} rows/s of CPU (median ${fmt(rate(cpus[1]))}); load average ${load.toFixed(1)}; target ≥ 200,000`);
  const c = runs[0].r.counts;
  console.log(`  decisions: flag ${c.flag}, clear ${c.clear}, unchanged ${c.unchanged}, skipped ${c.skipped}; rejected ${c.rejected}, writes ${runs[0].r.writes}`);
  console.log(`  median wall clock ${rate(walls[1]) >= 200_000 ? 'MEETS' : 'MISSES'} the target; median CPU time ${rate(cpus[1]) >= 200_000 ? 'MEETS' : 'MISSES'} it`);
}

/**
 * Fixed pieces of work timed on the same machine: this shared VM's speed changes between runs by up to a third,
 * so a figure read together with these tells a slow machine from slower code. The parse is bound by memory as
 * much as by the processor: one reference of each kind.
 */
function referenceMs(): { sort: number; memory: number } {
  let sort = Infinity;
  let memory = Infinity;
  // One random cycle through 16 M slots (Sattolo's shuffle): every read waits for the one before, mostly from memory.
  const next = new Int32Array(16 * 1024 * 1024);
  for (let i = 0; i < next.length; i++) next[i] = i;
  const random = new Random(7);
  for (let i = next.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * i);
    const t = next[i];
    next[i] = next[j];
    next[j] = t;
  }
  let x = 12345;
  for (let k = 0; k < 3; k++) {
    const a = new Float64Array(1_000_000).map(() => (x = (x * 1103515245 + 12345) % 2147483648));
    let t0 = process.hrtime.bigint();
    a.sort();
    sort = Math.min(sort, Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    let p = k;
    for (let i = 0; i < 4_000_000; i++) p = next[p];
    memory = Math.min(memory, Number(process.hrtime.bigint() - t0) / 1e6 + (p < 0 ? 1 : 0));
  }
  return { sort, memory };
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
