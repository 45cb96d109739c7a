/** The NavSync settings row and the seat rows, through the domain's mappings (domain/settings, domain/seats). */
import { DV } from '../../domain/crmSchema';
import { seatFromDataverse, seatToDataverse, type Seat } from '../../domain/seats/seats';
import { settingsFromDataverse, settingsToDataverse } from '../../domain/settings/records';
import type { CrmSeat, CrmSettings, WriteResult } from '../gateway';
import type { BatchWriter, Op } from './batch';
import type { DvError } from './errors';
import type { DataverseClient, Rec } from './client';
import { guids } from './odata';
import { isoOrNull } from './records';

export class DataverseSettingsStore {
  constructor(
    private readonly dv: DataverseClient,
    private readonly batches: BatchWriter,
  ) {}

  /** Read through the domain's mapping (domain/settings/records): exactly what the admin pages save. */
  async readSettings(): Promise<CrmSettings> {
    const S = DV.settings;
    const set = await this.dv.entitySetName(S.table);
    let row: Rec | null = null;
    const cols = Object.entries(S)
      .filter(([k]) => k !== 'table')
      .map(([, v]) => v);
    for await (const page of this.dv.odata(
      set,
      [`${S.table}id`, ...cols],
      undefined,
      (r) => r,
      [S.table],
      ['createdon asc'],
    )) {
      row = row ?? page[0] ?? null;
    }
    const cursor = row ? (row[S.exportCursor] ?? null) : null;
    // Datetimes may arrive as Date objects from the client: the domain reads ISO text.
    const normalised = row ? { ...row, [S.lastSyncedAt]: isoOrNull(row[S.lastSyncedAt]) } : null;
    return {
      ...settingsFromDataverse(normalised),
      id: row ? (row[`${S.table}id`] as string) : null,
      lastRunSummary: row ? ((row[S.lastRunSummary] as string | null) ?? null) : null,
      exportCursor: cursor === null || cursor === '' ? null : Number(cursor),
    };
  }

  /**
   * Compare-and-set of the run lease: the row is updated with If-Match on the version read, so of two engines that
   * both read it free exactly one write lands; the other gets 412 and does not hold the lease.
   */
  async swapRunLease(expected: string | null, next: string | null): Promise<boolean> {
    const S = DV.settings;
    const set = await this.dv.entitySetName(S.table);
    const row = await this.leaseRow();
    const lease = row ? ((row[S.runLease] as string | null) ?? null) || null : null;
    if (lease !== expected) return false;
    const data = { [S.runLease]: next };
    if (!row) {
      await this.dv.call('create', set, () => this.dv.web.create(set, data), [S.table]);
      return true;
    }
    const key = row[`${S.table}id`] as string;
    const ifmatch = (row['@odata.etag'] as string | undefined) ?? '*';
    // 412: the row changed since it was read (If-Match not met), so another engine holds the lease.
    return this.dv.call(
      'update',
      `${set}(${key})`,
      () =>
        this.dv.web.send({ method: 'PATCH', url: `${set}(${key})`, headers: { 'If-Match': ifmatch }, body: data }).then(
          () => true,
          (err) => {
            if ((err as DvError).status === 412) return false;
            throw err;
          },
        ),
      [S.table],
    );
  }

  async readRunLease(): Promise<string | null> {
    const row = await this.leaseRow();
    return row ? ((row[DV.settings.runLease] as string | null) ?? null) || null : null;
  }

  /** The settings row's id, lease and version (`@odata.etag`). */
  private async leaseRow(): Promise<Rec | null> {
    const S = DV.settings;
    const set = await this.dv.entitySetName(S.table);
    let row: Rec | null = null;
    for await (const page of this.dv.odata(
      set,
      [`${S.table}id`, S.runLease],
      undefined,
      (r) => r,
      [S.table],
      ['createdon asc'],
    ))
      row = row ?? page[0] ?? null;
    return row;
  }

  /** Writes only the patched columns, each in the form the domain's mapping gives it (plus the engine's own two). */
  async writeSettings(patch: Partial<Omit<CrmSettings, 'id'>>): Promise<void> {
    const S = DV.settings;
    const current = await this.readSettings();
    const merged: CrmSettings = { ...current, ...patch };
    const full: Rec = {
      ...settingsToDataverse(merged, { includeStatus: true }),
      [S.lastRunSummary]: merged.lastRunSummary,
      [S.exportCursor]: merged.exportCursor === null ? null : String(merged.exportCursor),
    };
    const data: Rec = {};
    for (const k of Object.keys(patch)) {
      const col = k === 'table' ? undefined : (S as Record<string, string>)[k];
      if (col && Object.prototype.hasOwnProperty.call(full, col)) data[col] = full[col];
    }
    if (!Object.keys(data).length) return;
    const id = current.id;
    const set = await this.dv.entitySetName(S.table);
    if (id)
      await this.dv.call(
        'update',
        `${set}(${id})`,
        () => this.dv.web.send({ method: 'PATCH', url: `${set}(${id})`, headers: { 'If-Match': '*' }, body: data }),
        [S.table],
      );
    else await this.dv.call('create', set, () => this.dv.web.create(set, data), [S.table]);
  }

  /** Seats through the domain's mapping (opt-out = the comma-separated opted-out items). */
  async readSeats(): Promise<CrmSeat[]> {
    const S = DV.seat;
    const set = await this.dv.entitySetName(S.table);
    const out: CrmSeat[] = [];
    for await (const page of this.dv.odata(
      set,
      [`${S.table}id`, `_${S.user}_value`, S.enabled, S.writeBackOptOut],
      undefined,
      (r) => {
        const seat = seatFromDataverse(r);
        return seat ? { ...seat, id: r[`${S.table}id`] as string } : null;
      },
      [S.table],
    ))
      out.push(...page.filter((s): s is CrmSeat => s !== null));
    return out;
  }

  /** Upsert by user: existing seats are updated in place (the user lookup is bound only on create). */
  async writeSeats(seats: readonly Seat[]): Promise<WriteResult> {
    const S = DV.seat;
    const set = await this.dv.entitySetName(S.table);
    const existing = new Map((await this.readSeats()).map((s) => [s.userId, s.id]));
    const ops: Op[] = seats.map((s) => {
      const data: Rec = seatToDataverse({ ...s, userId: guids([s.userId])[0] });
      const id = existing.get(s.userId);
      if (!id) return { ref: s.userId, kind: 'create', collection: set, data };
      delete data[`${S.user}@odata.bind`];
      return { ref: s.userId, kind: 'update', collection: set, key: id, data };
    });
    return this.batches.run(ops);
  }

  async deleteNavSyncRecords(what: 'seats' | 'settings'): Promise<WriteResult> {
    const table = what === 'seats' ? DV.seat.table : DV.settings.table;
    const set = await this.dv.entitySetName(table);
    const ids: string[] = [];
    for await (const page of this.dv.odata(set, [`${table}id`], undefined, (r) => r[`${table}id`] as string, [table]))
      ids.push(...page);
    return this.batches.run(ids.map((id) => ({ ref: id, kind: 'delete', collection: set, key: id })));
  }
}
