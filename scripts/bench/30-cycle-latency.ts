// Benchmark: one whole daily cycle at the platforms' speed. The CRM and LinkedIn doubles run in a process of
// their own, each behind the latency model (shared-ts/src/doubles/latency.ts: per-request delay, per-record
// server time, the platforms' concurrency and rate limits answered with their documented errors); the engine
// runs the cycle against them as the `navsync sync` command would. Printed per CRM and size: the wall time of the
// cycle and of each step, the requests by kind and the most in flight at once, and the lower bound of
// lib/lowerBound.ts (fewest requests at the allowed concurrency; its assumptions are written there).
// Env: NAVSYNC_BENCH_CYCLE_SIZES (contacts, comma-separated; default 100000,1000000: a million-contact cycle takes
// about 11 minutes per CRM), NAVSYNC_BENCH_CYCLE_CRMS
// (default salesforce,dataverse), NAVSYNC_BENCH_LATENCY_MS (default 150), NAVSYNC_BENCH_RECORD_MS (default 0.05),
// NAVSYNC_BENCH_TRACE=1 (the engine's progress lines with their times, to see where the wall time goes).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { DataverseGateway } from '../../shared-ts/dist/crm/dataverse';
import { SalesforceGateway } from '../../shared-ts/dist/crm/salesforce';
import type { LatencyModel, LatencyStats } from '../../shared-ts/dist/doubles/latency';
import { SyncServicesSource } from '../../shared-ts/dist/linkedin/syncServices';
import { runCycle } from '../../shared-ts/dist/sync/engine';
import { entraTokenProvider } from '../../shared-ts/dist/sync/entraToken';
import { cycleLowerBound } from './lib/lowerBound';

const SIZES = (process.env.NAVSYNC_BENCH_CYCLE_SIZES ?? '100000,1000000').split(',').map(Number);
const CRMS = (process.env.NAVSYNC_BENCH_CYCLE_CRMS ?? 'salesforce,dataverse').split(',') as (
  'salesforce' | 'dataverse'
)[];
const REQUEST_MS = Number(process.env.NAVSYNC_BENCH_LATENCY_MS ?? 150);
const RECORD_MS = Number(process.env.NAVSYNC_BENCH_RECORD_MS ?? 0.05);

interface DoublesInfo {
  crmUrl: string;
  liUrl: string;
  liClientId: string;
  liClientSecret: string;
  clientId: string;
  clientSecret: string;
  ns?: string;
  tokenPath?: string;
  limits: { crm: LatencyModel; linkedin: LatencyModel };
}

const fmt = (n: number) => n.toLocaleString('en');
const kinds = (by: Record<string, number>) =>
  Object.entries(by)
    .filter(([k]) => k !== 'token')
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');

async function cycle(kind: 'salesforce' | 'dataverse', n: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(__dirname, 'lib', 'cycleDoubles.ts'),
      kind,
      String(n),
      String(REQUEST_MS),
      String(RECORD_MS),
    ],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async <T>() => JSON.parse(((await lines.next()).value as string) ?? 'null') as T;
  const outDir = mkdtempSync(join(tmpdir(), 'navsync-cycle-'));
  try {
    const d = await next<DoublesInfo>();
    // The engine is set to the concurrency the platform allows (the model's figures, as the lower bound assumes),
    // less a little room for the requests of other clients of the same org; LinkedIn's rate a little under the
    // limit (the client spreads its starts evenly, but they do not always arrive as evenly).
    const crmConcurrency = Math.max(1, d.limits.crm.maxConcurrent - 5);
    const liRate = d.limits.linkedin.windows?.find((w) => !w.daily && w.ms === 1000)?.requests;
    const crm =
      kind === 'salesforce'
        ? new SalesforceGateway({
            outbound: { allowLoopback: true },
            instanceUrl: d.crmUrl,
            clientId: d.clientId,
            clientSecret: d.clientSecret,
            namespace: d.ns || null,
            bulkPollIntervalMs: 500,
            concurrency: crmConcurrency,
          })
        : new DataverseGateway({
            outbound: { allowLoopback: true },
            url: d.crmUrl,
            getToken: entraTokenProvider({
              outbound: { allowLoopback: true },
              tokenUrl: d.crmUrl + d.tokenPath,
              clientId: d.clientId,
              clientSecret: d.clientSecret,
              resource: d.crmUrl,
            }),
            concurrency: crmConcurrency,
          });
    const linkedin = new SyncServicesSource({
      outbound: { allowLoopback: true },
      apiBaseUrl: `${d.liUrl}/v2`,
      tokenUrl: `${d.liUrl}/oauth/v2/accessToken`,
      clientId: d.liClientId,
      clientSecret: d.liClientSecret,
      crmKey: kind === 'salesforce' ? 'SFDC' : 'DYNAMICS',
      crmInstanceValue: 'bench',
      partner: kind === 'salesforce' ? 'SFDC' : 'MS',
      associationInstanceId: 'bench',
      pollIntervalMs: 500,
      concurrency: Math.max(1, d.limits.linkedin.maxConcurrent - 2),
      ...(liRate ? { requestsPerSecond: liRate * 0.95 } : {}),
    });
    const t0 = Date.now();
    // NAVSYNC_BENCH_TRACE=1: the engine's progress lines on stderr, each with the seconds since the cycle began.
    const progress =
      process.env.NAVSYNC_BENCH_TRACE === '1'
        ? (line: string) => process.stderr.write(`  [${((Date.now() - t0) / 1000).toFixed(1)} s] ${line}\n`)
        : undefined;
    const report = await runCycle({ crm, linkedin, outDir, progress });
    const seconds = (Date.now() - t0) / 1000;
    child.stdin.write('stats\n');
    const stats = await next<{ crm: LatencyStats; linkedin: LatencyStats }>();
    const v = report.steps.find((s) => s.name === 'validation')?.counts ?? {};
    const a = report.steps.find((s) => s.name === 'associations')?.counts ?? {};
    const bound = cycleLowerBound(
      {
        crm: kind,
        scopeRecords: n,
        exportRows: n,
        lookups: Number(a.checked ?? 0),
        writes: [Number(v.applied ?? 0), Number(a.written ?? 0)],
        writeBytes: [report.details.writes.validation?.bytes ?? 0, report.details.writes.associations?.bytes ?? 0],
      },
      d.limits.crm,
      d.limits.linkedin,
    );
    const failed = report.steps
      .filter((s) => s.status !== 'ok' && s.status !== 'skipped')
      .map((s) => `${s.name} ${s.status}${s.error ? ` (${s.error.code}: ${s.error.detail ?? s.error.message})` : ''}`);
    console.log(
      `${kind} ${fmt(n)} contacts: whole cycle ${seconds.toFixed(1)} s; lower bound ${bound.seconds.toFixed(1)} s → ${(seconds / bound.seconds).toFixed(2)}× (target ≤ ${n >= 1_000_000 ? 2 : 1.5}×)${failed.length ? `; NOT OK: ${failed.join(', ')}` : ''}`,
    );
    console.log(`  steps: ${report.steps.map((s) => `${s.name} ${(s.durationMs / 1000).toFixed(1)} s`).join(', ')}`);
    console.log(`  validation ${JSON.stringify(v)}; associations ${JSON.stringify(a)}`);
    for (const [name, s] of [
      [kind, stats.crm],
      ['linkedin', stats.linkedin],
    ] as const) {
      const refused = Object.keys(s.refused).length ? `; refused by the limits: ${JSON.stringify(s.refused)}` : '';
      console.log(
        `  ${name}: ${fmt(s.total - (s.byKind.token ?? 0))} requests (${kinds(s.byKind)}), at most ${s.maxInFlight} in flight${refused}`,
      );
    }
    const crmWrites = report.requests.crmWrites;
    console.log(
      `  minimum requests: ${kind} reads ${bound.requests.crmReads}, writes ${bound.requests.crmWrites} (engine wrote with ${crmWrites}: ${bound.requests.crmWrites ? (crmWrites / bound.requests.crmWrites).toFixed(2) : '–'}×, target ≤ 1.05×), linkedin ${bound.requests.linkedin}`,
    );
    return { kind, n, seconds, bound: bound.seconds };
  } finally {
    child.stdin.end();
    await once(child, 'exit');
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(
    `latency model: ${REQUEST_MS} ms per request, ${RECORD_MS} ms per record; sizes ${SIZES.map(fmt).join(', ')}`,
  );
  const results: Awaited<ReturnType<typeof cycle>>[] = [];
  for (const kind of CRMS) for (const n of SIZES) results.push(await cycle(kind, n));
  for (const kind of CRMS) {
    const rs = results.filter((r) => r.kind === kind);
    if (rs.length > 1)
      console.log(
        `${kind}: time per 1,000 contacts ${rs.map((r) => `${fmt(r.n)}: ${((r.seconds / r.n) * 1000).toFixed(2)} s`).join(', ')} (ratio largest/smallest ${(rs[rs.length - 1].seconds / rs[rs.length - 1].n / (rs[0].seconds / rs[0].n)).toFixed(2)})`,
      );
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
