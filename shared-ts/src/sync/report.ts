import type { NavSyncError } from '../domain/errors';
import { terminalValue } from './terminalText';

/** One step of a run, as the run report and the human summary show it. */
export interface StepReport {
  name: StepName;
  status: 'ok' | 'partial' | 'skipped' | 'failed';
  /** What the step counted (rows read, records updated, files written, …). */
  counts: Record<string, number>;
  durationMs: number;
  /** Why the step was skipped or failed. */
  note?: string;
  error?: NavSyncError;
  /** Per-record problems: a bad export row, a record the CRM refused, an inbox line that could not be read. */
  problems: Problem[];
  /** What the step did to each record it made, in order (Test Write-Back: created, written per kind, removed). */
  outcomes?: RecordOutcome[];
}

export interface RecordOutcome {
  /** The record, e.g. `contact` or `call activity`. */
  record: string;
  outcome: 'created' | 'written' | 'failed' | 'removed' | 'kept' | 'left behind';
  /** Record id or activity key. */
  id: string;
}

export interface Problem {
  ref: string;
  reason: string;
}

/** Problems listed per step; beyond this they are only counted (a broken million-row file must not fill memory). */
export const MAX_PROBLEMS = 10_000;

export function pushProblem(list: Problem[], p: Problem): void {
  if (list.length < MAX_PROBLEMS) list.push(p);
}

export const STEP_NAMES = [
  'connection',
  'settings',
  'accountMatching',
  'autoSave',
  'validation',
  'associations',
  'writeBack',
  'status',
] as const;
export type StepName = (typeof STEP_NAMES)[number] | 'lease' | 'disconnect' | 'testWriteBack';

/** A change the run made, or in a dry run would make. */
export interface PlannedChange {
  step: StepName;
  action: string;
  target: string;
  detail: string;
}

export interface RequestUse {
  crm: { total: number; byKind: Record<string, number> };
  linkedin: { total: number; byKind: Record<string, number> };
  /** CRM write requests made vs the platform minimum for the same writes. */
  crmWrites: number;
  crmWriteMinimum: number;
}

export interface RunReport {
  crm: 'salesforce' | 'dataverse';
  command: string;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  ok: boolean;
  steps: StepReport[];
  requests: RequestUse;
  /** Dry run: every change it would make. A real run: only counted, not listed (see the step counts). */
  changes: PlannedChange[];
  /** Data for the demo report page (at-risk opportunities etc.), filled by the steps that compute it. */
  details: RunDetails;
}

export interface RunDetails {
  /** Each writing step's CRM writes (a real run), for the benchmarks' lower bound beside the run's own minimum. */
  writes: Partial<Record<StepName, StepWrites>>;
  autoSave: { seatHolder: string; accounts: number; contacts: number; files: string[] }[];
  /** Records this run flagged (first 1,000), with LinkedIn's company for the report page. */
  notAtCompany: { id: string; company: string; linkedinCompany?: string }[];
  unresolved: { key: string; type: string; personName: string; seatHolder: string }[];
}

/** What one step wrote to the CRM: records, Bulk CSV bytes (Salesforce), requests made and the platform minimum. */
export interface StepWrites {
  records: number;
  bytes: number;
  requests: number;
  minimum: number;
}

export function emptyDetails(): RunDetails {
  return { writes: {}, autoSave: [], notAtCompany: [], unresolved: [] };
}

/** The short human summary: one line per step with its main counts. */
export function summarize(report: RunReport): string {
  const lines = [
    `NavSync ${report.command} — ${report.crm}${report.dryRun ? ' (dry run: nothing written)' : ''}: ${report.ok ? 'OK' : 'FAILED'}`,
  ];
  for (const s of report.steps) {
    const counts = Object.entries(s.counts)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const extra = s.error
      ? ` — ${s.error.code} ${terminalValue(s.error.message)}`
      : s.note
        ? ` — ${terminalValue(s.note)}`
        : '';
    const problems = s.problems.length
      ? ` (${s.problems.length} problem${s.problems.length === 1 ? '' : 's'} listed in the report)`
      : '';
    lines.push(
      `  ${s.status === 'ok' ? '✓' : s.status === 'skipped' ? '–' : s.status === 'partial' ? '!' : '✗'} ${s.name.padEnd(13)} ${counts}${extra}${problems}`,
    );
  }
  const r = report.requests;
  lines.push(
    `  requests: CRM ${r.crm.total} (writes ${r.crmWrites}, platform minimum ${r.crmWriteMinimum}), LinkedIn ${r.linkedin.total}`,
  );
  return lines.join('\n');
}
