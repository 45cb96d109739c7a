// Child of 22-validation-memory: reads the export file through the FileSource and decides every row.
import { FileSource } from '../../../shared-ts/dist/linkedin/fileSource';
import { decideAllItems } from './validationPipeline';

async function main() {
  const t0 = Date.now();
  const src = new FileSource({ exportFiles: [process.argv[2]] });
  const exp = await src.exportValidation({ since: 0 });
  const r = await decideAllItems(exp.items());
  const usage = process.resourceUsage();
  process.stdout.write(
    `${JSON.stringify({ rows: r.counts.rows, writes: r.writes, maxRssMb: usage.maxRSS / 1024, heapMb: process.memoryUsage().heapUsed / 1e6, seconds: (Date.now() - t0) / 1000 })}\n`,
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
