/**
 * What the sync engine needs from LinkedIn, whatever the data comes from: the Sync Services API
 * (`SyncServicesSource`), CSV/JSON file drops (`FileSource`) or the demo. Every implementation streams export
 * rows (never a whole file in memory) and rejects rows it cannot map with a reason instead of failing the run.
 */

import type { LinkedInMember } from '../domain/matching/personKeys';

/** Which CRM record a row or an association is about. */
export type CrmRecordType = 'contact' | 'lead';

/**
 * LinkedIn's verdict on one CRM person. `NOT_AT_COMPANY`: the member's current company differs from the CRM
 * account ("Not at company" flag). `AT_COMPANY`: the record is no longer flagged (the flag goes back to no feedback).
 */
export type ValidationStatus = 'NOT_AT_COMPANY' | 'AT_COMPANY';

/** One mapped row of a Data Validation export. Only `recordId`, `recordType` and `status` are guaranteed. */
export interface ValidationRow {
  recordId: string;
  recordType: CrmRecordType;
  status: ValidationStatus;
  memberUrn?: string;
  /** The CRM account the record is attached to, as LinkedIn saw it. */
  crmAccountId?: string;
  /** The member's current company on LinkedIn (name and URN when present). */
  currentCompanyName?: string;
  currentCompanyUrn?: string;
  /** When LinkedIn flagged the record (epoch ms), if the file says. */
  flaggedAt?: number;
}

/** A row that could not be mapped: reported and skipped, never fatal. */
export interface RejectedRow {
  /** File or download URL index the row came from (never a signed URL: those are secrets). */
  source: string;
  /** 1-based line number within that source (for CSV, the header is line 1). */
  line: number;
  reason: string;
  /** The raw line, truncated to 500 characters. */
  raw: string;
}

export type ExportItem =
  { ok: true; row: ValidationRow; source: string; line: number } | { ok: false; rejected: RejectedRow };

/**
 * The export cursor (epoch ms). The engine saves `nextCursor` of a finished export ONLY after the flags were
 * applied; a rerun from the old cursor re-reads the same rows (apply is idempotent).
 */
export interface ExportRequest {
  /** Start of the window (epoch ms). The first run uses now − 2 years (the documented back-fill). */
  since: number;
  /** The CRM's time at the run (epoch ms): a source without a clock of its own (files) ends its window there. */
  now?: number;
  /** Abort polling / downloading (e.g. the run was cancelled). */
  signal?: AbortSignal;
  /** Progress while the job runs and while rows stream. */
  onProgress?: (p: ExportProgress) => void;
}

export interface ExportProgress {
  phase: 'created' | 'polling' | 'downloading';
  jobId?: string;
  polls?: number;
  rows?: number;
}

/** A finished export: metadata first, then the rows as a stream (iterate once). */
export interface ValidationExport {
  jobId: string;
  /** The window covered (epoch ms). */
  exportStartAt: number;
  exportEndAt: number;
  /** Cursor to save after a successful apply (the job's `nextExportStartAt`, or `exportEndAt`). */
  nextCursor: number;
  /** Number of files / download URLs. */
  fileCount: number;
  /** Mapped rows and rejected rows, in file order, streamed. */
  items(): AsyncIterable<ExportItem>;
  /** The same rows, one array per downloaded chunk: the fast path the engine uses when a source offers it. */
  batches?(): AsyncIterable<ExportItem[]>;
}

/** A high-confidence match LinkedIn holds for a CRM record (Profile Associations API). */
export interface ProfileAssociation {
  recordId: string;
  /** `urn:li:person:…` */
  memberUrn: string;
  /** Absolute Sales Navigator profile URL. */
  profileUrl: string;
  /** Absent when the member has no public photo: normal, not an error. */
  photoUrl?: string;
  /**
   * The member as LinkedIn shows them, when the source has it (an associations file with profile columns; the
   * Profile Associations API returns none): the engine scores the match against the record and stores the score.
   */
  member?: LinkedInMember;
}

export interface AssociationBatch {
  /** Records with a match. */
  found: Map<string, ProfileAssociation>;
  /** Records LinkedIn has no high-confidence match for (404 in `statuses`/`errors`). */
  notFound: string[];
  /** Records whose lookup failed for another reason (kept for the next run). */
  failed: Map<string, { status: number; message: string }>;
}

/** Requests made, by kind (e.g. `token`, `exportCreate`, `exportPoll`, `download`, `association`, `associationBatch`). */
export interface RequestCounts {
  total: number;
  byKind: Record<string, number>;
}

export interface LinkedInSource {
  readonly kind: 'api' | 'file' | 'demo';
  /**
   * False when the source has no associations at all (a file source without an associations file): it knows
   * nothing of them, so a record it does not list keeps its link. Absent means it does provide them.
   */
  readonly providesAssociations?: boolean;
  /**
   * Run one Data Validation export from `since` to now: create the job, wait for it (up to the documented two
   * hours), and return its rows as a stream. Throws `LinkedInDailyLimitError` when the daily limit is reached
   * (the run stops cleanly until midnight UTC) and `CatalogueError` for other failures.
   */
  exportValidation(req: ExportRequest): Promise<ValidationExport>;
  /** The association of one record, or null when LinkedIn has no high-confidence match. */
  getAssociation(recordId: string): Promise<ProfileAssociation | null>;
  /** Associations of many records; chunked internally so request URLs stay within limits. */
  getAssociations(recordIds: readonly string[]): Promise<AssociationBatch>;
  /** Requests made so far (the file source counts files read). */
  requestCounts(): RequestCounts;
}
