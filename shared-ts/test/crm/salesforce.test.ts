import { SF, SF_VALUES } from '../../src/domain/crmSchema';
import { SalesforceGateway, soqlString } from '../../src/crm/salesforce';
import type { SalesforceConfig } from '../../src/crm/config';
import type { ActivityRecord, CrmPerson, Pages, PersonUpdate } from '../../src/crm/gateway';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { closedPort, guardLoopback, nonLoopback } from '../doubles/loopbackGuard';

const guard = guardLoopback();
afterAll(() => guard.restore());

let sf: SalesforceDouble;
let logs: string[];
const accounts: string[] = [];
const contacts: string[] = [];
const leads: string[] = [];
let owner: string;

async function all<T>(pages: Pages<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(...p);
  return out;
}

function gateway(extra: Partial<SalesforceConfig> = {}): SalesforceGateway {
  return new SalesforceGateway({
    outbound: { allowLoopback: true },
    instanceUrl: sf.url,
    clientId: sf.clientId,
    clientSecret: sf.clientSecret,
    retry: { maxRetries: 2, minTimeoutMs: 5 },
    bulkPollIntervalMs: 10,
    log: (l) => logs.push(l),
    ...extra,
  });
}

beforeAll(async () => {
  sf = await SalesforceDouble.start({ queryPageSize: 500 });
  owner = sf.insert('User', { Name: 'Anna de Vries', Email: 'anna@example.com', IsActive: true }).Id;
  for (let i = 0; i < 20; i++)
    accounts.push(
      sf.insert('Account', { Name: `Compagnie ${i} S.A.`, OwnerId: owner, Website: `https://c${i}.example` }).Id,
    );
  for (let i = 0; i < 1200; i++) {
    contacts.push(
      sf.insert('Contact', {
        FirstName: `Jean${i}`,
        LastName: i === 0 ? "O'Brien \\ Test" : `Dupont${i}`,
        Email: `jean${i}@example.com`,
        AccountId: accounts[i % 20],
        OwnerId: owner,
        [sf.f(SF.person.notAtCompany)]:
          i % 10 === 0 ? SF_VALUES.notAtCompany.notAtCompany : i % 10 === 1 ? SF_VALUES.notAtCompany.ignore : null,
        [sf.f(SF.person.syncedAt)]: i < 100 ? '2026-11-22T00:00:00.000Z' : null,
      }).Id,
    );
  }
  for (let i = 0; i < 30; i++)
    leads.push(
      sf.insert('Lead', {
        FirstName: 'Lea',
        LastName: `Rossi${i}`,
        Company: 'Rossi S.p.A.',
        OwnerId: owner,
        IsConverted: i === 29,
      }).Id,
    );
  const opp = sf.insert('Opportunity', {
    Name: 'Deal',
    AccountId: accounts[0],
    OwnerId: owner,
    StageName: 'Needs Analysis',
    Amount: 1000,
  }).Id;
  sf.insert('Opportunity', { Name: 'Won deal', AccountId: accounts[1], OwnerId: owner, StageName: 'Closed Won' });
  sf.insert('OpportunityContactRole', {
    OpportunityId: opp,
    ContactId: contacts[0],
    Role: 'Decision Maker',
    IsPrimary: true,
  });
});

beforeEach(() => {
  logs = [];
  sf.resetCounts();
  sf.clearFaults();
  sf.clearValidationRules();
});

afterAll(async () => {
  await sf.close();
});

describe('connection', () => {
  test('client credentials, userinfo, describeGlobal and the permission set: four requests, the user id and org id', async () => {
    const g = gateway();
    const check = await g.checkConnection();
    expect(check).toMatchObject({ ok: true, userId: sf.userId, unreadable: [], ignoreGuard: 'on' });
    expect(check.checked).toEqual([
      'Account',
      'Contact',
      'Lead',
      'Opportunity',
      'OpportunityContactRole',
      'Task',
      'User',
      'UserRole',
    ]);
    expect(await g.instanceId()).toBe(sf.orgId);
    expect(sf.counts().byKind).toEqual({ token: 1, userinfo: 1, describeGlobal: 1, query: 1 });
    expect(g.requestCounts().total).toBe(4);
  });

  test("the integration user without the NavSync Integration permission set: the platform's Ignore guard is reported off", async () => {
    sf.integrationPermission = false;
    try {
      expect((await gateway().checkConnection()).ignoreGuard).toBe('off');
    } finally {
      sf.integrationPermission = true;
    }
    expect((await gateway().checkConnection()).ignoreGuard).toBe('on');
    sf.hideObject('PermissionSetAssignment');
    try {
      expect(await gateway().checkConnection()).toMatchObject({ ok: true, ignoreGuard: 'unknown' });
    } finally {
      sf.hideObject('PermissionSetAssignment', false);
    }
  });

  test('objects the user cannot see → OBJECTS_UNREADABLE naming them', async () => {
    sf.hideObject('Task');
    sf.hideObject('UserRole');
    try {
      const check = await gateway().checkConnection();
      expect(check.ok).toBe(false);
      expect(check.unreadable).toEqual(['Task', 'UserRole']);
      expect(check.error?.kind).toBe('OBJECTS_UNREADABLE');
    } finally {
      sf.hideObject('Task', false);
      sf.hideObject('UserRole', false);
    }
  });

  test('wrong client secret → CRM_SIGN_IN; nothing listening → CONNECT_FAILED', async () => {
    const bad = await gateway({ clientSecret: 'not-the-secret' }).checkConnection();
    expect(bad.error?.kind).toBe('CRM_SIGN_IN');
    expect(bad.error?.detail).toMatch(/invalid_client/);
    const down = await new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: `http://127.0.0.1:${await closedPort()}`,
      accessToken: 'x-token-value',
      retry: { maxRetries: 0 },
    }).checkConnection();
    expect(down.error?.kind).toBe('CONNECT_FAILED');
    expect(down.error?.detail).toMatch(/ECONNREFUSED/);
  });

  test('an expired session is re-minted once and the call succeeds', async () => {
    const g = gateway();
    await g.checkConnection();
    sf.expireTokens();
    const users = await all(g.users({ ids: [owner] }));
    expect(users).toEqual([{ id: owner, name: 'Anna de Vries', email: 'anna@example.com', active: true }]);
    expect(sf.counts().byKind.token).toBe(2);
  });
});

describe('queries', () => {
  test('SOQL paging follows query locators; fields mapped (namespace, Account.Name, flag)', async () => {
    const g = gateway();
    const pages: number[] = [];
    for await (const p of g.people({ kind: 'contact' })) pages.push(p.length);
    expect(pages).toEqual([500, 500, 200]);
    expect(sf.counts().byKind).toMatchObject({ query: 1, queryMore: 2 });
    const [first] = await all(g.people({ kind: 'contact', ids: [contacts[0]] }));
    expect(first).toMatchObject({
      id: contacts[0],
      kind: 'contact',
      lastName: "O'Brien \\ Test",
      accountId: accounts[0],
      companyName: 'Compagnie 0 S.A.',
      notAtCompany: 'notAtCompany',
      ownerId: owner,
    });
    expect(sf.log.find((l) => l.kind === 'query')?.path).toContain('navsync__Not_At_Company__c');
  });

  test('filters: id lists chunked, flag values, never synced or older, NavSync data, converted leads excluded', async () => {
    const g = gateway();
    const some = await all(g.people({ kind: 'contact', ids: contacts.slice(0, 450) }));
    expect(some).toHaveLength(450);
    expect(sf.counts().byKind.query).toBe(3); // 200 + 200 + 50 ids
    expect(await all(g.people({ kind: 'contact', notAtCompany: ['ignore'] }))).toHaveLength(120);
    expect(await all(g.people({ kind: 'contact', notAtCompany: ['notAtCompany', 'noFeedback'] }))).toHaveLength(1080);
    expect(await all(g.people({ kind: 'contact', syncedBefore: '2026-11-22T12:00:00Z' }))).toHaveLength(1200);
    expect(await all(g.people({ kind: 'contact', syncedBefore: '2026-11-21T12:00:00Z' }))).toHaveLength(1100);
    expect(await all(g.people({ kind: 'contact', withNavSyncData: true }))).toHaveLength(100 + 240 - 20); // synced, or flagged (20 of the flagged are also synced)
    expect(await all(g.people({ kind: 'contact', accountIds: [accounts[3]], ownerIds: [owner] }))).toHaveLength(60);
    expect(await all(g.people({ kind: 'lead' }))).toHaveLength(29);
    expect(await all(g.people({ kind: 'lead', accountIds: [accounts[0]] }))).toHaveLength(0);
    const before = sf.counts().total;
    expect(await all(g.people({ kind: 'contact', ids: contacts.slice(0, 5), ownerIds: [] }))).toHaveLength(0);
    expect(await all(g.opportunities({ ids: [], ownerIds: [owner] }))).toHaveLength(0);
    expect(sf.counts().total).toBe(before); // empty filters cost no request
  });

  test('opportunities, ordered stages, contact roles and users', async () => {
    const g = gateway();
    const open = await all(g.opportunities({ ownerIds: [owner], openOnly: true }));
    expect(open.map((o) => [o.name, o.stage, o.isClosed])).toEqual([['Deal', 'Needs Analysis', false]]);
    const stages = await g.opportunityStages();
    expect(stages.map((s) => s.name)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost',
    ]);
    expect(stages[5]).toMatchObject({ isClosed: true, isWon: true });
    const roles = await all(g.contactRoles([open[0].id]));
    expect(roles).toEqual([
      { opportunityId: open[0].id, contactId: contacts[0], role: 'Decision Maker', isPrimary: true },
    ]);
    expect(await all(g.contactRoles([]))).toEqual([]);
  });

  test('text in SOQL is escaped: an injection-looking key matches nothing and breaks nothing', async () => {
    expect(soqlString('O\'Brien \\ "x"\n')).toBe("'O\\'Brien \\\\ \\\"x\\\"\\n'");
    const g = gateway();
    const hits = await all(g.activities({ keys: ["x' OR Id != null OR Subject = '", 'plain'] }));
    expect(hits).toEqual([]);
    expect(sf.log.filter((l) => l.kind === 'query').every((l) => l.status === 200)).toBe(true);
  });
});

describe('Bulk API 2.0 query', () => {
  test('the double follows the contract: job state, results sets of maxRecords with Sforce-Locator and Sforce-NumberOfRecords', async () => {
    const base = `${sf.url}/services/data/v${sf.version}/jobs/query`;
    const token = sf.issueToken();
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const created = await fetch(base, {
      method: 'POST',
      headers,
      body: JSON.stringify({ operation: 'query', query: 'SELECT Id, Account.Name FROM Contact' }),
    });
    const job = (await created.json()) as { id: string; state: string; object: string };
    expect(job).toMatchObject({ state: 'UploadComplete', object: 'Contact' });
    const early = await fetch(`${base}/${job.id}/results`, { headers });
    expect(early.status).toBe(400);
    expect(await (await fetch(`${base}/${job.id}`, { headers })).json()).toMatchObject({
      state: 'JobComplete',
      numberRecordsProcessed: 1200,
    });
    const sets: { count: string | null; locator: string | null; lines: string[] }[] = [];
    for (let locator = ''; locator !== 'null';) {
      const res = await fetch(`${base}/${job.id}/results?maxRecords=500${locator ? `&locator=${locator}` : ''}`, {
        headers,
      });
      expect(res.headers.get('content-type')).toContain('text/csv');
      const lines = (await res.text()).trim().split('\n');
      sets.push({
        count: res.headers.get('sforce-numberofrecords'),
        locator: res.headers.get('sforce-locator'),
        lines,
      });
      locator = res.headers.get('sforce-locator') ?? 'null';
    }
    expect(sets.map((s) => [s.count, s.lines.length - 1])).toEqual([
      ['500', 500],
      ['500', 500],
      ['200', 200],
    ]);
    expect(sets[2].locator).toBe('null');
    expect(sets[0].lines[0]).toBe('Id,Account.Name');
    expect(sets[0].lines[1]).toBe(`${contacts[0]},Compagnie 0 S.A.`);
    expect((await fetch(`${base}/${job.id}/results?locator=bm9wZQ`, { headers })).status).toBe(400);
    // A finished job cannot be aborted; it can be deleted.
    expect(
      (await fetch(`${base}/${job.id}`, { method: 'PATCH', headers, body: JSON.stringify({ state: 'Aborted' }) }))
        .status,
    ).toBe(400);
    expect((await fetch(`${base}/${job.id}`, { method: 'DELETE', headers })).status).toBe(204);
    expect((await fetch(`${base}/${job.id}`, { headers })).status).toBe(404);
  });

  test('a large scope is read through one query job instead of a chain of query pages; the records are the same', async () => {
    const paged = await all(gateway().people({ kind: 'contact' }));
    sf.resetCounts();
    const g = gateway({ bulkQueryThreshold: 1000, bulkQueryMaxRecords: 700 });
    const bulk = await all(g.people({ kind: 'contact' }));
    expect(bulk).toEqual(paged);
    // The first query page tells the size; then create, poll, and two results sets of at most 700.
    expect(sf.counts().byKind).toEqual({
      token: 1,
      query: 1,
      bulkQueryCreate: 1,
      bulkQueryPoll: 1,
      bulkQueryResults: 2,
    });
    expect(sf.queryJobs.resultSets.slice(-2).map((r) => [r.maxRecords, r.records])).toEqual([
      [700, 700],
      [700, 500],
    ]);
    // Under the threshold the query pages stay.
    sf.resetCounts();
    expect(await all(g.people({ kind: 'lead' }))).toHaveLength(29);
    expect(sf.counts().byKind).toEqual({ query: 1 });
  });

  test('a large scope read in bulk hands on its first query page at once, before the job answers; each record comes once', async () => {
    const paged = await all(gateway().people({ kind: 'contact' }));
    sf.resetCounts();
    const sets = sf.queryJobs.resultSets.length;
    const pages = gateway({ bulkQueryThreshold: 1000 }).people({ kind: 'contact' })[Symbol.asyncIterator]();
    const first = await pages.next();
    // The caller can start on 500 records while the job is created and run.
    expect(first.value).toHaveLength(500);
    expect(sf.counts().byKind.bulkQueryResults ?? 0).toBe(0);
    const rest: CrmPerson[] = [];
    for (let p = await pages.next(); !p.done; p = await pages.next()) rest.push(...p.value);
    expect([...(first.value as CrmPerson[]), ...rest]).toEqual(paged);
    // The job's first results set is a small one (the caller waits for it); the next ones are larger.
    expect(sf.queryJobs.resultSets[sets].maxRecords).toBe(10_000);
  });

  test("one owner's records stream page by page: the first page is handed on before the last is read", async () => {
    sf.resetCounts();
    const pages = gateway()
      .people({ kind: 'contact', ownerIds: [owner] })
      [Symbol.asyncIterator]();
    const first = await pages.next();
    expect(first.value).toHaveLength(500);
    // 1,200 records in pages of 500: the two pages after the first are read only when asked for.
    expect(sf.counts().byKind.queryMore ?? 0).toBe(0);
    let n = (first.value as CrmPerson[]).length;
    for (let p = await pages.next(); !p.done; p = await pages.next()) n += p.value.length;
    expect(n).toBe(1200);
    expect(sf.counts().byKind.queryMore).toBe(2);
  });

  test('a bulk-read record keeps its types: booleans, numbers, an empty parent is null', async () => {
    // Pages of one record, so that even these few make a query of several pages.
    const small = await SalesforceDouble.start({ queryPageSize: 1 });
    try {
      const boss = small.insert('User', { Name: 'Boss', IsActive: true }).Id;
      const acc = small.insert('Account', { Name: 'Acme', OwnerId: boss, NumberOfEmployees: 12 }).Id;
      small.insert('Opportunity', {
        Name: 'Deal',
        AccountId: acc,
        OwnerId: boss,
        StageName: 'Needs Analysis',
        Amount: 1000,
        IsClosed: false,
        IsWon: false,
      });
      small.insert('Opportunity', {
        Name: 'Won deal',
        AccountId: acc,
        OwnerId: boss,
        StageName: 'Closed Won',
        IsClosed: true,
        IsWon: true,
      });
      small.insert('Contact', { LastName: 'Alone', OwnerId: boss });
      small.insert('Contact', { LastName: 'At Acme', AccountId: acc, OwnerId: boss });
      const g = new SalesforceGateway({
        outbound: { allowLoopback: true },
        instanceUrl: small.url,
        clientId: small.clientId,
        clientSecret: small.clientSecret,
        bulkPollIntervalMs: 10,
        bulkQueryThreshold: 0,
      });
      const opps = await all(g.opportunities({ ownerIds: [boss] }));
      expect(opps.map((o) => [o.name, o.isClosed, o.isWon, o.amount])).toEqual([
        ['Deal', false, false, 1000],
        ['Won deal', true, true, null],
      ]);
      expect(await all(g.accounts({ ownerIds: [boss] }))).toMatchObject([{ name: 'Acme', employees: 12 }]);
      const people = await all(g.people({ kind: 'contact', ownerIds: [boss] }));
      expect(people.map((p) => [p.lastName, p.accountId, p.companyName, p.email])).toEqual([
        ['Alone', null, null, null],
        ['At Acme', acc, 'Acme', null],
      ]);
      expect(small.counts().byKind.bulkQueryCreate).toBe(2); // the one account fits on a single page
    } finally {
      await small.close();
    }
  });

  test('429 storms on every request of a query job are retried: the same records, nothing read twice', async () => {
    const paged = await all(gateway().people({ kind: 'contact' }));
    const g = gateway({ bulkQueryThreshold: 1000, bulkQueryMaxRecords: 500 });
    const tooMany = '[{"errorCode":"REQUEST_LIMIT_EXCEEDED","message":"Too many requests"}]';
    for (const kind of ['bulkQueryCreate', 'bulkQueryPoll', 'bulkQueryResults'])
      sf.failNext(2, { status: 429, body: tooMany, kinds: [kind] });
    const bulk = await all(g.people({ kind: 'contact' }));
    expect(bulk).toEqual(paged);
    expect(sf.log.filter((l) => l.status === 429)).toHaveLength(6);
    expect(sf.queryJobs.resultSets.slice(-3).map((r) => r.records)).toEqual([500, 500, 200]);
  });

  test('a query job that fails is reported; one the reader leaves early is deleted, or aborted while it runs', async () => {
    const g = gateway({ bulkQueryThreshold: 1000, bulkQueryMaxRecords: 500 });
    const pages = g.people({ kind: 'contact' })[Symbol.asyncIterator]();
    const first = await pages.next();
    expect(first.done).toBe(false);
    await pages.return?.(undefined);
    expect(sf.counts().byKind.bulkQueryDelete).toBe(1);
    sf.failNext(1, {
      kinds: ['bulkQueryPoll'],
      status: 500,
      body: '[{"errorCode":"SERVER_UNAVAILABLE","message":"down"}]',
    });
    await expect(
      all(gateway({ bulkQueryThreshold: 1000, retry: { maxRetries: 0 } }).people({ kind: 'contact' })),
    ).rejects.toThrow(/SERVER_UNAVAILABLE/);
    expect(sf.counts().byKind.bulkQueryAbort).toBe(1);
    sf.failNext(1, {
      kinds: ['bulkQueryPoll'],
      status: 200,
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ id: '750x', state: 'Failed', errorMessage: 'InvalidBatch' }),
    });
    await expect(all(g.people({ kind: 'contact' }))).rejects.toThrow(/bulk query 750x Failed: InvalidBatch/);
  });
});

describe('writes', () => {
  const flag = () => sf.f(SF.person.notAtCompany);

  test('≤ 200 records: one sObject Collections call; per-record validation failures reported, the rest saved, null clears', async () => {
    const g = gateway();
    sf.addValidationRule((object, r) =>
      object === 'Contact' && !r.Email ? 'Email is required for NavSync updates' : null,
    );
    const noEmail = sf.insert('Contact', { LastName: 'NoMail', AccountId: accounts[0] }).Id;
    const updates: PersonUpdate[] = contacts.slice(200, 349).map((id) => ({
      id,
      kind: 'contact',
      fields: { notAtCompany: 'notAtCompany', validatedAt: '2026-11-22T10:00:00.000Z' },
    }));
    updates.push({ id: noEmail, kind: 'contact', fields: { notAtCompany: 'notAtCompany' } });
    updates.push({ id: contacts[10], kind: 'contact', fields: { notAtCompany: 'noFeedback' } });
    const res = await g.updatePeople(updates);
    expect(g.engineFor(updates.length)).toBe('collections');
    expect(sf.counts().byKind.collections).toBe(1);
    expect(res.succeeded).toHaveLength(150);
    expect(res.failed).toEqual([
      { ref: noEmail, code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'Email is required for NavSync updates' },
    ]);
    expect(sf.get('Contact', contacts[200])?.[flag()]).toBe('Not at Company');
    expect(sf.get('Contact', contacts[10])?.[flag()]).toBeNull();
  });

  test('10,000 records: a single Bulk API 2.0 job (create + upload + close + poll + failed results), per-record failures', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 10_000; i++)
      ids.push(sf.insert('Contact', { LastName: `Bulk${i}`, Email: i % 2500 === 7 ? null : `b${i}@example.com` }).Id);
    sf.addValidationRule((object, r) =>
      object === 'Contact' && !r.Email ? 'Email is required for NavSync updates' : null,
    );
    const g = gateway();
    const res = await g.updatePeople(
      ids.map((id) => ({ id, kind: 'contact', fields: { notAtCompany: 'notAtCompany', matchSource: null } })),
    );
    expect(sf.counts().byKind).toEqual({
      token: 1,
      bulkCreate: 1,
      bulkUpload: 1,
      bulkClose: 1,
      bulkPoll: 1,
      bulkResults: 1,
    });
    expect(sf.bulkJobs()).toHaveLength(1);
    expect(res.succeeded).toHaveLength(9_996);
    expect(res.failed).toHaveLength(4);
    expect(res.failed[0]).toEqual({
      ref: ids[7],
      code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Email is required for NavSync updates',
    });
    expect(res.unprocessed).toEqual([]);
    expect(sf.get('Contact', ids[8])?.[flag()]).toBe('Not at Company');
    expect(sf.get('Contact', ids[7])?.[flag()]).toBeUndefined();
    expect(g.minimumWriteRequests(10_000)).toBe(4);
  });

  test('150,000 contacts and leads in one apply: one Bulk job per object, streamed, every record reported (no call-stack limit)', async () => {
    const flagged: PersonUpdate[] = [];
    for (let i = 0; i < 140_000; i++)
      flagged.push({
        id: sf.insert('Contact', { LastName: `Many${i}` }).Id,
        kind: 'contact',
        fields: { notAtCompany: 'notAtCompany' },
      });
    for (let i = 0; i < 10_000; i++)
      flagged.push({
        id: sf.insert('Lead', { LastName: `Lead${i}`, Company: 'Contoso' }).Id,
        kind: 'lead',
        fields: { notAtCompany: 'ignore' },
      });
    const before = sf.bulkJobs().length;
    const res = await gateway().updatePeople(flagged);
    expect(
      sf
        .bulkJobs()
        .slice(before)
        .map((j) => [j.object, j.operation]),
    ).toEqual([
      ['Contact', 'update'],
      ['Lead', 'update'],
    ]);
    expect(res.succeeded).toHaveLength(150_000);
    expect(new Set(res.succeeded)).toEqual(new Set(flagged.map((u) => u.id)));
    expect(res.failed).toEqual([]);
    expect(sf.get('Contact', flagged[139_999].id)?.[flag()]).toBe('Not at Company');
    expect(sf.get('Lead', flagged[149_999].id)?.[flag()]).toBe('Ignore');
  });

  test('activities upsert by key: Collections then Bulk; reruns never double a task', async () => {
    const g = gateway();
    const acts = (n: number, prefix: string): ActivityRecord[] =>
      Array.from({ length: n }, (_, i) => ({
        key: `${prefix}-${i}`,
        type: i % 2 ? 'inmail' : 'message',
        ownerId: owner,
        ...(i % 3 ? { person: { id: contacts[i], kind: 'contact' as const } } : {}),
        relatedToId: accounts[0],
        subject: `LinkedIn ${i}`,
        body: 'Bonjour, « merci » — ça va?',
        occurredAt: '2026-11-20T09:30:00.000Z',
        completed: i % 3 !== 0,
        personName: `Jean${i}`,
        personUrn: `urn:li:person:p${i}`,
      }));
    const first = await g.upsertActivities(acts(5, 'small'));
    expect(first.created).toHaveLength(5);
    const again = await g.upsertActivities(acts(5, 'small'));
    expect(again.succeeded).toHaveLength(5);
    expect(again.created).toEqual([]);
    await g.upsertActivities(acts(300, 'big'));
    await g.upsertActivities(acts(300, 'big'));
    const tasks = sf.all('Task');
    expect(tasks).toHaveLength(305);
    expect(sf.counts().byKind.bulkCreate).toBe(2);
    const t0 = tasks.find((t) => t[sf.f(SF.task.activityKey)] === 'small-0');
    expect(t0).toMatchObject({
      Status: 'Open',
      IsClosed: false,
      WhoId: null,
      WhatId: accounts[0],
      [sf.f(SF.task.activityType)]: 'Message',
    });
    const t1 = tasks.find((t) => t[sf.f(SF.task.activityKey)] === 'big-1');
    expect(t1).toMatchObject({ Status: 'Completed', WhoId: contacts[1], Description: 'Bonjour, « merci » — ça va?' });
    const unresolved = await all(g.activities({ unresolvedOnly: true }));
    expect(unresolved.map((a) => a.key).sort()).toEqual(
      [...Array.from({ length: 100 }, (_, i) => `big-${i * 3}`), 'small-0', 'small-3'].sort(),
    );
  });

  test('Bulk uploads split at the size limit keep every value exactly: quotes, commas, line breaks, formulas, edge spaces', async () => {
    const nasty = [
      'say "hi", then go',
      'line one\nline two\r\nthree',
      '=HYPERLINK("x")',
      '  padded  ',
      '#N/A',
      '',
      'Ünïcödé « ça » 日本 🙂',
      ',',
      '"',
    ];
    const acts: ActivityRecord[] = Array.from({ length: 90 }, (_, i) => ({
      key: `split-${i}`,
      type: 'note',
      ownerId: owner,
      relatedToId: accounts[2],
      subject: `S${i} ${nasty[i % nasty.length]}`,
      body: nasty[(i * 7) % nasty.length].repeat(1 + (i % 4)),
      occurredAt: '2026-11-20T09:30:00.000Z',
      completed: true,
      personName: `P${i}`,
      personUrn: `urn:li:person:s${i}`,
    }));
    const before = sf.bulkJobs().length;
    const res = await gateway({ bulkThreshold: 1, bulkMaxUploadBytes: 3000 }).upsertActivities(acts);
    expect(res.failed).toEqual([]);
    const jobs = sf.bulkJobs().slice(before);
    expect(jobs.length).toBeGreaterThan(2);
    for (const j of jobs) expect(Buffer.byteLength(j.csv)).toBeLessThanOrEqual(3000);
    const byKey = new Map(sf.all('Task').map((t) => [t[sf.f(SF.task.activityKey)], t]));
    for (const a of acts) {
      const t = byKey.get(a.key);
      expect([t?.Subject, t?.Description]).toEqual([a.subject, a.body === '' ? undefined : a.body]);
    }
  });

  test('settings and seats round-trip; clean-up deletes NavSync rows only', async () => {
    const g = gateway();
    expect((await g.readSettings()).id).toBeNull();
    await g.writeSettings({
      pipelineStage: 'Needs Analysis',
      writeBackEnabled: true,
      writeBackItems: ['inmail', 'call'],
      dataValidationEnabled: true,
    });
    await g.writeStatus({
      connected: true,
      lastSyncedAt: '2026-11-22T10:00:00.000Z',
      lastRunSummary: '12 flags',
      exportCursor: 1763800000000,
    });
    const s = await g.readSettings();
    expect(s).toMatchObject({
      pipelineStage: 'Needs Analysis',
      writeBackEnabled: true,
      writeBackItems: ['inmail', 'call'],
      dataValidationEnabled: true,
      connected: true,
      lastRunSummary: '12 flags',
      exportCursor: 1763800000000,
    });
    expect(sf.all(sf.f(SF.settings.object))).toHaveLength(1);
    await g.writeSeats([{ userId: owner, enabled: true, writeBackOptOut: [] }]);
    await g.writeSeats([
      { userId: owner, enabled: true, writeBackOptOut: ['inmail', 'call'] },
      { userId: sf.userId, enabled: false, writeBackOptOut: [] },
    ]);
    const seats = await g.readSeats();
    expect(seats.map((x) => [x.userId, x.enabled, x.writeBackOptOut]).sort()).toEqual(
      [
        [owner, true, ['inmail', 'call']],
        [sf.userId, false, []],
      ].sort(),
    );
    const del = await g.deleteNavSyncRecords('seats');
    expect(del.succeeded).toHaveLength(2);
    expect(await g.readSeats()).toEqual([]);
    await g.deleteNavSyncRecords('settings');
    expect((await g.readSettings()).id).toBeNull();
  });
});

describe('error shapes → catalogue', () => {
  test.each([
    [403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.', 'API_ERROR'],
    [403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User', 'INSUFFICIENT_ACCESS'],
    [403, 'INSUFFICIENT_ACCESS', 'insufficient access rights on object id', 'INSUFFICIENT_ACCESS'],
    [400, 'INVALID_TYPE', "sObject type 'Contact' is not supported.", 'OBJECTS_UNREADABLE'],
    [400, 'MALFORMED_QUERY', 'unexpected token', 'API_ERROR'],
  ])('%i %s → %s', async (status, errorCode, message, kind) => {
    const g = gateway();
    await g.checkConnection();
    sf.failNext(1, { status, body: JSON.stringify([{ errorCode, message, fields: [] }]), kinds: ['query'] });
    const err = await all(g.people({ kind: 'contact', ids: [contacts[1]] })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind });
    expect((err as { detail: string }).detail).toBe(`Salesforce query: ${errorCode}: ${message}`);
  });

  test('5xx on a query is retried by the client and succeeds', async () => {
    const g = gateway();
    sf.failNext(2, {
      status: 503,
      body: '[{"errorCode":"SERVER_UNAVAILABLE","message":"try later"}]',
      kinds: ['query'],
    });
    expect(await all(g.people({ kind: 'contact', ids: [contacts[1]] }))).toHaveLength(1);
    expect(sf.counts().byKind.query).toBe(3);
  });
});

describe('hygiene', () => {
  test('no credential or token in any log line; only 127.0.0.1 reached', async () => {
    const g = gateway();
    await g.checkConnection();
    sf.expireTokens();
    await all(g.users({}));
    expect(logs.length).toBeGreaterThan(2);
    const text = logs.join('\n');
    expect(text).not.toContain(sf.clientSecret);
    expect(text).not.toMatch(/00D![A-Za-z0-9_-]{10,}/);
    expect(g.endpoints().every((u) => new URL(u).hostname === '127.0.0.1')).toBe(true);
    expect(nonLoopback(guard.hosts)).toEqual([]);
  });
});
