// Benchmark: data-validation export parse + decide, rows per second (target ≥ 200,000 rows/s).
// The export (CSV, 1,000,000 rows) is generated as a stream of chunks and goes through the same parser the
// LinkedIn sources use and the same chunked consume/decide path as the engine's validation step; the CRM's
// answers for each chunk are synthesized in memory (this measures parsing and the domain decision, not HTTP).
import { makeExportChunks, decideAll } from './lib/validationPipeline';

const ROWS = Number(process.env.NAVSYNC_BENCH_ROWS ?? 1_000_000);

async function main() {
  // Warm-up so the JIT's first compile is not in the figure.
  await decideAll(makeExportChunks(20_000));
  const t0 = process.hrtime.bigint();
  const r = await decideAll(makeExportChunks(ROWS));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rate = Math.round(r.counts.rows / seconds);
  console.log(`export parse + decide: ${r.counts.rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s = ${rate.toLocaleString('en')} rows/s (target ≥ 200,000)`);
  console.log(`  decisions: flag ${r.counts.flag}, clear ${r.counts.clear}, unchanged ${r.counts.unchanged}, skipped ${r.counts.skipped}; rejected ${r.counts.rejected}, writes ${r.writes}`);
  console.log(`  ${rate >= 200_000 ? 'MEETS' : 'MISSES'} the target`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
