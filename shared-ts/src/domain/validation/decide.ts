import type { NotAtCompanyState } from './flag';
import { isRevalidationDue } from './revalidation';
import type { CompanySameness } from '../matching/company';
import { companySamenessOf, type CurrentCompany, type SameCompanyFn, type ValidationAccount } from './sameCompany';

/**
 * What the LinkedIn side says about one CRM contact (one Data Validation export row, already mapped by the
 * LinkedIn layer): the member left the company (no current position there), works at another company now, or
 * is (again) at the CRM company — the last is how the engine tells the core that a record is no longer flagged.
 */
export const LINKEDIN_EVIDENCE_STATUSES = ['left', 'differs', 'atCompany'] as const;
export type LinkedInEvidenceStatus = (typeof LINKEDIN_EVIDENCE_STATUSES)[number];

export interface LinkedInEvidence {
  /** Member the export row is about; null if the row carries none. */
  memberUrn: string | null;
  status: LinkedInEvidenceStatus;
  /** The member's current company per LinkedIn (for `differs`); null when unknown. */
  currentCompany: CurrentCompany | null;
  /** When LinkedIn's data was as of (epoch ms). */
  asOf: number;
}

/** One contact to decide: its stored flag, association, account, clocks and the LinkedIn evidence. */
export interface ValidationInput {
  contactId: string;
  /** Result of the scope filter (see scope.ts) for this contact. */
  inScope: boolean;
  /** Stored flag; null = a value NavSync does not know (never overwritten). */
  current: NotAtCompanyState | null;
  /** Member URN NavSync associated with the contact; null if not associated. */
  memberUrn: string | null;
  account: ValidationAccount | null;
  /** Last modification of the contact or its account (epoch ms); null if unknown. */
  crmModifiedAt: number | null;
  lastValidatedAt: number | null;
  /** null = LinkedIn has nothing (new) about this contact. */
  evidence: LinkedInEvidence | null;
}

export const VALIDATION_OUTCOMES = ['flag', 'clear', 'unchanged', 'skip'] as const;
export type ValidationOutcome = (typeof VALIDATION_OUTCOMES)[number];

/** Every reason a decision can have; each has a text `validation.reason<Reason>` in five languages. */
export const VALIDATION_REASONS = {
  leftCompany: 'flag',
  companyDiffers: 'flag',
  backAtCompany: 'clear',
  accountUpdated: 'clear',
  ignored: 'unchanged',
  notDue: 'unchanged',
  noEvidence: 'unchanged',
  alreadyFlagged: 'unchanged',
  alreadyClear: 'unchanged',
  outOfScope: 'skip',
  unknownFlag: 'skip',
  invalidEvidence: 'skip',
  memberMismatch: 'skip',
  noAccount: 'skip',
  companyUncertain: 'unchanged',
} as const satisfies Record<string, ValidationOutcome>;
export type ValidationReason = keyof typeof VALIDATION_REASONS;

export interface ValidationDecision {
  readonly outcome: ValidationOutcome;
  readonly reason: ValidationReason;
  /** The value to store, or null when nothing is written. */
  readonly write: NotAtCompanyState | null;
  /** i18n key explaining the decision. */
  readonly messageKey: string;
}

function reasonKey(reason: string): string {
  return `validation.reason${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
}

function buildDecisions(): Record<ValidationReason, ValidationDecision> {
  const out = {} as Record<ValidationReason, ValidationDecision>;
  for (const reason of Object.keys(VALIDATION_REASONS) as ValidationReason[]) {
    const outcome = VALIDATION_REASONS[reason];
    let write: NotAtCompanyState | null = null;
    if (outcome === 'flag') write = 'notAtCompany';
    if (outcome === 'clear') write = 'noFeedback';
    out[reason] = Object.freeze({ outcome, reason, write, messageKey: reasonKey(reason) });
  }
  return out;
}

/** One shared, frozen decision per reason: deciding millions of rows allocates nothing per row. */
export const VALIDATION_DECISIONS: Readonly<Record<ValidationReason, ValidationDecision>> = buildDecisions();

export interface ValidationOptions {
  /**
   * Company comparison (e.g. a cached one); when it says "not the same", the matching module still judges whether
   * the companies differ for sure or only might (then the flag is left alone). Defaults to that judgement alone.
   */
  sameCompany?: SameCompanyFn;
  /** The matching module's verdict (e.g. a cached one): replaces `sameCompany` and the default judgement when given. */
  companySameness?: (account: ValidationAccount, current: CurrentCompany) => CompanySameness;
  /** Evidence dated further than this into the future is treated as invalid (clock skew allowance). */
  maxFutureSkewMs?: number;
}

const DEFAULT_SKEW_MS = 60 * 60 * 1000;
const D = VALIDATION_DECISIONS;

function evidenceIsValid(e: LinkedInEvidence, now: number, skew: number): boolean {
  if (typeof e.asOf !== 'number' || !Number.isFinite(e.asOf) || e.asOf > now + skew) return false;
  return e.status === 'left' || e.status === 'differs' || e.status === 'atCompany';
}

/** "Differs" evidence: the account was updated to the new company, the company differs, or NavSync cannot tell. */
function companyTarget(
  account: ValidationAccount,
  current: CurrentCompany,
  options: ValidationOptions | undefined,
): ValidationDecision {
  const verdict = options && options.companySameness;
  if (verdict) {
    const s = verdict(account, current);
    return s === 'same' ? D.accountUpdated : s === 'uncertain' ? D.companyUncertain : D.companyDiffers;
  }
  const same = options && options.sameCompany;
  if (same && same(account, current)) return D.accountUpdated;
  const sameness = companySamenessOf(account, current);
  if (sameness === 'uncertain') return D.companyUncertain;
  return same || sameness === 'different' ? D.companyDiffers : D.accountUpdated;
}

/**
 * The Not-at-company decision for one contact. Order matters and is the rule set:
 * a user's Ignore is never overwritten (not by flagging, not by clearing); unknown stored values and
 * out-of-scope contacts are skipped; nothing is re-decided unless due (changed, or 24 h passed);
 * then the evidence gives the target value, and only a difference from the stored value is written.
 */
export function decideValidation(input: ValidationInput, now: number, options?: ValidationOptions): ValidationDecision {
  const current = input.current;
  if (current === 'ignore') return D.ignored;
  if (current === null) return D.unknownFlag;
  if (!input.inScope) return D.outOfScope;
  const e = input.evidence;
  const skew = options && options.maxFutureSkewMs !== undefined ? options.maxFutureSkewMs : DEFAULT_SKEW_MS;
  if (e !== null && !evidenceIsValid(e, now, skew)) return D.invalidEvidence;
  const due = isRevalidationDue(
    {
      lastValidatedAt: input.lastValidatedAt,
      crmModifiedAt: input.crmModifiedAt,
      linkedInAsOf: e === null ? null : e.asOf,
    },
    now,
  );
  if (!due) return D.notDue;
  if (e === null) return D.noEvidence;
  if (input.memberUrn !== null && e.memberUrn !== null && input.memberUrn !== e.memberUrn) return D.memberMismatch;
  const account = input.account;
  if (account === null) return D.noAccount;

  let target: ValidationDecision;
  if (e.status === 'atCompany') {
    target = D.backAtCompany;
  } else if (e.status === 'left') {
    target = D.leftCompany;
  } else {
    target = e.currentCompany === null ? D.companyDiffers : companyTarget(account, e.currentCompany, options);
  }
  if (target.write === current) return current === 'notAtCompany' ? D.alreadyFlagged : D.alreadyClear;
  return target;
}

export interface ValidationBatchResult {
  /** decisions[i] belongs to rows[i]. */
  decisions: ValidationDecision[];
  counts: Record<ValidationOutcome, number>;
  byReason: Record<ValidationReason, number>;
}

function zeroReasons(): Record<ValidationReason, number> {
  const out = {} as Record<ValidationReason, number>;
  for (const reason of Object.keys(VALIDATION_REASONS) as ValidationReason[]) out[reason] = 0;
  return out;
}

/** Decide a batch (the engine calls this per export chunk); same rules as `decideValidation`, plus counts. */
export function decideValidationBatch(
  rows: readonly ValidationInput[],
  now: number,
  options?: ValidationOptions,
): ValidationBatchResult {
  const decisions = new Array<ValidationDecision>(rows.length);
  const byReason = zeroReasons();
  for (let i = 0; i < rows.length; i++) {
    const d = decideValidation(rows[i], now, options);
    decisions[i] = d;
    byReason[d.reason]++;
  }
  const counts: Record<ValidationOutcome, number> = { flag: 0, clear: 0, unchanged: 0, skip: 0 };
  for (const reason of Object.keys(byReason) as ValidationReason[])
    counts[VALIDATION_REASONS[reason]] += byReason[reason];
  return { decisions, counts, byReason };
}

export interface ValidationWrite {
  contactId: string;
  value: NotAtCompanyState;
}

/** The writes a batch asks for (flag or clear), in row order: what goes into one Bulk job / $batch. */
export function validationWrites(
  rows: readonly ValidationInput[],
  decisions: readonly ValidationDecision[],
): ValidationWrite[] {
  const out: ValidationWrite[] = [];
  for (let i = 0; i < rows.length; i++) {
    const w = decisions[i].write;
    if (w !== null) out.push({ contactId: rows[i].contactId, value: w });
  }
  return out;
}
