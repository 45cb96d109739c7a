/**
 * The steps of turning data validation on, as the settings page shows them. Apart from the flow itself
 * (./enable.ts), which the page loads only when the switch changes (its own script, dataValidation.js).
 */

export const ENABLE_STEPS = ['languages', 'solution', 'column', 'views', 'reports', 'publish'] as const;
export type EnableStep = (typeof ENABLE_STEPS)[number];

/** i18n key of each step's progress line. */
export const STEP_LABEL: Record<EnableStep, string> = {
  languages: 'dataverse.stepLanguages',
  solution: 'dataverse.stepSolution',
  column: 'dataverse.stepColumn',
  views: 'dataverse.stepViews',
  reports: 'dataverse.stepReports',
  publish: 'dataverse.stepPublish',
};

export interface StepResult {
  step: EnableStep;
  created: string[];
  existing: string[];
}

export interface ProgressEvent {
  step: EnableStep;
  state: 'running' | 'done' | 'failed';
  result?: StepResult;
  error?: string;
}

export class EnableStepError extends Error {
  readonly step: EnableStep;
  readonly detail: string;
  readonly done: StepResult[];
  constructor(step: EnableStep, detail: string, done: StepResult[]) {
    super(`Step "${step}" failed: ${detail}`);
    this.name = 'EnableStepError';
    this.step = step;
    this.detail = detail;
    this.done = done;
  }
}

/** An EnableStepError from the flow's script (its own copy of the class, so `instanceof` cannot tell). */
export function isEnableStepError(err: unknown): err is EnableStepError {
  return err instanceof Error && err.name === 'EnableStepError';
}
