/** The NavSync settings record and the seat records, through the domain's mappings (domain/settings, domain/seats). */
import { SF } from '../../domain/crmSchema';
import { CatalogueError } from '../../domain/errors';
import { seatFromSalesforce, seatToSalesforce, type Seat } from '../../domain/seats/seats';
import { settingsFromSalesforce, settingsToSalesforce } from '../../domain/settings/records';
import type { CrmSeat, CrmSettings, WriteResult } from '../gateway';
import { chunks } from '../lists';
import { COLLECTION_MAX, type Rec, type SalesforceClient } from './client';
import { errorText, failure, type SaveResultLike } from './errors';
import { merge } from './results';

export class SalesforceSettingsStore {
  constructor(private readonly sf: SalesforceClient) {}

  private settingsObject(): string {
    return this.sf.n(SF.settings.object);
  }

  /** Read through the domain's mapping (domain/settings/records): exactly what the admin pages save. */
  async readSettings(): Promise<CrmSettings> {
    const S = SF.settings;
    const keys = (Object.keys(S) as (keyof typeof S)[]).filter((k) => k !== 'object');
    let row: Rec | null = null;
    for await (const page of this.sf.soql(
      `SELECT Id, ${keys.map((k) => this.sf.n(S[k])).join(', ')} FROM ${this.settingsObject()} ORDER BY CreatedDate LIMIT 1`,
      (r) => r,
      [this.settingsObject()],
    ))
      row = page[0] ?? null;
    const cursor = row ? (row[this.sf.n(S.exportCursor)] ?? null) : null;
    return {
      ...settingsFromSalesforce(row, this.sf.ns),
      id: row ? (row.Id as string) : null,
      lastRunSummary: row ? ((row[this.sf.n(S.lastRunSummary)] as string | null) ?? null) : null,
      exportCursor: cursor === null || cursor === '' ? null : Number(cursor),
    };
  }

  /**
   * Compare-and-set of the run lease. Salesforce offers no conditional update through its APIs, so: read, write if
   * it still reads `expected`, then read again and claim it only if our value is the one that stands. What remains:
   * two engines that both read the lease free, and each write and read back before the other's write lands, both
   * believe they hold it (a window of one request's round trip). The owner id in the value makes the later write
   * win every later check: the other run sees a foreign lease at its next renewal and stops there.
   */
  async swapRunLease(expected: string | null, next: string | null): Promise<boolean> {
    const object = this.settingsObject();
    const field = this.sf.n(SF.settings.runLease);
    const before = await this.leaseRow();
    if ((before?.lease ?? null) !== expected) return false;
    const res = (await this.sf.call(
      'write run lease',
      (c) =>
        before
          ? c.sobject(object).update({ Id: before.id, [field]: next })
          : c.sobject(object).create({ [field]: next }),
      [object],
    )) as SaveResultLike;
    if (!res.success) throw new CatalogueError('API_ERROR', `Salesforce write run lease: ${errorText(res)}`);
    return ((await this.leaseRow())?.lease ?? null) === next;
  }

  async readRunLease(): Promise<string | null> {
    return (await this.leaseRow())?.lease ?? null;
  }

  private async leaseRow(): Promise<{ id: string; lease: string | null } | null> {
    const object = this.settingsObject();
    const field = this.sf.n(SF.settings.runLease);
    let row: Rec | null = null;
    for await (const page of this.sf.soql(`SELECT Id, ${field} FROM ${object} ORDER BY CreatedDate LIMIT 1`, (r) => r, [
      object,
    ]))
      row = page[0] ?? null;
    return row ? { id: row.Id as string, lease: ((row[field] as string | null) ?? null) || null } : null;
  }

  /** Writes only the patched fields, each in the form the domain's mapping gives it (plus the engine's own two). */
  async writeSettings(patch: Partial<Omit<CrmSettings, 'id'>>): Promise<void> {
    const S = SF.settings;
    const current = await this.readSettings();
    const merged: CrmSettings = { ...current, ...patch };
    const full: Rec = {
      ...settingsToSalesforce(merged, { namespace: this.sf.ns, includeStatus: true }),
      [this.sf.n(S.lastRunSummary)]: merged.lastRunSummary,
      [this.sf.n(S.exportCursor)]: merged.exportCursor === null ? null : String(merged.exportCursor),
    };
    const fields: Rec = {};
    for (const k of Object.keys(patch)) {
      // Keys without a Salesforce field (the Dataverse-only switches) have nothing to write.
      const api = k === 'object' ? undefined : (S as Record<string, string>)[k];
      if (api && Object.prototype.hasOwnProperty.call(full, this.sf.n(api)))
        fields[this.sf.n(api)] = full[this.sf.n(api)];
    }
    if (!Object.keys(fields).length) return;
    const id = current.id;
    const object = this.settingsObject();
    const res = (await this.sf.call(
      'write settings',
      (c) => (id ? c.sobject(object).update({ Id: id, ...fields }) : c.sobject(object).create(fields)),
      [object],
    )) as SaveResultLike;
    if (!res.success) throw new CatalogueError('API_ERROR', `Salesforce write settings: ${errorText(res)}`);
  }

  /** Seats through the domain's mapping (opt-out = the multi-select picklist of opted-out items). */
  async readSeats(): Promise<CrmSeat[]> {
    const S = SF.seat;
    const object = this.sf.n(S.object);
    const out: CrmSeat[] = [];
    for await (const page of this.sf.soql(
      `SELECT Id, ${this.sf.n(S.user)}, ${this.sf.n(S.enabled)}, ${this.sf.n(S.writeBackOptOut)} FROM ${object}`,
      (r) => {
        const seat = seatFromSalesforce(r, this.sf.ns);
        return seat ? { ...seat, id: r.Id as string } : null;
      },
      [object],
    ))
      out.push(...page.filter((s): s is CrmSeat => s !== null));
    return out;
  }

  /** Upsert by user: existing seats are updated in place (the user lookup is set only on create). */
  async writeSeats(seats: readonly Seat[]): Promise<WriteResult> {
    const S = SF.seat;
    const object = this.sf.n(S.object);
    const existing = new Map((await this.readSeats()).map((s) => [s.userId, s.id]));
    const records = seats.map((s) => {
      const rec: Rec = seatToSalesforce(s, this.sf.ns);
      const id = existing.get(s.userId);
      if (id) {
        delete rec[this.sf.n(S.user)];
        rec.Id = id;
      }
      return { ref: s.userId, rec };
    });
    const updates = records.filter((r) => r.rec.Id);
    const creates = records.filter((r) => !r.rec.Id);
    const a = await this.sf.collections(object, 'update', updates);
    const b = await this.sf.collections(object, 'create', creates);
    return merge(a, b);
  }

  async deleteNavSyncRecords(what: 'seats' | 'settings'): Promise<WriteResult> {
    const object = this.sf.n(what === 'seats' ? SF.seat.object : SF.settings.object);
    const ids: string[] = [];
    for await (const page of this.sf.soql(`SELECT Id FROM ${object}`, (r) => r.Id as string, [object]))
      ids.push(...page);
    const out: WriteResult = { succeeded: [], failed: [], unprocessed: [] };
    for (const part of chunks(ids, COLLECTION_MAX)) {
      const res = (await this.sf.call('delete', (c) =>
        c.sobject(object).destroy(part, { allOrNone: false }),
      )) as SaveResultLike[];
      res.forEach((r, i) => (r.success ? out.succeeded.push(part[i]) : out.failed.push(failure(part[i], r))));
    }
    return out;
  }
}
