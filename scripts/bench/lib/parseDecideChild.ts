// Child of 21-validation-parse-decide, started as the navsync command runs (lib/asCliProcess): parses and decides
// the export RUNS times in this one process and prints the timings, the counts and two machine reference figures.
import { Random } from '../../../shared-ts/dist/demo/random';
import { makeExportChunks, decideAll } from './validationPipeline';

const ROWS = Number(process.env.NAVSYNC_BENCH_ROWS ?? 1_000_000);
const RUNS = 2;

async function main() {
  // Warm-up so the JIT's first compile is not in the figure.
  await decideAll(makeExportChunks(20_000));
  // The export text is produced first (as a finished download would be), so only parse + decide is timed.
  const chunks: string[] = [];
  for await (const c of makeExportChunks(ROWS)) chunks.push(c);
  const runs: { wall: number; cpu: number }[] = [];
  let last: Pick<Awaited<ReturnType<typeof decideAll>>, 'counts' | 'writes'> | null = null;
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const cpu0 = process.cpuUsage();
    const r = await decideAll(
      (async function* () {
        yield* chunks;
      })(),
    );
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    // Only the counts are kept: the run's changes are dropped before the next run.
    runs.push({ wall, cpu: (cpu.user + cpu.system) / 1e6 });
    last = { counts: r.counts, writes: r.writes };
  }
  process.stdout.write(`${JSON.stringify({ runs, ...last, reference: referenceMs() })}\n`);
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
