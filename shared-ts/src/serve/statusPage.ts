import { escapeHtml } from '../demo/reportPage';
import { describeError, ERROR_CODES, type ErrorKind } from '../domain/errors';
import { t, type Locale } from '../domain/i18n/index';
import type { ConnectionStatus, ServeStatus, StepStatus } from './service';
import type { RunState } from './state';

/** The status page of `navsync serve`: per connection the last run step by step, its errors with the remedy, the next run. */

const RESULT_KEY: Record<RunState, string> = {
  ok: 'serve.resultOk',
  partial: 'serve.resultPartial',
  failed: 'serve.resultFailed',
  running: 'serve.resultRunning',
  interrupted: 'serve.resultInterrupted',
};

const TRIGGER_KEY: Record<string, string> = {
  schedule: 'serve.triggerScheduled',
  manual: 'serve.triggerManual',
  writeBack: 'serve.triggerWriteBack',
};

function when(iso: string | null, locale: Locale, timeZone?: string | null): string {
  if (!iso) return t('serve.never', locale);
  const zone = timeZone ?? 'UTC';
  return `${new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(new Date(iso))} ${zone}`;
}

/** The error in the reader's language (the stored one was written in the run's language). */
function localizedError(
  e: NonNullable<StepStatus['error']>,
  locale: Locale,
): { code: string; message: string; remedy: string; detail?: string } {
  const kind = (Object.keys(ERROR_CODES) as ErrorKind[]).find((k) => ERROR_CODES[k].code === e.code);
  return kind ? describeError(kind, locale, e.detail) : e;
}

function steps(c: ConnectionStatus, locale: Locale): string {
  const rows = (c.lastRun?.steps ?? []).map((s) => {
    const counts = Object.entries(s.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const err = s.error ? localizedError(s.error, locale) : null;
    const problem = err
      ? `<div class="error" data-code="${escapeHtml(err.code)}"><strong>${escapeHtml(err.code)}</strong> ${escapeHtml(err.message)}<br><span class="remedy">${escapeHtml(t('serve.remedy', locale))}: ${escapeHtml(err.remedy)}</span>${err.detail ? `<br><code>${escapeHtml(err.detail)}</code>` : ''}</div>`
      : s.note
        ? `<div class="note">${escapeHtml(s.note)}</div>`
        : '';
    return `<tr data-step="${escapeHtml(s.name)}" class="${escapeHtml(s.status)}"><td>${escapeHtml(s.name)}</td><td>${escapeHtml(s.status)}</td><td>${escapeHtml(counts)}${problem}</td></tr>`;
  });
  if (!rows.length) return '';
  const head = ['sync.colStep', 'sync.colResult', 'sync.colCounts']
    .map((k) => `<th>${escapeHtml(t(k, locale))}</th>`)
    .join('');
  return `<table class="steps" data-table="steps-${escapeHtml(c.name)}"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function connection(c: ConnectionStatus, locale: Locale): string {
  const tz = c.timezone;
  const last = c.lastRun;
  const facts: [string, string, string][] = [
    ['last-synced', t('serve.lastSynced', locale), when(c.lastSynced, locale, tz)],
    [
      'last-run',
      t('serve.lastRun', locale),
      last
        ? `${t(RESULT_KEY[last.state], locale)} — ${when(last.finishedAt ?? last.startedAt, locale, tz)} (${t(TRIGGER_KEY[last.trigger] ?? last.trigger, locale)})`
        : t('serve.never', locale),
    ],
    ['next-run', t('serve.nextRun', locale), `${when(c.nextRun, locale, tz)} (${c.schedule}${tz ? ` ${tz}` : ''})`],
    ['pending', t('serve.pending', locale), String(c.pendingActivities)],
  ];
  if (c.running)
    facts.push([
      'running',
      t('serve.resultRunning', locale),
      `#${c.running.id} ${t(TRIGGER_KEY[c.running.trigger] ?? c.running.trigger, locale)} — ${when(c.running.startedAt, locale, tz)}`,
    ]);
  const dl = facts.map(([id, k, v]) => `<dt>${escapeHtml(k)}</dt><dd data-fact="${id}">${escapeHtml(v)}</dd>`).join('');
  const first = !last && !c.running ? `<p class="notice">${escapeHtml(t('serve.firstRun', locale))}</p>` : '';
  const link = last ? `<p><a href="runs/${last.id}">${escapeHtml(t('serve.report', locale))} #${last.id}</a></p>` : '';
  return `<section data-connection="${escapeHtml(c.name)}" data-state="${escapeHtml(last?.state ?? 'none')}"><h2>${escapeHtml(t('serve.connection', locale, { name: c.name, crm: c.crm === 'salesforce' ? 'Salesforce' : 'Dataverse' }))}</h2>${first}<dl>${dl}</dl>${steps(c, locale)}${link}</section>`;
}

function runs(s: ServeStatus, locale: Locale): string {
  if (!s.runs.length) return '';
  const head = [
    '#',
    t('serve.trigger', locale),
    t('sync.colResult', locale),
    t('serve.started', locale),
    t('serve.finished', locale),
  ]
    .map((h) => `<th>${escapeHtml(h)}</th>`)
    .join('');
  const rows = s.runs
    .map(
      (r) =>
        `<tr><td><a href="runs/${r.id}">${r.id}</a> ${escapeHtml(r.connection)}</td><td>${escapeHtml(t(TRIGGER_KEY[r.trigger] ?? r.trigger, locale))}</td><td>${escapeHtml(t(RESULT_KEY[r.state], locale))}</td><td>${escapeHtml(when(r.startedAt, locale))}</td><td>${escapeHtml(r.finishedAt ? when(r.finishedAt, locale) : '')}</td></tr>`,
    )
    .join('');
  return `<h2>${escapeHtml(t('serve.recentRuns', locale))}</h2><table data-table="runs"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#181818;max-width:70rem}h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}
section{border:1px solid #d8dde6;border-radius:.25rem;padding:0 1rem 1rem;margin-bottom:1rem}section[data-state=failed]{border-left:4px solid #ba0517}section[data-state=ok]{border-left:4px solid #2e844a}section[data-state=partial]{border-left:4px solid #dd7a01}
dl{display:grid;grid-template-columns:max-content auto;gap:.25rem 1rem}dt{color:#444}dd{margin:0}table{border-collapse:collapse;width:100%}th,td{text-align:left;border-bottom:1px solid #e5e5e5;padding:.3rem .5rem;vertical-align:top}
tr.failed td:nth-child(2){color:#ba0517;font-weight:600}tr.partial td:nth-child(2){color:#8c4b02}.error{margin-top:.3rem;color:#ba0517}.remedy{color:#181818}.notice{background:#eef4ff;padding:.5rem}code{font-size:.85em;color:#444}`;

export function renderStatusPage(s: ServeStatus, locale: Locale): string {
  const title = t('serve.title', locale);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="30"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><h1>${escapeHtml(title)}</h1>${s.connections.map((c) => connection(c, locale)).join('')}${runs(s, locale)}</body></html>`;
}
