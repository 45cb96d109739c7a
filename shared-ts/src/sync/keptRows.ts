/**
 * What the validation step remembers of the row it kept for each record of an export, to tell a second row for
 * the record apart: the same status again is a plain duplicate (the first is kept); a different status is a
 * conflict, and the row LinkedIn flagged last wins. Two rows with different statuses and no way to tell which is
 * newer (same or no `flaggedAt`) leave the record unchanged. Per record: its status, time and place, in typed
 * arrays by the record's index in a RecordIdSet (no object per row of a million-row export).
 */
import type { CrmRecordType, ValidationRow, ValidationStatus } from '../linkedin/source';
import { RecordIdSet } from './recordIdSet';

const STATUSES: readonly ValidationStatus[] = ['NOT_AT_COMPANY', 'AT_COMPANY'];
/** The record's rows disagree and neither is newer: no row of it is used. */
const UNDECIDED = 255;

export type Seen =
  | { kind: 'new' }
  | { kind: 'duplicate' }
  /** A conflict: `winner` says which row stands (`kept`, this `row`, or `none`); `at` is where the kept row was. */
  | { kind: 'conflict'; winner: 'kept' | 'row' | 'none'; keptStatus: ValidationStatus | null; at: number };

// The common answers are shared: nothing is allocated per row of a million-row export.
const NEW: Seen = Object.freeze({ kind: 'new' });
const DUPLICATE: Seen = Object.freeze({ kind: 'duplicate' });

class Facts {
  readonly ids = new RecordIdSet();
  status = new Uint8Array(1024);
  time = new Float64Array(1024);
  at = new Float64Array(1024);

  grow(n: number): void {
    if (n < this.status.length) return;
    const size = Math.max(n + 1, this.status.length * 2);
    const status = new Uint8Array(size);
    status.set(this.status);
    const time = new Float64Array(size);
    time.set(this.time);
    const at = new Float64Array(size);
    at.set(this.at);
    Object.assign(this, { status, time, at });
  }
}

export class KeptRows {
  private readonly facts: Record<CrmRecordType, Facts> = { contact: new Facts(), lead: new Facts() };

  /**
   * Looks at a row that would be kept at place `at` (the caller's numbering of kept rows). A new record is
   * remembered there; a conflict's winner takes the kept row's place (the caller moves it there, `at` of the
   * result), or the caller's `moved` place when it had to put it elsewhere (see `moveTo`).
   */
  see(row: ValidationRow, at: number): Seen {
    const f = this.facts[row.recordType];
    const i = f.ids.place(row.recordId);
    const status = row.status === 'NOT_AT_COMPANY' ? 0 : 1;
    const time = row.flaggedAt === undefined ? -Infinity : row.flaggedAt;
    if (f.ids.added) {
      if (i >= f.status.length) f.grow(i);
      f.status[i] = status;
      f.time[i] = time;
      f.at[i] = at;
      return NEW;
    }
    const keptStatus = f.status[i] === UNDECIDED ? null : STATUSES[f.status[i]];
    if (keptStatus === row.status) return DUPLICATE;
    const keptTime = f.time[i];
    const place = f.at[i];
    if (time < keptTime) return { kind: 'conflict', winner: 'kept', keptStatus, at: place };
    if (time > keptTime) {
      f.status[i] = status;
      f.time[i] = time;
      return { kind: 'conflict', winner: 'row', keptStatus, at: place };
    }
    f.status[i] = UNDECIDED;
    return { kind: 'conflict', winner: 'none', keptStatus, at: place };
  }

  /** The record's kept row now stands at `at` (the caller moved it). */
  moveTo(row: ValidationRow, at: number): void {
    const f = this.facts[row.recordType];
    f.at[f.ids.place(row.recordId)] = at;
  }
}
