import type { ActivityKind } from '../domain/writeback/kinds';
import type {
  CrmGateway,
  CrmSeat,
  CrmSettings,
  PersonUpdateList,
  AccountUpdate,
  ActivityRecord,
  ActivityResolution,
  WriteResult,
} from '../crm/gateway';
import type { CompanySource } from '../linkedin/companySource';
import type { LinkedInSource } from '../linkedin/source';
import type { Locale } from '../domain/i18n/index';
import { countedRequests, type RequestTally } from '../net/requestScope';
import { Progress, type ProgressSink } from './progress';
import { emptyDetails, type PlannedChange, type RunDetails, type StepName, type StepWrites } from './report';

export interface SyncOptions {
  crm: CrmGateway;
  linkedin: LinkedInSource;
  /** LinkedIn company pages for account matching (none: the step is skipped and stored URNs are kept). */
  companies?: CompanySource;
  /** Dry run: read everything, write nothing, list every change it would make. */
  dryRun?: boolean;
  /** The write-back inbox (JSON lines). No file = nothing to write back. */
  inboxFile?: string;
  /** Where the auto-save CSV files go. */
  outDir?: string;
  progress?: ProgressSink;
  locale?: Locale;
  /** The clock of the machine the engine runs on (tests fake it); the run compares and writes by the CRM's clock. */
  now?: () => number;
  /** Run although an admin disconnected (the scheduled run stops after a disconnect until this is given). */
  reconnect?: boolean;
  /** Validation changes held before an apply (default `VALIDATION_APPLY_EVERY`, steps/validation.ts). */
  validationApplyEvery?: number;
  /** Export rows after which validation reads the seat holders' people at once (default `VALIDATION_BULK_FROM`). */
  validationBulkFrom?: number;
  /** The run lease (sync/lease.ts): how long to wait for another run on this connection, its expiry, this run's id. */
  lease?: { waitMs?: number; ttlMs?: number; owner?: string; pollMs?: number };
  /** Injectable sleep (waiting for a lease). */
  sleep?: (ms: number) => Promise<void>;
}

/** What the steps of one run share. */
export interface RunState {
  opts: SyncOptions;
  /** The CRM server's time, once the connection step has read it (the engine's clock until then): see `adoptServerClock`. */
  now: () => number;
  /** How far the CRM's clock is ahead of the engine's (ms; negative: behind). */
  clockOffsetMs: number;
  progress: Progress;
  writes: Writes;
  details: RunDetails;
  settings?: CrmSettings;
  seats?: CrmSeat[];
  /** Seat holders taking part (enabled seats): CRM user id → e-mail / name. */
  seatHolders: Map<string, { email: string | null; name: string | null; writeBackOptOut: ActivityKind[] }>;
  /** Settled when the validation step has read and written its records (steps running beside it wait on it). */
  validationRead?: Promise<void>;
}

export function newRunState(opts: SyncOptions): RunState {
  const now = opts.now ?? Date.now;
  const details = emptyDetails();
  return {
    opts,
    now,
    clockOffsetMs: 0,
    progress: new Progress(opts.progress, 1000, now),
    writes: new Writes(opts.crm, !!opts.dryRun, details.writes),
    details,
    seatHolders: new Map(),
  };
}

/** A clock difference worth telling the admin about (the Date header itself has one-second resolution). */
export const CLOCK_SKEW_REPORTED_MS = 5 * 60_000;
const DATE_HEADER_SLACK_MS = 1000;

/**
 * From now on the run's clock is the CRM server's: revalidation, the "evidence from the future" guard, the cursor
 * and every time written compare with the platform's own timestamps, whatever the engine machine's clock says.
 * Gives the offset (CRM minus engine, ms).
 */
export function adoptServerClock(state: RunState, serverTime: number): number {
  const engineNow = state.opts.now ?? Date.now;
  const local = engineNow();
  // The header names the second the server answered in; an engine clock within that second (plus the answer's
  // way back) agrees with it, and keeping it keeps the run's times monotonic across runs to the millisecond.
  const offset =
    local >= serverTime - DATE_HEADER_SLACK_MS && local < serverTime + 1000 + DATE_HEADER_SLACK_MS
      ? 0
      : serverTime + 500 - local;
  state.clockOffsetMs = offset;
  state.now = () => engineNow() + offset;
  return offset;
}

/**
 * Every CRM write of a run goes through here: in a dry run the write becomes a listed change; in a real run it
 * is made and its requests are counted against the platform minimum for the same records and data.
 */
export class Writes {
  readonly changes: PlannedChange[] = [];
  requests = 0;
  minimum = 0;
  constructor(
    private readonly crm: CrmGateway,
    readonly dryRun: boolean,
    /** The same, per step (the run report's details). */
    readonly bySteps: Partial<Record<StepName, StepWrites>> = {},
  ) {}

  /**
   * A Salesforce Bulk job or Collections call covers one object (contacts and leads need one each), and a Bulk job
   * carries one upload of limited size: the minimum is taken per object as the gateway wrote it (`Written`), with
   * the bytes of its CSV. One Dataverse `$batch` mixes tables: its minimum is by the write's records alone.
   */
  private async measure(step: StepName, records: number, write: () => Promise<WriteResult>): Promise<WriteResult> {
    // Only the write's own requests: the reads other steps send meanwhile on the same client are not its.
    const tally: RequestTally = { requests: 0, written: [] };
    try {
      return await countedRequests(tally, write);
    } finally {
      const minimum =
        this.crm.kind === 'salesforce'
          ? tally.written.reduce((sum, w) => sum + this.crm.minimumWriteRequests(w.records, w.bytes), 0)
          : this.crm.minimumWriteRequests(records);
      const bytes = tally.written.reduce((sum, w) => sum + w.bytes, 0);
      this.requests += tally.requests;
      this.minimum += minimum;
      const s = (this.bySteps[step] ??= { records: 0, bytes: 0, requests: 0, minimum: 0 });
      s.records += records;
      s.bytes += bytes;
      s.requests += tally.requests;
      s.minimum += minimum;
    }
  }

  /**
   * One record write as every step makes it: nothing to write is no request; a dry run lists each change (and
   * reports it as done) instead of writing; a real write is counted against the platform minimum.
   */
  private async write<T>(
    step: StepName,
    action: string,
    items: Iterable<T> & { readonly length: number },
    change: (item: T) => { ref: string; target: string; detail: string },
    apply: () => Promise<WriteResult>,
  ): Promise<WriteResult> {
    if (items.length === 0) return { succeeded: [], failed: [], unprocessed: [] };
    if (!this.dryRun) return this.measure(step, items.length, apply);
    const succeeded: string[] = [];
    for (const item of items) {
      const c = change(item);
      this.changes.push({ step, action, target: c.target, detail: c.detail });
      succeeded.push(c.ref);
    }
    return { succeeded, failed: [], unprocessed: [] };
  }

  people(step: StepName, updates: PersonUpdateList): Promise<WriteResult> {
    return this.write(
      step,
      'update',
      updates,
      (u) => ({ ref: u.id, target: `${u.kind} ${u.id}`, detail: describeFields(u.fields) }),
      () => this.crm.updatePeople(updates),
    );
  }

  accounts(step: StepName, updates: AccountUpdate[]): Promise<WriteResult> {
    return this.write(
      step,
      'update',
      updates,
      (u) => ({ ref: u.id, target: `account ${u.id}`, detail: describeFields({ companyUrn: u.companyUrn }) }),
      () => this.crm.updateAccounts(updates),
    );
  }

  /** Salesforce: all kinds are Task records; Dataverse: one $batch across its activity tables. */
  activities(step: StepName, records: ActivityRecord[]): Promise<WriteResult> {
    return this.write(
      step,
      'upsert',
      records,
      (a) => ({
        ref: a.key,
        target: `activity ${a.key}`,
        detail: `${a.type} ${a.completed ? 'completed' : 'open (unresolved)'}${a.person ? ` on ${a.person.kind} ${a.person.id}` : ''}: ${a.subject}`,
      }),
      () => this.crm.upsertActivities(records),
    );
  }

  /** Re-resolution of open activities: only person, related record and completed state are written. */
  resolutions(step: StepName, list: ActivityResolution[]): Promise<WriteResult> {
    return this.write(
      step,
      'resolve',
      list,
      (r) => ({
        ref: r.key,
        target: `activity ${r.key}`,
        detail: `${r.type} completed on ${r.person.kind} ${r.person.id}${r.relatedToId ? `, related to ${r.relatedToId}` : ''}`,
      }),
      () => this.crm.resolveActivities(list),
    );
  }

  /** Small admin writes (status, cursor): listed in a dry run, not counted against the bulk minimum. */
  async admin(step: StepName, what: string, write: () => Promise<void>): Promise<void> {
    if (this.dryRun) {
      this.changes.push({ step, action: 'write', target: 'settings', detail: what });
      return;
    }
    await write();
  }

  /** Local files (auto-save CSVs): listed in a dry run. */
  async file(step: StepName, path: string, detail: string, write: () => Promise<void>): Promise<void> {
    if (this.dryRun) {
      this.changes.push({ step, action: 'write file', target: path, detail });
      return;
    }
    await write();
  }
}

function describeFields(fields: object): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${v === null ? '(cleared)' : String(v)}`)
    .join(', ');
}

/** Collect a paged query (for result sets the step needs whole). */
export async function all<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) for (const x of page) out.push(x);
  return out;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
