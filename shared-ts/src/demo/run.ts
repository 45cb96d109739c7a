import { mkdirSync, rmSync } from 'node:fs';
import { writePrivateFileSync } from '../sync/privateFile';
import { join, relative } from 'node:path';
import { resolveLocale, type Locale } from '../domain/i18n/index';
import { runCycle } from '../sync/engine';
import { summarize, type RunReport } from '../sync/report';
import { generateDemoData } from './dataset';
import { startDemoEnvironment } from './environment';
import type { DemoCrm } from './ids';
import { readReportSection } from './reportData';
import { renderReportPage, type ReportSection } from './reportPage';

export interface DemoRunOptions {
  /** Where report.html, the JSON run reports and the auto-save CSV files go. */
  outDir: string;
  locale?: Locale;
  progress?: (line: string) => void;
  print?: (text: string) => void;
}

export interface DemoRunResult {
  reportFile: string;
  reports: Record<DemoCrm, RunReport>;
  ok: boolean;
}

const LABEL: Record<DemoCrm, string> = { salesforce: 'Salesforce', dataverse: 'Dynamics 365 / Dataverse' };

/**
 * The main job: start the loopback doubles seeded with the demo world, run one full cycle for each CRM,
 * print the summaries, and write the report page, the JSON run reports and the auto-save CSV files.
 */
export async function runDemo(o: DemoRunOptions): Promise<DemoRunResult> {
  const print = o.print ?? ((t: string) => process.stdout.write(`${t}\n`));
  const locale = o.locale ?? resolveLocale(process.env.NAVSYNC_LOCALE ?? '');
  rmSync(o.outDir, { recursive: true, force: true });
  mkdirSync(o.outDir, { recursive: true });
  // The demo world's clock is the current hour: some associations are then fresher than 24 h, some older.
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  const env = await startDemoEnvironment({ dir: o.outDir, data: generateDemoData({ baseTime: hour }) });
  const sections: ReportSection[] = [];
  const reports = {} as Record<DemoCrm, RunReport>;
  try {
    print(
      `Demo world: ${env.data.people.length} contacts and leads, ${env.data.accounts.length} accounts, ${env.data.opportunities.length} opportunities, ${env.data.inbox.length} inbox activities, ${env.data.exportRows.length} export rows.`,
    );
    for (const crm of ['salesforce', 'dataverse'] as const) {
      const opts = env.options(crm, { progress: o.progress, locale });
      const report = await runCycle(opts);
      reports[crm] = report;
      writePrivateFileSync(join(o.outDir, `run-${crm}.json`), JSON.stringify(report, null, 2));
      print(summarize(report));
      sections.push(await readReportSection(opts.crm, LABEL[crm], report));
    }
  } finally {
    await env.close();
  }
  const reportFile = join(o.outDir, 'report.html');
  writePrivateFileSync(reportFile, renderReportPage(sections, locale, new Date()));
  print(
    `Report: ${relative(process.cwd(), reportFile)} (auto-save CSV files in ${relative(process.cwd(), o.outDir)}/autosave-*/)`,
  );
  return { reportFile, reports, ok: Object.values(reports).every((r) => r.ok) };
}
