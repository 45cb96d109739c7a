import {
  planWriteback,
  planReResolution,
  writebackStatusKey,
  unresolvedLabel,
  activityKey,
  WRITEBACK_SKIP_REASONS,
  type WritebackDecision,
  type WritebackSkipReason,
  type SalesNavActivity,
  type WritebackContext,
} from '../../../src/domain/writeback/index';
import { t, LOCALES } from '../../../src/domain/i18n/index';
import { activity, ctx, ELODIE, GIULIA_WITH_OPP, JOOST_LEAD } from './fixtures';

function reasonOf(d: WritebackDecision): string {
  return d.outcome === 'write' ? 'write' : d.reason;
}

describe('planWriteback: what is written back', () => {
  test.each<[string, Partial<SalesNavActivity>, Partial<WritebackContext>, WritebackSkipReason | 'write']>([
    ['an InMail with write-back on and all items', {}, {}, 'write'],
    ['write-back turned off', {}, { settings: { writeBackEnabled: false, writeBackItems: 'all' } }, 'writeBackOff'],
    [
      'messages only, and this is an InMail',
      {},
      { settings: { writeBackEnabled: true, writeBackItems: ['message'] } },
      'itemDisabled',
    ],
    [
      'messages only, and this is a message',
      { kind: 'message' },
      { settings: { writeBackEnabled: true, writeBackItems: ['message'] } },
      'write',
    ],
    [
      'an empty subset writes nothing',
      {},
      { settings: { writeBackEnabled: true, writeBackItems: [] } },
      'itemDisabled',
    ],
    ['the rep opted out of InMails', {}, { repOptOut: ['inmail'] }, 'repOptOut'],
    ['the rep opted out of notes only; an InMail is written', {}, { repOptOut: ['note'] }, 'write'],
    ['this item is marked not to sync', { optOut: true }, {}, 'itemOptOut'],
    ['a call logged on desktop', { kind: 'call', channel: 'desktop' }, {}, 'callNotFromMobile'],
    ['a call of unknown origin', { kind: 'call', channel: null }, {}, 'callNotFromMobile'],
    ['a call from the mobile app', { kind: 'call', channel: 'mobile' }, {}, 'write'],
    ['a note from the desktop', { kind: 'note' }, {}, 'write'],
    ['no activity id', { id: '' }, {}, 'invalidActivity'],
    ['unknown kind', { kind: 'pointdrive' as unknown as 'note' }, {}, 'invalidActivity'],
    ['no seat holder', { seatHolderId: '' }, {}, 'invalidActivity'],
    ['time without zone', { occurredAt: '2026-11-20 09:15' }, {}, 'invalidActivity'],
    ['time with offset', { occurredAt: '2026-11-20T10:15:00+01:00' }, {}, 'write'],
    ['before 23 June 2021', { occurredAt: '2021-06-22T23:59:59Z' }, {}, 'beforeRetroactiveLimit'],
    ['on 23 June 2021', { occurredAt: '2021-06-23T00:00:00Z' }, {}, 'write'],
  ])('%s → %s', (_n, a, c, want) => {
    expect(reasonOf(planWriteback(activity(a), ELODIE, ctx(c)))).toBe(want);
  });

  test.each(WRITEBACK_SKIP_REASONS)('skip reason %s is explained in every language', (reason) => {
    const key = `writeback.reason${reason.charAt(0).toUpperCase()}${reason.slice(1)}`;
    for (const l of LOCALES) expect(t(key, l)).not.toBe(key);
  });

  test('skips keep the key when there is one, so the run report can name the activity', () => {
    const d = planWriteback(activity({ optOut: true }), ELODIE, ctx());
    expect(d.outcome === 'skip' && d.key).toBe(activityKey('6f1e2a90-inm-0001', 'inmail'));
  });
});

describe('planWriteback: the plan', () => {
  test('matched contact → completed, owned by the seat holder, on the person and its account', () => {
    const d = planWriteback(activity(), ELODIE, ctx());
    if (d.outcome !== 'write') throw new Error(d.outcome);
    expect(d.plan).toMatchObject({
      key: 'sn-inmail-6f1e2a90-inm-0001',
      type: 'inmail',
      ownerId: '005SOPHIE',
      person: { id: '003ELODIE', kind: 'contact' },
      relatedToId: '001CREDITAGRICOLE',
      completed: true,
      subject: 'Sales Navigator InMail: Suite à notre échange au salon Vivatech',
      body: 'Bonjour Élodie,\nmerci pour votre temps hier.\nBien à vous,\nSophie',
      occurredAt: '2026-11-20T09:15:00.000Z',
      personName: 'Élodie Lefèvre',
      personUrn: 'urn:li:person:ELODIE7',
    });
  });

  test('a known opportunity is preferred over the account as the related record', () => {
    const d = planWriteback(activity(), GIULIA_WITH_OPP, ctx());
    expect(d.outcome === 'write' && d.plan.relatedToId).toBe('006ROSSIDEAL');
  });

  test('a lead gets no related record', () => {
    const d = planWriteback(activity(), JOOST_LEAD, ctx());
    expect(d.outcome === 'write' && d.plan.relatedToId).toBeUndefined();
    expect(d.outcome === 'write' && d.plan.person).toEqual({ id: '00QJOOST', kind: 'lead' });
  });

  test('no match → open, unresolved, keeping the person name and URN', () => {
    const d = planWriteback(activity({ person: { memberUrn: 'urn:li:person:XJ2', name: 'Jürgen Weiß' } }), null, ctx());
    if (d.outcome !== 'write') throw new Error(d.outcome);
    expect(d.plan.completed).toBe(false);
    expect(d.plan.person).toBeUndefined();
    expect(d.plan.relatedToId).toBeUndefined();
    expect([d.plan.personName, d.plan.personUrn]).toEqual(['Jürgen Weiß', 'urn:li:person:XJ2']);
  });

  test('an unmatched note is written as an open Task in Salesforce but waits in Dataverse', () => {
    const note = activity({ kind: 'note', subject: null });
    expect(planWriteback(note, null, ctx()).outcome).toBe('write');
    const dv = planWriteback(note, null, ctx({ crm: 'dataverse' }));
    expect(dv).toMatchObject({ outcome: 'defer', reason: 'noteNeedsPerson', key: 'sn-note-6f1e2a90-inm-0001' });
    expect(planWriteback(note, ELODIE, ctx({ crm: 'dataverse' })).outcome).toBe('write');
  });

  test.each([
    ['en', 'Sales Navigator message with Lars van den Berg'],
    ['nl', 'Sales Navigator-bericht met Lars van den Berg'],
    ['fr', 'Message Sales Navigator avec Lars van den Berg'],
    ['it', 'Messaggio di Sales Navigator con Lars van den Berg'],
    ['de', 'Sales Navigator-Nachricht mit Lars van den Berg'],
  ] as const)('without a subject the %s subject names the person', (locale, want) => {
    const a = activity({ kind: 'message', subject: '  ', person: { memberUrn: null, name: 'Lars van den\nBerg' } });
    const d = planWriteback(a, null, ctx({ locale }));
    expect(d.outcome === 'write' && d.plan.subject).toBe(want);
  });

  test('a subject without person name falls back to the URN', () => {
    const a = activity({ subject: null, person: { memberUrn: 'urn:li:person:Q1', name: null } });
    const d = planWriteback(a, null, ctx());
    expect(d.outcome === 'write' && d.plan.subject).toBe('Sales Navigator InMail with urn:li:person:Q1');
  });

  test('a long subject and body are cut to Salesforce limits without breaking emoji', () => {
    const a = activity({ subject: '🚀'.repeat(300), body: 'Grüße 👋 '.repeat(5000) });
    const d = planWriteback(a, ELODIE, ctx());
    if (d.outcome !== 'write') throw new Error(d.outcome);
    expect(d.plan.subject.length).toBeLessThanOrEqual(255);
    expect(d.plan.body.length).toBeLessThanOrEqual(32000);
    expect(d.plan.subject.endsWith('…')).toBe(true);
    expect(d.plan.subject.slice(0, -1)).toMatch(/^Sales Navigator InMail: (🚀)+$/u);
  });

  test('re-planning the same activity gives the same key (upsert, never a twin)', () => {
    const a = planWriteback(activity(), null, ctx());
    const b = planWriteback(activity(), ELODIE, ctx());
    expect(a.outcome === 'write' && b.outcome === 'write' && a.plan.key === b.plan.key).toBe(true);
  });
});

describe('planReResolution', () => {
  const open = {
    key: 'sn-message-m-77',
    completed: false,
    personId: null,
    personName: 'Chiara Bianchi',
    personUrn: 'urn:li:person:CB',
  };
  test('an open unresolved activity is completed on the newly matched contact and its account', () => {
    expect(planReResolution(open, { id: '003CHIARA', kind: 'contact', accountId: '001ENI' })).toEqual({
      key: 'sn-message-m-77',
      person: { id: '003CHIARA', kind: 'contact' },
      relatedToId: '001ENI',
      completed: true,
    });
  });
  test('still no match → nothing to do', () => {
    expect(planReResolution(open, null)).toBeNull();
  });
  test('already resolved or completed → nothing to do', () => {
    expect(planReResolution({ ...open, completed: true }, ELODIE)).toBeNull();
    expect(planReResolution({ ...open, personId: '003X' }, ELODIE)).toBeNull();
  });
  test('a lead is resolved without related record', () => {
    expect(planReResolution(open, JOOST_LEAD)).toEqual({
      key: open.key,
      person: { id: '00QJOOST', kind: 'lead' },
      completed: true,
    });
  });
});

describe('status texts', () => {
  test('completed and unresolved read differently in every language', () => {
    for (const l of LOCALES) expect(t(writebackStatusKey(true), l)).not.toBe(t(writebackStatusKey(false), l));
  });
  test.each([
    ['Jürgen Weiß', 'urn:li:person:1', 'de', 'Nicht zugeordnet: Jürgen Weiß'],
    [null, 'urn:li:person:1', 'fr', 'Non résolue : urn:li:person:1'],
    [null, null, 'en', 'Unresolved: ?'],
  ] as const)('unresolvedLabel(%p, %p, %s)', (name, urn, locale, want) => {
    expect(unresolvedLabel(name, urn, locale)).toBe(want);
  });
});
