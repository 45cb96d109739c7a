// Child of 22-validation-memory: one whole cycle as the `navsync sync` command runs it, against a CRM double that
// holds every contact of the export (owned by the seat holder, so all of them are in the validation scope): the
// export is read from its file through the FileSource (streamed from disk), each chunk's contacts and accounts are
// read from the CRM through the gateway, every row is decided, and the changes are applied (Salesforce: one Bulk API
// 2.0 job; Dataverse: `$batch` requests of 1,000). Prints the time, the peak RSS of this process and the counts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataverseGateway } from '../../../shared-ts/dist/crm/dataverse';
import type { CrmGateway } from '../../../shared-ts/dist/crm/gateway';
import { SalesforceGateway } from '../../../shared-ts/dist/crm/salesforce';
import { FileSource } from '../../../shared-ts/dist/linkedin/fileSource';
import { runCycle } from '../../../shared-ts/dist/sync/engine';
import { entraTokenProvider } from '../../../shared-ts/dist/sync/entraToken';

interface CrmInfo {
  kind: 'salesforce' | 'dataverse';
  crmUrl: string;
  clientId: string;
  clientSecret: string;
  ns?: string;
  tokenPath?: string;
}

async function main() {
  const t0 = Date.now();
  const c = JSON.parse(process.env.NAVSYNC_BENCH_CRM as string) as CrmInfo;
  const outbound = { allowLoopback: true };
  const crm: CrmGateway =
    c.kind === 'salesforce'
      ? new SalesforceGateway({
          outbound,
          instanceUrl: c.crmUrl,
          clientId: c.clientId,
          clientSecret: c.clientSecret,
          namespace: c.ns || null,
          bulkPollIntervalMs: 200,
        })
      : new DataverseGateway({
          outbound,
          url: c.crmUrl,
          getToken: entraTokenProvider({
            outbound,
            tokenUrl: c.crmUrl + c.tokenPath,
            clientId: c.clientId,
            clientSecret: c.clientSecret,
            resource: c.crmUrl,
          }),
        });
  const outDir = mkdtempSync(join(tmpdir(), 'navsync-memory-'));
  try {
    // NAVSYNC_BENCH_TRACE=1: the engine's progress lines on stderr, with the seconds since the start.
    const progress =
      process.env.NAVSYNC_BENCH_TRACE === '1'
        ? (line: string) => process.stderr.write(`  [${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}\n`)
        : undefined;
    const report = await runCycle({
      crm,
      linkedin: new FileSource({ exportFiles: [process.argv[2]] }),
      outDir,
      progress,
    });
    const v = report.steps.find((s) => s.name === 'validation');
    const notOk = report.steps
      .filter((s) => s.status !== 'ok' && s.status !== 'skipped')
      .map((s) => `${s.name} ${s.status}${s.error ? ` (${s.error.code})` : ''}`);
    process.stdout.write(
      `${JSON.stringify({ seconds: (Date.now() - t0) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, validation: v?.counts ?? {}, validationSeconds: (v?.durationMs ?? 0) / 1000, notOk, requests: report.requests.crm })}\n`,
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
