import { ERROR_CODES, describeError, type ErrorKind, type NavSyncError } from '../errors';
import type { Locale } from '../i18n/index';

/**
 * The last run as both admin pages show it: when it finished, whether the cycle succeeded, each step's result and
 * the catalogue code of what failed. The engine stores it as JSON in the settings record's last-run-summary column
 * (`encodeLastRun`); the pages read it back with `decodeLastRun` and show message and remedy in the admin's
 * language from the code. "Last synced" is the last cycle that succeeded, so a failed run never moves it.
 */

export const RUN_STEP_STATUSES = ['ok', 'partial', 'skipped', 'failed'] as const;
export type RunStepStatus = (typeof RUN_STEP_STATUSES)[number];

/** The steps of a daily cycle, in order (the engine's step names). */
export const RUN_STEPS = [
  'connection',
  'settings',
  'accountMatching',
  'autoSave',
  'validation',
  'associations',
  'writeBack',
  'status',
] as const;

export interface LastRunStep {
  name: string;
  status: RunStepStatus;
  /** NavSync error code (`NS-…`) when the step failed. */
  code?: string;
}

export interface LastRun {
  /** When the run finished (ISO). */
  at: string;
  /** The whole cycle succeeded (every step ok or skipped). */
  ok: boolean;
  steps: LastRunStep[];
}

/** i18n key of a step's name and of a step result. */
export const RUN_STEP_LABEL = (name: string): string => `admin.step_${name}`;
export const RUN_STATUS_LABEL: Record<RunStepStatus, string> = {
  ok: 'admin.runOk',
  partial: 'admin.runPartial',
  skipped: 'admin.runSkipped',
  failed: 'admin.runFailed',
};

export function encodeLastRun(run: LastRun): string {
  return JSON.stringify({ v: 1, at: run.at, ok: run.ok, steps: run.steps });
}

/** The stored last run, or null when there is none or the column holds something else (an older plain summary). */
export function decodeLastRun(stored: string | null | undefined): LastRun | null {
  if (!stored || stored[0] !== '{') return null;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return null;
  }
  const r = raw as { v?: unknown; at?: unknown; ok?: unknown; steps?: unknown };
  if (r.v !== 1 || typeof r.at !== 'string' || typeof r.ok !== 'boolean' || !Array.isArray(r.steps)) return null;
  const steps: LastRunStep[] = [];
  for (const s of r.steps as { name?: unknown; status?: unknown; code?: unknown }[]) {
    if (typeof s?.name !== 'string' || !(RUN_STEP_STATUSES as readonly unknown[]).includes(s.status)) return null;
    steps.push({
      name: s.name,
      status: s.status as RunStepStatus,
      ...(typeof s.code === 'string' ? { code: s.code } : {}),
    });
  }
  return { at: r.at, ok: r.ok, steps };
}

/** The catalogue entry of a stored code, in the admin's language (an unknown code is shown as such). */
export function describeRunError(code: string, locale: Locale): NavSyncError {
  const kind = (Object.keys(ERROR_CODES) as ErrorKind[]).find((k) => ERROR_CODES[k].code === code) ?? 'UNKNOWN';
  const described = describeError(kind, locale);
  return { ...described, code };
}
