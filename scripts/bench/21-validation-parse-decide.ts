// Benchmark: data-validation export parse + decide, rows per second (target ≥ 200,000 rows/s).
// The export (CSV, 1,000,000 rows) is generated as a stream of chunks and goes through the same parser the
// LinkedIn sources use (on a second thread, as they run it) and the same chunked consume/decide path as the engine's validation step; the CRM's
// answers for each chunk are synthesized in memory (this measures parsing and the domain decision, not HTTP).
// It runs in a process started as the navsync command starts (compiled JavaScript, the command's V8 flags).
import type { ValidationCounts } from '../../shared-ts/dist/sync/steps/validation';
import { cliNodeFlags, compileChild, runAsCli } from './lib/asCliProcess';

interface ChildResult {
  runs: { wall: number; cpu: number }[];
  counts: ValidationCounts;
  writes: number;
  reference: { sort: number; memory: number };
}

/** Processes measured, each with its own runs: this shared VM's speed differs more between processes than within one. */
const PROCESSES = 3;

function main() {
  const child = compileChild('parseDecideChild');
  const fmt = (n: number) => n.toLocaleString('en');
  const rateOf = (rows: number, seconds: number) => Math.round(rows / seconds);
  console.log(`  ${PROCESSES} processes started as the navsync command: node ${cliNodeFlags().join(' ')}`);
  const results: ChildResult[] = [];
  for (let p = 1; p <= PROCESSES; p++) {
    const r = runAsCli<ChildResult>(child, []);
    const rate = (s: number) => rateOf(r.counts.rows, s);
    const runs = r.runs.map((x) => `${fmt(rate(x.wall))} rows/s wall, ${fmt(rate(x.cpu))} per CPU second`).join('; ');
    console.log(
      `  process ${p}: ${runs} (machine reference: sorting 1,000,000 numbers ${r.reference.sort.toFixed(0)} ms, 4,000,000 dependent reads across 64 MB ${r.reference.memory.toFixed(0)} ms)`,
    );
    results.push(r);
  }
  const r = results[0];
  const all = results.flatMap((x) => x.runs);
  const rows = r.counts.rows;
  const rate = (s: number) => rateOf(rows, s);
  const load = (require('node:os') as typeof import('node:os')).loadavg()[0];
  // The best and the median of every run (of the two middle runs, the slower).
  const walls = all.map((x) => x.wall).sort((a, b) => a - b);
  const cpus = all.map((x) => x.cpu).sort((a, b) => a - b);
  const mid = Math.floor(walls.length / 2);
  // The export is parsed on a second thread while the main thread decides (linkedin/parseInWorker): the rows/s a
  // user sees is the wall-clock rate. The processor-time rate counts both threads (and the hand-over between them):
  // what a million rows cost in CPU, printed as information.
  console.log(
    `export parse + decide, ${fmt(rows)} rows, ${all.length} runs: best ${fmt(rate(walls[0]))} rows/s wall (median ${fmt(rate(walls[mid]))}); best ${fmt(rate(cpus[0]))} rows per CPU second of both threads (median ${fmt(rate(cpus[mid]))}); load average ${load.toFixed(1)}; target ≥ 200,000`,
  );
  const c = r.counts;
  console.log(
    `  decisions: flag ${c.flag}, clear ${c.clear}, unchanged ${c.unchanged}, skipped ${c.skipped}; rejected ${c.rejected}, writes ${r.writes}`,
  );
  console.log(
    `  median ${rate(walls[mid]) >= 200_000 ? 'MEETS' : 'MISSES'} the target; slowest run ${rate(walls[walls.length - 1]) >= 200_000 ? 'meets' : 'misses'} it (${fmt(rate(walls[walls.length - 1]))} rows/s)`,
  );
}

main();
