import { randomUUID } from 'node:crypto';
import { DV, DV_VALUES } from '../../src/domain/crmSchema';
import { DataverseGateway, odataString } from '../../src/crm/dataverse';
import type { DataverseConfig } from '../../src/crm/config';
import type { ActivityRecord, Pages } from '../../src/crm/gateway';
import { DataverseDouble } from '../../src/doubles/dataverseDouble';
import { dataverseActivityId } from '../../src/domain/writeback/dataverse';
import { closedPort, guardLoopback, nonLoopback } from '../doubles/loopbackGuard';

const guard = guardLoopback();
afterAll(() => guard.restore());

let dv: DataverseDouble;
let logs: string[];
let sleeps: number[];
let tokenCalls: boolean[];
const accounts: string[] = [];
const contacts: string[] = [];
let owner: string;
let oppIds: string[];

async function all<T>(pages: Pages<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(...p);
  return out;
}

function gateway(extra: Partial<DataverseConfig> = {}): DataverseGateway {
  let token: string | null = null;
  return new DataverseGateway({
    outbound: { allowLoopback: true },
    url: dv.url,
    getToken: async (force) => {
      tokenCalls.push(Boolean(force));
      if (!token || force) token = dv.issueToken();
      return token;
    },
    pageSize: 500,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    log: (l) => logs.push(l),
    ...extra,
  });
}

beforeAll(async () => {
  dv = await DataverseDouble.start();
  owner = dv.insert('systemuser', {
    fullname: 'Luca Bianchi',
    internalemailaddress: 'luca@example.com',
    isdisabled: false,
  }).systemuserid as string;
  for (let i = 0; i < 10; i++)
    accounts.push(
      dv.insert('account', { name: `Müller & Söhne ${i} GmbH`, _ownerid_value: owner, statecode: 0 })
        .accountid as string,
    );
  for (let i = 0; i < 1200; i++) {
    contacts.push(
      dv.insert('contact', {
        firstname: `Sofie${i}`,
        lastname: `Janssens${i}`,
        emailaddress1: `s${i}@example.com`,
        _parentcustomerid_value: accounts[i % 10],
        _ownerid_value: owner,
        statecode: 0,
        [DV.person.notAtCompany]:
          i % 10 === 0
            ? DV_VALUES.notAtCompany.notAtCompany
            : i % 10 === 1
              ? DV_VALUES.notAtCompany.ignore
              : DV_VALUES.notAtCompany.noFeedback,
      }).contactid as string,
    );
  }
  for (let i = 0; i < 5; i++)
    dv.insert('lead', {
      firstname: 'Hugo',
      lastname: `Lambert${i}`,
      companyname: 'Lambert SARL',
      _ownerid_value: owner,
      statecode: i === 4 ? 1 : 0,
    });
  oppIds = [];
  for (let i = 0; i < 12; i++) {
    oppIds.push(
      dv.insert('opportunity', {
        name: `Deal ${i}`,
        _parentaccountid_value: accounts[i % 10],
        _parentcontactid_value: contacts[i],
        _ownerid_value: owner,
        salesstage: i % 4,
        statecode: i < 10 ? 0 : 1,
        estimatedvalue: 1000 * i,
      }).opportunityid as string,
    );
  }
  dv.insert('connection', {
    _record1id_value: oppIds[0],
    _record2id_value: contacts[50],
    record2objecttypecode: 2,
    name: 'Stakeholder',
  });
});

beforeEach(() => {
  logs = [];
  sleeps = [];
  tokenCalls = [];
  dv.resetCounts();
  dv.clearFaults();
  dv.clearValidationRules();
});

afterAll(async () => {
  await dv.close();
});

describe('connection', () => {
  test('WhoAmI plus one $batch reading a row of every required table', async () => {
    const g = gateway();
    const check = await g.checkConnection();
    expect(check).toMatchObject({ ok: true, userId: dv.userId, unreadable: [] });
    expect(check.checked).toEqual([
      'account',
      'activitypointer',
      'contact',
      'lead',
      'opportunity',
      'systemuser',
      'position',
    ]);
    expect(dv.counts().byKind).toEqual({ whoAmI: 1, batch: 1 });
    expect(await g.instanceId()).toBe(dv.organizationId);
  });

  test('a table without read privilege → OBJECTS_UNREADABLE naming it, with the platform code', async () => {
    dv.denyRead('position');
    try {
      const check = await gateway().checkConnection();
      expect(check.unreadable).toEqual(['position']);
      expect(check.error?.kind).toBe('OBJECTS_UNREADABLE');
      expect(check.error?.detail).toMatch(/0x80040220: Principal user .* is missing prvReadposition privilege/);
    } finally {
      dv.denyRead('position', false);
    }
  });

  test('401 → the token is refreshed once and the call repeated; nothing listening → CONNECT_FAILED', async () => {
    const g = gateway();
    await g.checkConnection();
    dv.expireTokens();
    expect(await all(g.users({ ids: [owner] }))).toEqual([
      { id: owner, name: 'Luca Bianchi', email: 'luca@example.com', active: true },
    ]);
    expect(tokenCalls.filter(Boolean)).toHaveLength(1);
    const down = await new DataverseGateway({
      outbound: { allowLoopback: true },
      url: `http://127.0.0.1:${await closedPort()}`,
      getToken: async () => 'x-token-value',
      maxRetries: 0,
    }).checkConnection();
    expect(down.error?.kind).toBe('CONNECT_FAILED');
    expect(down.error?.detail).toMatch(/ECONNREFUSED/);
  });
});

describe('queries', () => {
  test('OData paging follows @odata.nextLink with odata.maxpagesize; lookups carry the account name', async () => {
    const g = gateway();
    const sizes: number[] = [];
    for await (const p of g.people({ kind: 'contact' })) sizes.push(p.length);
    expect(sizes).toEqual([500, 500, 200]);
    expect(dv.counts().byKind.query).toBe(3);
    const [c] = await all(g.people({ kind: 'contact', ids: [contacts[0]] }));
    expect(c).toMatchObject({
      id: contacts[0],
      accountId: accounts[0],
      companyName: 'Müller & Söhne 0 GmbH',
      notAtCompany: 'notAtCompany',
      ownerId: owner,
    });
  });

  test('id chunks go twenty queries to a $batch; a chunk with more than a page goes on with its nextLink', async () => {
    const g = gateway();
    const byId = await all(g.people({ kind: 'contact', ids: contacts }));
    expect(byId.map((p) => p.id).sort()).toEqual([...contacts].sort());
    expect(dv.counts().byKind).toEqual({ batch: 1 }); // 12 queries of 100 ids
    dv.resetCounts();
    // Every account's contacts, asked with 100 more ids that name no account: the first chunk's answer is 1,200
    // records (pages of 500), the second's none.
    const unknown = Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const byAccount = await all(g.people({ kind: 'contact', accountIds: [...accounts, ...unknown] }));
    expect(byAccount).toHaveLength(1200);
    expect(new Set(byAccount.map((p) => p.id)).size).toBe(1200);
    // The next pages' links are long too: such a GET goes inside a $batch of its own.
    expect(dv.counts().byKind).toEqual({ batch: 3 });
  });

  test('a connection closed under a read or an update $batch is sent again once: the same records, each written once', async () => {
    const g = gateway();
    dv.failNext(1, { status: 0, destroy: true, kinds: ['batch'] });
    expect(await all(g.people({ kind: 'contact', ids: contacts.slice(0, 250) }))).toHaveLength(250);
    // Contacts with a flag already, so that they were NavSync's records before as after.
    const ids = [contacts[300], contacts[301], contacts[310]];
    dv.failNext(1, { status: 0, destroy: true, kinds: ['batch'] });
    const res = await g.updatePeople(
      ids.map((id) => ({ id, kind: 'contact', fields: { syncedAt: '2026-11-22T10:00:00.000Z' } })),
    );
    expect(res).toMatchObject({ succeeded: ids, failed: [], unprocessed: [] });
    expect(dv.log.filter((l) => l.kind === 'batch')).toHaveLength(4);
    // Once only: a second reset in a row is reported.
    dv.failNext(2, { status: 0, destroy: true, kinds: ['batch'] });
    await expect(all(g.people({ kind: 'contact', ids: contacts.slice(0, 250) }))).rejects.toThrow(/UND_ERR_SOCKET/);
  });

  test('filters: id chunks, flag values, NavSync data, account scope, open leads', async () => {
    const g = gateway();
    expect(await all(g.people({ kind: 'contact', ids: contacts.slice(0, 250) }))).toHaveLength(250);
    // 100 + 100 + 50 ids: three queries in one $batch.
    expect(dv.counts().total).toBe(1);
    expect(g.requestCounts().byKind).toEqual({ batch: 1 });
    expect(await all(g.people({ kind: 'contact', notAtCompany: ['ignore'] }))).toHaveLength(120);
    expect(await all(g.people({ kind: 'contact', notAtCompany: ['noFeedback'] }))).toHaveLength(960);
    expect(await all(g.people({ kind: 'contact', withNavSyncData: true }))).toHaveLength(240);
    expect(await all(g.people({ kind: 'contact', accountIds: [accounts[2]], ownerIds: [owner] }))).toHaveLength(120);
    expect(await all(g.people({ kind: 'lead' }))).toHaveLength(4);
  });

  test('opportunities through FetchXML follow the paging cookie; contact roles and stages', async () => {
    const g = gateway({ pageSize: 5 });
    const pages: number[] = [];
    for await (const p of g.opportunities({ ownerIds: [owner] })) pages.push(p.length);
    expect(pages).toEqual([5, 5, 2]);
    expect(dv.counts().byKind.fetchXml).toBe(3);
    const open = await all(g.opportunities({ ownerIds: [owner], openOnly: true }));
    expect(open).toHaveLength(10);
    expect(open.find((o) => o.id === oppIds[2])).toMatchObject({
      stage: 'Propose',
      isClosed: false,
      primaryContactId: contacts[2],
      accountId: accounts[2],
    });
    const roles = await all(g.contactRoles([oppIds[0]]));
    expect(roles).toEqual([
      { opportunityId: oppIds[0], contactId: contacts[0], role: null, isPrimary: true },
      { opportunityId: oppIds[0], contactId: contacts[50], role: 'Stakeholder', isPrimary: false },
    ]);
    expect((await g.opportunityStages()).map((s) => s.name)).toEqual([
      'Qualify',
      'Develop',
      'Propose',
      'Close',
      'Won',
      'Lost',
    ]);
  });

  test('text in OData filters is escaped: injection-looking keys match nothing and break nothing', async () => {
    expect(odataString("O'Brien")).toBe("'O''Brien'");
    const g = gateway();
    const hits = await all(g.activities({ keys: ["x' or 1 eq 1 or subject eq '", 'a&b#c%d'] }));
    expect(hits).toEqual([]);
    expect(dv.log.filter((l) => l.kind === 'query').every((l) => l.status === 200)).toBe(true);
  });
});

describe('writes', () => {
  test('2,500 updates take exactly 3 $batch requests (change sets of 1,000, 1,000 and 500)', async () => {
    const g = gateway();
    const ids = contacts
      .slice(0, 1200)
      .concat(
        Array.from(
          { length: 1300 },
          (_, i) =>
            dv.insert('contact', { lastname: `Extra${i}`, emailaddress1: `e${i}@example.com`, statecode: 0 })
              .contactid as string,
        ),
      );
    const ops = dv.batchOperations;
    const res = await g.updatePeople(
      ids.map((id) => ({
        id,
        kind: 'contact',
        fields: { notAtCompany: 'notAtCompany', validatedAt: '2026-11-22T10:00:00.000Z' },
      })),
    );
    expect(dv.counts().byKind).toEqual({ batch: 3 });
    expect(g.minimumWriteRequests(2500)).toBe(3);
    expect(dv.batchOperations - ops).toBe(2500);
    expect(res).toEqual({ succeeded: ids, failed: [], unprocessed: [] });
    expect(dv.get('contact', ids[1500])?.[DV.person.notAtCompany]).toBe(DV_VALUES.notAtCompany.notAtCompany);
    await g.updatePeople([{ id: ids[0], kind: 'contact', fields: { notAtCompany: 'noFeedback', memberUrn: null } }]);
    expect(dv.get('contact', ids[0])?.[DV.person.notAtCompany]).toBe(DV_VALUES.notAtCompany.noFeedback);
  });

  test('a change set refused for one record is resent per record: that record reported, the others applied', async () => {
    const g = gateway();
    const ids = Array.from(
      { length: 1500 },
      (_, i) =>
        dv.insert('contact', {
          lastname: `Rule${i}`,
          emailaddress1: i % 700 === 3 ? null : `r${i}@example.com`,
          statecode: 0,
        }).contactid as string,
    );
    dv.addValidationRule((table, r) =>
      table === 'contact' && !r.emailaddress1 ? 'Plug-in: an e-mail address is required.' : null,
    );
    const res = await g.updatePeople(
      ids.map((id) => ({ id, kind: 'contact', fields: { notAtCompany: 'notAtCompany' } })),
    );
    // Both change sets hold a failing record (3 and 703 in the first, 1403 in the second): each is resent once
    // (the two sets are sent side by side, so their requests interleave).
    expect(dv.log.map((l) => l.status).sort()).toEqual([200, 200, 400, 400]);
    expect(res.failed).toEqual(
      [3, 703, 1403].map((i) => ({
        ref: ids[i],
        code: '0x80040265',
        message: 'Plug-in: an e-mail address is required.',
      })),
    );
    expect(res.succeeded).toHaveLength(1497);
    expect(dv.get('contact', ids[4])?.[DV.person.notAtCompany]).toBe(DV_VALUES.notAtCompany.notAtCompany);
    expect(dv.get('contact', ids[3])?.[DV.person.notAtCompany]).toBe(DV_VALUES.notAtCompany.noFeedback);
  });

  test('429 on a $batch waits Retry-After and resends; 429 on a query too', async () => {
    const g = gateway();
    const body = JSON.stringify({
      error: {
        code: '0x80072322',
        message: 'Number of requests exceeded the limit of 6000 over time window of 300 seconds.',
      },
    });
    dv.failNext(2, { status: 429, headers: { 'Retry-After': '7' }, body, kinds: ['batch'] });
    const res = await g.updatePeople(
      contacts.slice(0, 10).map((id) => ({ id, kind: 'contact', fields: { syncedAt: '2026-11-22T11:00:00.000Z' } })),
    );
    expect(res.succeeded).toHaveLength(10);
    expect(sleeps).toEqual([7000, 7000]);
    expect(dv.counts().byKind.batch).toBe(3);
    dv.failNext(1, { status: 429, headers: { 'Retry-After': '3' }, body, kinds: ['query'] });
    expect(await all(g.users({ ids: [owner] }))).toHaveLength(1);
    expect(sleeps).toEqual([7000, 7000, 3000]);
  });

  test('429 beyond the retry budget → API_ERROR with the service-protection code; batch ops reported unprocessed', async () => {
    const g = gateway({ maxRetries: 1 });
    dv.failNext(5, {
      status: 429,
      headers: { 'Retry-After': '1' },
      body: JSON.stringify({
        error: { code: '0x80072326', message: 'Number of concurrent requests exceeded the limit of 52.' },
      }),
      kinds: ['query', 'batch'],
    });
    const err = await all(g.users({})).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'API_ERROR', status: 429 });
    expect((err as { detail: string }).detail).toMatch(/0x80072326: Number of concurrent requests/);
    const res = await g.updateAccounts([{ id: accounts[0], companyUrn: 'urn:li:organization:1' }]);
    expect(res.unprocessed).toEqual([accounts[0]]);
  });

  test('activities upsert by alternate key (notes by derived annotationid) across the four tables; reruns never double', async () => {
    const g = gateway();
    const types = ['inmail', 'message', 'call', 'note'] as const;
    const acts: ActivityRecord[] = Array.from({ length: 12 }, (_, i) => ({
      key: `li-${types[i % 4]}-${i}${i === 5 ? "-O'Neil/1?#" : ''}`,
      type: types[i % 4],
      ownerId: owner,
      ...(i < 8 ? { person: { id: contacts[i], kind: 'contact' as const } } : {}),
      subject: `Sales Navigator ${types[i % 4]} ${i}`,
      body: 'Grüße aus Köln — à bientôt',
      occurredAt: '2026-11-21T08:00:00.000Z',
      completed: i < 8,
      personName: `Sofie${i}`,
      personUrn: `urn:li:person:s${i}`,
    }));
    const a = await g.upsertActivities(acts);
    // An unmatched note is refused per record (the engine defers those): annotation cannot hold its key or person.
    expect(a.failed).toEqual([{ ref: 'li-note-11', code: 'NOTE_WITHOUT_PERSON', message: expect.any(String) }]);
    expect(a.succeeded).toHaveLength(11);
    await g.upsertActivities(acts);
    const count = (t: string) => dv.all(t).length;
    expect([
      count(DV.activity.inmailTable),
      count(DV.activity.messageTable),
      count('phonecall'),
      count('annotation'),
    ]).toEqual([3, 3, 3, 2]);
    // Notes: no NavSync column on annotation; the row id is the one derived from the key, so reruns update it.
    const notes = dv.all('annotation');
    expect(notes.map((r) => r.annotationid).sort()).toEqual(
      [dataverseActivityId('li-note-3'), dataverseActivityId('li-note-7')].sort(),
    );
    expect(notes.flatMap((r) => Object.keys(r)).filter((k) => k.startsWith('navsync_'))).toEqual([]);
    const note = await all(g.activities({ keys: ['li-note-3', 'li-note-11'] }));
    expect(note).toEqual([
      expect.objectContaining({ key: 'li-note-3', type: 'note', personId: contacts[3], completed: true }),
    ]);
    const inmail = dv.all(DV.activity.inmailTable).find((r) => r[DV.activity.activityKey] === 'li-inmail-0');
    expect(inmail).toMatchObject({
      _regardingobjectid_value: contacts[0],
      _ownerid_value: owner,
      statecode: 1,
      description: 'Grüße aus Köln — à bientôt',
    });
    expect(dv.all(DV.activity.messageTable).some((r) => r[DV.activity.activityKey] === "li-message-5-O'Neil/1?#")).toBe(
      true,
    );
    const unresolved = await all(g.activities({ unresolvedOnly: true }));
    expect(unresolved.map((x) => x.key).sort()).toEqual(['li-call-10', 'li-inmail-8', 'li-message-9']);
    const byKey = await all(g.activities({ keys: ["li-message-5-O'Neil/1?#"] }));
    expect(byKey).toHaveLength(1);
  });

  test('settings, seats, status round-trip; clean-up deletes NavSync rows', async () => {
    const g = gateway();
    expect((await g.readSettings()).id).toBeNull();
    await g.writeSettings({
      dataValidationEnabled: true,
      embeddedProfileEnabled: true,
      photoRefreshEnabled: false,
      writeBackItems: ['message', 'note'],
      pipelineStage: 'Propose',
    });
    await g.writeStatus({
      connected: true,
      lastSyncedAt: '2026-11-22T10:00:00.000Z',
      lastRunSummary: 'ok',
      exportCursor: 1763800000000,
    });
    expect(await g.readSettings()).toMatchObject({
      dataValidationEnabled: true,
      embeddedProfileEnabled: true,
      photoRefreshEnabled: false,
      writeBackItems: ['message', 'note'],
      pipelineStage: 'Propose',
      connected: true,
      exportCursor: 1763800000000,
    });
    expect(dv.all(DV.settings.table)).toHaveLength(1);
    await g.writeSeats([{ userId: owner, enabled: true, writeBackOptOut: [] }]);
    await g.writeSeats([
      { userId: owner, enabled: true, writeBackOptOut: ['inmail', 'call'] },
      { userId: dv.userId, enabled: false, writeBackOptOut: [] },
    ]);
    const seats = await g.readSeats();
    expect(seats.map((s) => [s.userId, s.enabled, s.writeBackOptOut]).sort()).toEqual(
      [
        [owner, true, ['inmail', 'call']],
        [dv.userId, false, []],
      ].sort(),
    );
    expect((await g.deleteNavSyncRecords('seats')).succeeded).toHaveLength(2);
    expect(await g.readSeats()).toEqual([]);
    await g.deleteNavSyncRecords('settings');
    expect((await g.readSettings()).id).toBeNull();
  });

  test('metadata: entity set names, column probe, create column, publish, provisioned languages', async () => {
    const g = gateway();
    expect(await g.entitySetName(DV.settings.table)).toBe('navsync_settingses');
    expect(await g.attributeExists('contact', 'navsync_probe')).toBe(false);
    await g.createAttribute(
      'contact',
      {
        '@odata.type': 'Microsoft.Dynamics.CRM.PicklistAttributeMetadata',
        SchemaName: 'navsync_Probe',
        AttributeType: 'Picklist',
      },
      'NavSync',
    );
    expect(await g.attributeExists('contact', 'navsync_probe')).toBe(true);
    await g.publish(['contact']);
    expect(dv.publishes).toEqual(['<importexportxml><entities><entity>contact</entity></entities></importexportxml>']);
    expect(await g.provisionedLanguages()).toEqual([1033, 1043, 1036, 1040, 1031]);
    const err = await g.entitySetName('nope_table').catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'API_ERROR', status: 404 });
  });
});

describe('error shapes → catalogue', () => {
  test('a Web API that accepts a request and never answers: the call is given up after the timeout as a connection error', async () => {
    const g = gateway({ requestTimeoutMs: 400 });
    dv.failNext(1, { status: 0, stall: true, kinds: ['query'] });
    const started = Date.now();
    const err = await all(g.people({ kind: 'contact', ids: [contacts[1]] })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'CONNECT_FAILED', detail: 'Dataverse contacts: no answer within 0.4 s' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test.each([
    [403, '0x80040220', 'Principal user is missing prvReadContact privilege', 'INSUFFICIENT_ACCESS'],
    [404, '0x8006088a', "Resource not found for the segment 'contacts'.", 'OBJECTS_UNREADABLE'],
    [400, '0x0', "Could not find a property named 'x' on type 'Microsoft.Dynamics.CRM.contact'.", 'API_ERROR'],
    [500, '0x80040216', 'An unexpected error occurred.', 'API_ERROR'],
  ])('%i %s → %s', async (status, code, message, kind) => {
    const g = gateway();
    dv.failNext(1, { status, body: JSON.stringify({ error: { code, message } }), kinds: ['query'] });
    const err = await all(g.people({ kind: 'contact', ids: [contacts[1]] })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind, status });
    expect((err as { detail: string }).detail).toBe(`Dataverse contacts: ${status} ${code}: ${message}`);
  });
});

describe('hygiene', () => {
  test('no token in any log line; only 127.0.0.1 reached', async () => {
    const g = gateway();
    await g.checkConnection();
    await all(g.users({}));
    expect(logs.length).toBeGreaterThan(2);
    expect(logs.join('\n')).not.toMatch(/eyJ0eXAiOiJKV1Qi\.[A-Za-z0-9_-]{10,}/);
    expect(g.endpoints().every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
    expect(nonLoopback(guard.hosts)).toEqual([]);
    expect(randomUUID()).toMatch(/-/);
  });
});
