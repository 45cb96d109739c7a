import type { ErrorKind } from '../../domain/errors';

/** A step that cannot go on: the run stops here and reports the catalogue error (later steps are skipped). */
export class StepFailure extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly detail?: string,
  ) {
    super(detail ?? kind);
    this.name = 'StepFailure';
  }
}
