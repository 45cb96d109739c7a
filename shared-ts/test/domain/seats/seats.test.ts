import fc from 'fast-check';
import {
  assignSeats,
  assignableUsers,
  isSyncingUser,
  removeSeats,
  seatFromDataverse,
  seatFromSalesforce,
  seatToDataverse,
  seatToSalesforce,
  seatsRemaining,
  setSeatsEnabled,
  syncingUserIds,
  type Seat,
  type SeatUser,
} from '../../../src/domain/seats/index';
import { t } from '../../../src/domain/i18n/index';

const users: SeatUser[] = [
  { id: '005A1', name: 'Anneke de Vries', active: true },
  { id: '005A2', name: 'Élodie Moreau', active: true },
  { id: '005A3', name: 'Giulia Ricci', active: true },
  { id: '005A4', name: 'Jürgen Groß', active: false },
  { id: '005A5', name: 'Brian O’Neill', active: true },
];
const seat = (userId: string, enabled = true): Seat => ({ userId, enabled, writeBackOptOut: [] });

describe('assignSeats', () => {
  test('assigns active users, enabled by default', () => {
    const r = assignSeats([], ['005A1', '005A2'], users, 5);
    expect(r.ok).toBe(true);
    expect(r.added).toEqual(['005A1', '005A2']);
    expect(r.seats).toEqual([seat('005A1'), seat('005A2')]);
  });

  test('can assign switched off', () => {
    expect(assignSeats([], ['005A3'], users, null, { enabled: false }).seats).toEqual([seat('005A3', false)]);
  });

  const failures: [string, Seat[], string[], number | null, string, string][] = [
    [
      'an inactive user',
      [],
      ['005A4'],
      5,
      'settings.seatInactiveUser',
      'Jürgen Groß is an inactive user and cannot get a seat.',
    ],
    ['an unknown user', [], ['005ZZ'], 5, 'settings.seatUnknownUser', 'No CRM user “005ZZ” was found.'],
    [
      'a user who already has a seat',
      [seat('005A1')],
      ['005A1'],
      5,
      'settings.seatDuplicate',
      'Anneke de Vries already has a seat.',
    ],
    ['the same user twice', [], ['005A2', '005A2'], 5, 'settings.seatDuplicate', 'Élodie Moreau already has a seat.'],
    [
      'more seats than the contract',
      [seat('005A1'), seat('005A2')],
      ['005A3', '005A5'],
      3,
      'settings.seatLimitExceeded',
      'Your contract allows 3 seats; this would make 4. Remove seats first or add fewer users.',
    ],
  ];

  test.each(failures)(
    'rejects %s, with a clear message, and assigns nothing',
    (_n, current, ids, limit, key, message) => {
      const r = assignSeats(current, ids, users, limit);
      expect(r.ok).toBe(false);
      expect(r.seats).toEqual(current);
      expect(r.added).toEqual([]);
      const e = r.errors.find((x) => x.key === key)!;
      expect(t(e.key, 'en', e.params)).toBe(message);
    },
  );

  test('the limit counts seat holders, exactly at the limit is fine', () => {
    expect(assignSeats([seat('005A1')], ['005A2', '005A3'], users, 3).ok).toBe(true);
    expect(seatsRemaining([seat('005A1')], 3)).toBe(2);
    expect(seatsRemaining([seat('005A1')], null)).toBeNull();
    expect(seatsRemaining([seat('005A1'), seat('005A2')], 1)).toBe(0);
  });

  test('an org already over a reduced limit gets the limit error only when adding seats', () => {
    const over = [seat('005A1'), seat('005A2'), seat('005A3')];
    expect(assignSeats(over, [], users, 2)).toMatchObject({ ok: true, seats: over, added: [] });
    expect(assignSeats(over, ['005A5'], users, 2).errors.map((e) => e.key)).toEqual(['settings.seatLimitExceeded']);
  });

  test('never more seat holders than the limit, never a duplicate, never an inactive user (property)', () => {
    const ids = fc.array(fc.constantFrom(...users.map((u) => u.id), '005ZZ'), { maxLength: 8 });
    fc.assert(
      fc.property(ids, ids, fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }), (first, second, limit) => {
        let seats: Seat[] = [];
        for (const batch of [first, second]) {
          const r = assignSeats(seats, batch, users, limit);
          if (r.ok) seats = r.seats;
        }
        const holders = seats.map((s) => s.userId);
        expect(new Set(holders).size).toBe(holders.length);
        if (limit !== null) expect(holders.length).toBeLessThanOrEqual(limit);
        for (const h of holders) expect(users.find((u) => u.id === h)?.active).toBe(true);
      }),
    );
  });
});

describe('enable / disable and bulk select', () => {
  const seats = [seat('005A1'), seat('005A2', false), seat('005A3')];

  test('per-user switch leaves the others alone', () => {
    expect(setSeatsEnabled(seats, ['005A2'], true).map((s) => s.enabled)).toEqual([true, true, true]);
    expect(setSeatsEnabled(seats, ['005A1'], false).map((s) => s.enabled)).toEqual([false, false, true]);
  });

  test('bulk select all / deselect all', () => {
    expect(setSeatsEnabled(seats, 'all', true).every((s) => s.enabled)).toBe(true);
    expect(setSeatsEnabled(seats, 'all', false).every((s) => !s.enabled)).toBe(true);
  });

  test('the input list is not changed', () => {
    setSeatsEnabled(seats, 'all', true);
    expect(seats[1].enabled).toBe(false);
  });

  test('remove seats; removing twice is harmless', () => {
    const once = removeSeats(seats, ['005A2']);
    expect(once.map((s) => s.userId)).toEqual(['005A1', '005A3']);
    expect(removeSeats(once, ['005A2'])).toEqual(once);
  });

  test('assignable users: active, without a seat, sorted by name (accents sort with their letter)', () => {
    expect(assignableUsers([seat('005A1')], users).map((u) => u.name)).toEqual([
      'Brian O’Neill',
      'Élodie Moreau',
      'Giulia Ricci',
    ]);
    expect(assignableUsers([seat('005A1')], users).map((u) => u.id)).not.toContain('005A4');
  });
});

describe('syncing users', () => {
  const seats = [seat('005A1'), seat('005A2', false), seat('005A4')];

  test('auto-sync all seat holders: every seat holder, switched on or not', () => {
    expect(syncingUserIds(true, seats)).toEqual(['005A1', '005A2', '005A4']);
  });

  test('per seat: only the seats switched on', () => {
    expect(syncingUserIds(false, seats)).toEqual(['005A1', '005A4']);
  });

  test('a deactivated CRM user never syncs', () => {
    expect(syncingUserIds(true, seats, users)).toEqual(['005A1', '005A2']);
    expect(isSyncingUser('005A4', true, seats, users)).toBe(false);
    expect(isSyncingUser('005A2', false, seats, users)).toBe(false);
    expect(isSyncingUser('005A1', false, seats, users)).toBe(true);
  });

  test('people without a seat never sync', () => {
    expect(isSyncingUser('005A3', true, seats, users)).toBe(false);
  });
});

describe('seat ⇄ CRM records', () => {
  const s: Seat = { userId: '005A1', enabled: true, writeBackOptOut: ['call', 'inmail'] };

  test('Salesforce NavSync_Seat__c with per-item opt-out as a multi-select', () => {
    expect(seatToSalesforce(s)).toEqual({ User__c: '005A1', Enabled__c: true, Write_Back_Opt_Out__c: 'InMail;Call' });
    expect(seatFromSalesforce(seatToSalesforce(s, 'navsync'), 'navsync')).toEqual({
      ...s,
      writeBackOptOut: ['inmail', 'call'],
    });
    expect(seatToSalesforce({ ...s, writeBackOptOut: [] }).Write_Back_Opt_Out__c).toBeNull();
  });

  test('Dataverse navsync_seat binds the user and reads the lookup value back', () => {
    const row = seatToDataverse(s);
    expect(row['navsync_userid@odata.bind']).toBe('/systemusers(005A1)');
    expect(row.navsync_writebackoptout).toBe('inmail,call');
    expect(
      seatFromDataverse({
        _navsync_userid_value: '005A1',
        navsync_enabled: true,
        navsync_writebackoptout: 'inmail,call',
      }),
    ).toEqual({
      ...s,
      writeBackOptOut: ['inmail', 'call'],
    });
    // A yes/no opt-out column (true) means every item.
    expect(
      seatFromDataverse({ _navsync_userid_value: 'u', navsync_enabled: false, navsync_writebackoptout: true })!
        .writeBackOptOut,
    ).toEqual(['inmail', 'message', 'note', 'call']);
  });

  test('a record without a user is not a seat', () => {
    expect(seatFromSalesforce({ Enabled__c: true })).toBeNull();
    expect(seatFromDataverse({ navsync_enabled: true })).toBeNull();
  });
});
