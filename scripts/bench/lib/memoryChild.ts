// Child of 22-validation-memory: reads the export file through the FileSource, decides every row and keeps the
// changes as the engine's validation step does, then (given a CRM double) applies them through the gateway (Salesforce:
// one Bulk API 2.0 job; Dataverse: `$batch` requests): the step's whole path, measured by this process's peak RSS.
import { DataverseGateway } from '../../../shared-ts/dist/crm/dataverse';
import type { CrmGateway } from '../../../shared-ts/dist/crm/gateway';
import { SalesforceGateway } from '../../../shared-ts/dist/crm/salesforce';
import { FileSource } from '../../../shared-ts/dist/linkedin/fileSource';
import { decideAllItems } from './validationPipeline';

async function main() {
  const t0 = Date.now();
  const src = new FileSource({ exportFiles: [process.argv[2]] });
  const exp = await src.exportValidation({ since: 0 });
  const r = await decideAllItems(exp.items());
  const heapAfterDecide = process.memoryUsage().heapUsed / 1e6;
  const rssAfterDecide = process.resourceUsage().maxRSS / 1024;
  let applied: { succeeded: number; failed: number; unprocessed: number } | null = null;
  const crm = process.env.NAVSYNC_BENCH_CRM;
  if (crm) {
    const c = JSON.parse(crm) as { kind: string; url: string; clientId: string; clientSecret: string; token: string };
    const gw: CrmGateway =
      c.kind === 'salesforce'
        ? new SalesforceGateway({ outbound: { allowLoopback: true }, instanceUrl: c.url, clientId: c.clientId, clientSecret: c.clientSecret, bulkPollIntervalMs: 200 })
        : new DataverseGateway({ outbound: { allowLoopback: true }, url: c.url, getToken: async () => c.token });
    const w = await gw.updatePeople(r.updates);
    applied = { succeeded: w.succeeded.length, failed: w.failed.length, unprocessed: w.unprocessed.length };
  }
  process.stdout.write(
    `${JSON.stringify({ rows: r.counts.rows, writes: r.writes, applied, maxRssMb: process.resourceUsage().maxRSS / 1024, rssAfterDecideMb: rssAfterDecide, heapAfterDecideMb: heapAfterDecide, seconds: (Date.now() - t0) / 1000 })}\n`,
  );
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
