import { CatalogueError } from '../domain/errors';

/**
 * LinkedIn's daily application limit was reached (it resets at midnight UTC). The run stops cleanly: nothing
 * half-applied, the cursor unchanged; `resumeAt` says when the next run can start.
 */
export class LinkedInDailyLimitError extends CatalogueError {
  readonly resumeAt: Date;
  constructor(resumeAt: Date, detail = 'LinkedIn daily request limit reached') {
    super('API_ERROR', `${detail}; resumes at ${resumeAt.toISOString()}`, 429);
    this.name = 'LinkedInDailyLimitError';
    this.resumeAt = resumeAt;
  }
}

/** The next midnight UTC after `now` (when LinkedIn's daily limits reset). */
export function nextMidnightUtc(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}
