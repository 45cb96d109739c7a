// The report folder, the seven reports and the Contact list views, rendered from the core's report definitions
// (shared-ts/src/domain/reports). Committed so they can be reviewed; the checks step fails when they drift.
// `node scripts/salesforce/reports.mjs --write` (after `npm run build`) rewrites them.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDomain, xmlEscape } from './labels.mjs';
import { MAIN } from './checks.mjs';

/** [{ path, xml }] for every report, list view and the folder. */
export function renderedReports(domain) {
  const out = [];
  const folder = domain.SF_REPORT_FOLDER.developerName;
  out.push({
    path: join(MAIN, 'reports', `${folder}.reportFolder-meta.xml`),
    xml: `<?xml version="1.0" encoding="UTF-8"?>
<ReportFolder xmlns="http://soap.sforce.com/2006/04/metadata">
    <folderShares>
        <accessLevel>View</accessLevel>
        <sharedTo>AllInternalUsers</sharedTo>
        <sharedToType>Organization</sharedToType>
    </folderShares>
    <name>${xmlEscape(domain.t(domain.SF_REPORT_FOLDER.labelKey, 'en'))}</name>
</ReportFolder>
`,
  });
  for (const def of domain.salesforceReportDefinitions()) {
    out.push({
      path: join(MAIN, 'reports', folder, `${def.salesforce.reportDeveloperName}.report-meta.xml`),
      xml: domain.renderSalesforceReportXml(def),
    });
  }
  for (const def of domain.salesforceListViewDefinitions()) {
    out.push({
      path: join(MAIN, 'objects', 'Contact', 'listViews', `${def.salesforce.listViewName}.listView-meta.xml`),
      xml: domain.renderSalesforceListViewXml(def),
    });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.includes('--write')) {
  const domain = loadDomain();
  const files = renderedReports(domain);
  const keep = new Set(files.map((f) => f.path));
  for (const dir of [
    join(MAIN, 'reports', domain.SF_REPORT_FOLDER.developerName),
    join(MAIN, 'objects', 'Contact', 'listViews'),
  ]) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) if (!keep.has(join(dir, f))) rmSync(join(dir, f));
  }
  for (const { path, xml } of files) {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, xml);
  }
  console.log(`${files.length} report/list-view files written`);
}
