import { t, type Locale } from '../domain/i18n/index';
import type { RunReport } from '../sync/report';

/** What the report page shows for one CRM's run; the lists are read back from the CRM after the run. */
export interface ReportSection {
  crmLabel: string;
  report: RunReport;
  atRisk: { opportunity: string; stage: string; contact: string }[];
  notAtCompany: { name: string; company: string; linkedinCompany: string }[];
  unresolved: { subject: string; kind: string; personName: string; seatHolder: string }[];
}

/** Every text that reaches the page goes through here: names and companies can hold markup. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const MAX_ROWS = 200;

function table(locale: Locale, headers: string[], rows: unknown[][], id: string): string {
  if (!rows.length) return `<p class="none" data-table="${id}">${escapeHtml(t('sync.none', locale))}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(t(h, locale))}</th>`).join('');
  const body = rows
    .slice(0, MAX_ROWS)
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
    .join('\n');
  const more =
    rows.length > MAX_ROWS ? `<p>${escapeHtml(t('sync.moreRows', locale, { count: rows.length - MAX_ROWS }))}</p>` : '';
  return `<table data-table="${id}" data-rows="${rows.length}"><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${more}`;
}

function section(s: ReportSection, locale: Locale): string {
  const r = s.report;
  const req = r.requests;
  const parts = [
    `<section data-crm="${escapeHtml(r.crm)}"><h2>${escapeHtml(t('sync.runTitle', locale, { crm: s.crmLabel }))}</h2>`,
    `<h3>${escapeHtml(t('sync.stepsTitle', locale))}</h3>`,
    table(
      locale,
      ['sync.colStep', 'sync.colResult', 'sync.colCounts'],
      r.steps.map((st) => [
        st.name,
        st.status,
        Object.entries(st.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ]),
      `${r.crm}-steps`,
    ),
    `<h3>${escapeHtml(t('sync.atRiskTitle', locale))}</h3>`,
    table(
      locale,
      ['sync.colOpportunity', 'sync.colStage', 'sync.colContact'],
      s.atRisk.map((x) => [x.opportunity, x.stage, x.contact]),
      `${r.crm}-at-risk`,
    ),
    `<h3>${escapeHtml(t('sync.notAtCompanyTitle', locale))}</h3>`,
    table(
      locale,
      ['sync.colName', 'sync.colCompany', 'sync.colNewCompany'],
      s.notAtCompany.map((x) => [x.name, x.company, x.linkedinCompany]),
      `${r.crm}-not-at-company`,
    ),
    `<h3>${escapeHtml(t('sync.unresolvedTitle', locale))}</h3>`,
    table(
      locale,
      ['sync.colActivity', 'sync.colKind', 'sync.colName', 'sync.colSeatHolder'],
      s.unresolved.map((x) => [x.subject, x.kind, x.personName, x.seatHolder]),
      `${r.crm}-unresolved`,
    ),
    `<h3>${escapeHtml(t('sync.autoSaveTitle', locale))}</h3>`,
    table(
      locale,
      ['sync.colSeatHolder', 'sync.colAccounts', 'sync.colContacts', 'sync.colFiles'],
      r.details.autoSave.map((x) => [
        x.seatHolder,
        x.accounts,
        x.contacts,
        x.files.map((f) => f.split(/[\\/]/).pop()).join(', '),
      ]),
      `${r.crm}-auto-save`,
    ),
    `<h3>${escapeHtml(t('sync.requestsTitle', locale))}</h3>`,
    table(
      locale,
      ['sync.colApi', 'sync.colUsed', 'sync.colMinimum'],
      [
        [t('sync.crmWrites', locale), req.crmWrites, req.crmWriteMinimum],
        [t('sync.crmAll', locale), req.crm.total, ''],
        [t('sync.linkedinAll', locale), req.linkedin.total, ''],
      ],
      `${r.crm}-requests`,
    ),
    '</section>',
  ];
  return parts.join('\n');
}

/** The self-contained report page (no scripts, no external resources). */
export function renderReportPage(sections: ReportSection[], locale: Locale, generatedAt: Date): string {
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(t('sync.reportTitle', locale))}</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;font-size:.9rem}
th{background:#f1f4f8}
section{margin-bottom:3rem}
</style>
</head>
<body>
<h1>${escapeHtml(t('sync.reportTitle', locale))}</h1>
<p>${escapeHtml(t('sync.generatedAt', locale, { time: generatedAt.toISOString() }))}</p>
${sections.map((s) => section(s, locale)).join('\n')}
</body>
</html>
`;
}
