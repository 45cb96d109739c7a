/**
 * Contract: the gateways read settings and seats exactly as the admin pages save them (the domain mappings
 * settingsToSalesforce / settingsToDataverse / seatToSalesforce / seatToDataverse), and what the engine writes
 * back is read by the admin pages' mapping unchanged. Against the loopback doubles.
 */
import { DV, SF } from '../../src/domain/crmSchema';
import { seatToDataverse, seatToSalesforce } from '../../src/domain/seats/seats';
import { defaultSettings, writeBackKinds, type NavSyncSettings } from '../../src/domain/settings/model';
import {
  settingsFromDataverse,
  settingsFromSalesforce,
  settingsToDataverse,
  settingsToSalesforce,
} from '../../src/domain/settings/records';
import { DataverseGateway } from '../../src/crm/dataverse';
import { SalesforceGateway } from '../../src/crm/salesforce';
import { DataverseDouble } from '../../src/doubles/dataverseDouble';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import type { ActivityKind } from '../../src/domain/writeback/kinds';
import { guardLoopback } from '../doubles/loopbackGuard';

const guard = guardLoopback();
afterAll(() => guard.restore());

/** What an admin saves: two of the four items, a stage, auto-sync off. */
const saved: NavSyncSettings = {
  ...defaultSettings(),
  autoSyncAllSeats: false,
  pipelineStage: 'Proposal',
  writeBackItems: ['inmail', 'call'],
  dataValidationEnabled: true,
};

describe('Salesforce gateway ⇄ the admin page format', () => {
  let sf: SalesforceDouble;
  let rep: string;
  let other: string;
  const gateway = () =>
    new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      retry: { maxRetries: 0, minTimeoutMs: 5 },
      log: () => undefined,
    });
  // A fresh org per test: each starts from what the admin page saved.
  beforeEach(async () => {
    sf = await SalesforceDouble.start();
    rep = sf.insert('User', { Name: 'Rep', Email: 'rep@example.com', IsActive: true }).Id;
    other = sf.insert('User', { Name: 'Other', Email: 'other@example.com', IsActive: true }).Id;
  });
  afterEach(async () => {
    await sf.close();
  });

  test('picklist items InMail;Call and per-item opt-outs are read as the domain model', async () => {
    const record = settingsToSalesforce(saved, { namespace: sf.ns });
    expect(record[sf.f(SF.settings.writeBackItems)]).toBe('InMail;Call');
    sf.insert(sf.f(SF.settings.object), { Name: 'NavSync', ...record });
    sf.insert(sf.f(SF.seat.object), {
      Name: 'rep',
      ...seatToSalesforce({ userId: rep, enabled: true, writeBackOptOut: ['message', 'note'] }, sf.ns),
    });
    const g = gateway();
    const s = await g.readSettings();
    expect(s).toMatchObject({
      autoSyncAllSeats: false,
      pipelineStage: 'Proposal',
      writeBackItems: ['inmail', 'call'],
      dataValidationEnabled: true,
    });
    expect(writeBackKinds(s)).toEqual(['inmail', 'call']);
    expect((await g.readSeats()).map((x) => [x.userId, x.enabled, x.writeBackOptOut])).toEqual([
      [rep, true, ['message', 'note']],
    ]);
  });

  test('all four items saved are read as "all"; what the engine writes, the admin page reads back unchanged', async () => {
    sf.insert(sf.f(SF.settings.object), {
      Name: 'NavSync',
      ...settingsToSalesforce({ ...saved, writeBackItems: 'all' }, { namespace: sf.ns }),
    });
    const g = gateway();
    expect((await g.readSettings()).writeBackItems).toBe('all');
    await g.writeSettings({ writeBackItems: ['message'] });
    await g.writeStatus({
      connected: true,
      lastSyncedAt: '2026-11-22T10:00:00.000Z',
      lastRunSummary: '3 flags',
      exportCursor: 1763800000000,
    });
    const [row] = sf.all(sf.f(SF.settings.object));
    expect(row[sf.f(SF.settings.writeBackItems)]).toBe('Message');
    // The status write left the admin's choices alone.
    expect(settingsFromSalesforce(row, sf.ns)).toMatchObject({
      autoSyncAllSeats: false,
      pipelineStage: 'Proposal',
      writeBackItems: ['message'],
      connected: true,
    });
    await g.writeSeats([
      { userId: rep, enabled: true, writeBackOptOut: ['inmail', 'call'] },
      { userId: other, enabled: false, writeBackOptOut: [] },
    ]);
    const seats = sf.all(sf.f(SF.seat.object));
    expect(seats.map((r) => [r[sf.f(SF.seat.user)], r[sf.f(SF.seat.writeBackOptOut)] ?? null]).sort()).toEqual(
      [
        [rep, 'InMail;Call'],
        [other, null],
      ].sort(),
    );
  });
});

describe('Dataverse gateway ⇄ the admin page format', () => {
  let dv: DataverseDouble;
  let rep: string;
  let other: string;
  const gateway = () =>
    new DataverseGateway({
      outbound: { allowLoopback: true },
      url: dv.url,
      getToken: async () => dv.issueToken(),
      sleep: async () => undefined,
      log: () => undefined,
    });
  beforeEach(async () => {
    dv = await DataverseDouble.start();
    rep = dv.insert('systemuser', { fullname: 'Rep', internalemailaddress: 'rep@example.com', isdisabled: false })
      .systemuserid as string;
    other = dv.insert('systemuser', { fullname: 'Other', internalemailaddress: 'other@example.com', isdisabled: false })
      .systemuserid as string;
  });
  afterEach(async () => {
    await dv.close();
  });

  /** A seat row as the settings page saves it, held the way the Web API returns it (lookup as `_…_value`). */
  function seedSeat(userId: string, optOut: ActivityKind[]): void {
    const row: Record<string, unknown> = seatToDataverse({ userId, enabled: true, writeBackOptOut: optOut });
    delete row[`${DV.seat.user}@odata.bind`];
    dv.insert(DV.seat.table, { ...row, [`_${DV.seat.user}_value`]: userId });
  }

  test('comma-separated items inmail,call and per-item opt-outs are read as the domain model', async () => {
    const row = settingsToDataverse({ ...saved, embeddedProfileEnabled: true });
    expect(row[DV.settings.writeBackItems]).toBe('inmail,call');
    dv.insert(DV.settings.table, { navsync_name: 'NavSync', ...row });
    seedSeat(rep, ['message', 'note']);
    const g = gateway();
    const s = await g.readSettings();
    expect(s).toMatchObject({
      autoSyncAllSeats: false,
      pipelineStage: 'Proposal',
      writeBackItems: ['inmail', 'call'],
      embeddedProfileEnabled: true,
    });
    expect(writeBackKinds(s)).toEqual(['inmail', 'call']);
    expect((await g.readSeats()).map((x) => [x.userId, x.enabled, x.writeBackOptOut])).toEqual([
      [rep, true, ['message', 'note']],
    ]);
  });

  test('all four items saved are read as "all"; what the engine writes, the admin page reads back unchanged', async () => {
    dv.insert(DV.settings.table, {
      navsync_name: 'NavSync',
      ...settingsToDataverse({ ...saved, writeBackItems: 'all' }),
    });
    const g = gateway();
    expect((await g.readSettings()).writeBackItems).toBe('all');
    await g.writeSettings({ writeBackItems: ['message', 'note'] });
    await g.writeStatus({
      connected: true,
      lastSyncedAt: '2026-11-22T10:00:00.000Z',
      lastRunSummary: 'ok',
      exportCursor: 1763800000000,
    });
    const [row] = dv.all(DV.settings.table);
    expect(row[DV.settings.writeBackItems]).toBe('message,note');
    expect(settingsFromDataverse(row)).toMatchObject({
      autoSyncAllSeats: false,
      pipelineStage: 'Proposal',
      writeBackItems: ['message', 'note'],
      connected: true,
    });
    await g.writeSeats([
      { userId: rep, enabled: true, writeBackOptOut: ['inmail', 'call'] },
      { userId: other, enabled: false, writeBackOptOut: [] },
    ]);
    const seats = dv.all(DV.seat.table);
    expect(seats.map((r) => [r[`_${DV.seat.user}_value`], r[DV.seat.writeBackOptOut] ?? null]).sort()).toEqual(
      [
        [rep, 'inmail,call'],
        [other, null],
      ].sort(),
    );
  });
});
