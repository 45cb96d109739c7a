import { DataverseGateway } from '../../src/crm/dataverse';
import type { ActivityRecord, CrmGateway } from '../../src/crm/gateway';
import { SalesforceGateway } from '../../src/crm/salesforce';
import { DV, SF } from '../../src/domain/crmSchema';
import { planTestWriteBack } from '../../src/domain/testWriteBack/plan';
import { DataverseDouble } from '../../src/doubles/dataverseDouble';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { all } from '../../src/sync/context';
import { guardLoopback } from '../doubles/loopbackGuard';

/**
 * The gateway writes Test Write-Back and re-resolution need, against both doubles: the test contact, deleting only
 * the test's own activities, and completing an open activity by key without touching its subject or body.
 */
const guard = guardLoopback();
afterAll(() => guard.restore());

let sf: SalesforceDouble;
let dv: DataverseDouble;
beforeAll(async () => {
  [sf, dv] = await Promise.all([SalesforceDouble.start(), DataverseDouble.start()]);
});
afterAll(async () => {
  await Promise.all([sf.close(), dv.close()]);
});

interface World {
  gw: CrmGateway;
  owner: string;
  contact: string;
  /** The double's view of an activity row by key: person, completed, subject, body. */
  row(key: string): { person: string | null; completed: boolean; subject: unknown; body: unknown } | null;
  contactExists(id: string): boolean;
  /** Someone deletes the activity in the CRM (through the platform's REST API). */
  remove(id: string): Promise<void>;
}

function salesforce(): World {
  const owner = sf.insert('User', { Name: 'Anna de Vries', Email: 'anna@example.com', IsActive: true }).Id;
  const account = sf.insert('Account', { Name: 'Compagnie S.A.', OwnerId: owner }).Id;
  const contact = sf.insert('Contact', {
    FirstName: 'Jean',
    LastName: 'Dupont',
    AccountId: account,
    OwnerId: owner,
  }).Id;
  const key = sf.f(SF.task.activityKey);
  return {
    gw: new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      bulkPollIntervalMs: 10,
    }),
    owner,
    contact,
    row: (k) => {
      const t = sf.all('Task').find((x) => x[key] === k);
      return t
        ? {
            person: (t.WhoId as string) ?? null,
            completed: Boolean(t.IsClosed),
            subject: t.Subject,
            body: t.Description,
          }
        : null;
    },
    contactExists: (id) => Boolean(sf.get('Contact', id)),
    remove: async (id) => {
      const res = await fetch(`${sf.url}/services/data/v${sf.version}/sobjects/Task/${id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${sf.issueToken()}` },
      });
      expect(res.status).toBe(204);
    },
  };
}

function dataverse(): World {
  const owner = String(
    dv.insert('systemuser', { fullname: 'Luca Bianchi', internalemailaddress: 'luca@example.com', isdisabled: false })
      .systemuserid,
  );
  const account = String(
    dv.insert('account', { name: 'Bianchi S.r.l.', _ownerid_value: owner, statecode: 0 }).accountid,
  );
  const contact = String(
    dv.insert('contact', {
      firstname: 'Giulia',
      lastname: 'Rossi',
      _parentcustomerid_value: account,
      _ownerid_value: owner,
      statecode: 0,
    }).contactid,
  );
  return {
    gw: new DataverseGateway({
      outbound: { allowLoopback: true },
      url: dv.url,
      getToken: async () => dv.issueToken(),
      sleep: async () => undefined,
    }),
    owner,
    contact,
    row: (k) => {
      const t = dv.all(DV.activity.inmailTable).find((x) => x[DV.activity.activityKey] === k);
      return t
        ? {
            person: (t._regardingobjectid_value as string) ?? null,
            completed: t.statecode === 1,
            subject: t.subject,
            body: t.description,
          }
        : null;
    },
    contactExists: (id) => Boolean(dv.get('contact', id)),
    remove: async (id) => {
      const res = await fetch(`${dv.apiUrl}/navsync_inmails(${id})`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${dv.issueToken()}` },
      });
      expect(res.status).toBe(204);
    },
  };
}

const open = (key: string, owner: string): ActivityRecord => ({
  key,
  type: 'inmail',
  ownerId: owner,
  subject: 'Sales Navigator InMail: Kennismaking',
  body: 'Beste Jan, dank voor uw tijd.',
  occurredAt: '2026-11-20T09:00:00.000Z',
  completed: false,
  personName: 'Jan Jansen',
  personUrn: 'urn:li:person:jan',
});

describe.each([
  ['salesforce', salesforce],
  ['dataverse', dataverse],
] as const)('%s gateway', (_name, make) => {
  test('resolveActivities completes an open activity on its person by key; subject and body stay as written', async () => {
    const w = make();
    const key = `sn-inmail-resolve-${_name}`;
    expect((await w.gw.upsertActivities([open(key, w.owner)])).succeeded).toEqual([key]);
    const [read] = await all(w.gw.activities({ keys: [key] }));
    const r = await w.gw.resolveActivities([
      { key, id: read.id, type: 'inmail', person: { id: w.contact, kind: 'contact' }, completed: true },
    ]);
    expect(r).toMatchObject({ succeeded: [key], failed: [] });
    expect(w.row(key)).toEqual({
      person: w.contact,
      completed: true,
      subject: 'Sales Navigator InMail: Kennismaking',
      body: 'Beste Jan, dank voor uw tijd.',
    });
  });

  test('the test contact is created and removed; only test keys are ever deleted', async () => {
    const w = make();
    const plan = planTestWriteBack({
      crm: w.gw.kind,
      settings: { writeBackEnabled: true, writeBackItems: ['inmail'] },
      ownerId: w.owner,
      runAt: '2026-11-22T10:00:00Z',
      locale: 'nl',
    });
    const created = await w.gw.createTestContact(plan.contact);
    if (!created.ok) throw new Error(`contact refused: ${created.code} ${created.message}`);
    expect(w.contactExists(created.id)).toBe(true);

    const realKey = `sn-inmail-written-back-${_name}`;
    const testKey = plan.cleanup[0].step === 'deleteActivity' ? plan.cleanup[0].key : '';
    expect(testKey).toMatch(/^sn-inmail-navsync-test-/);
    await w.gw.upsertActivities([open(realKey, w.owner), open(testKey, w.owner)]);
    const del = await w.gw.deleteTestActivities([
      { key: realKey, type: 'inmail' },
      { key: testKey, type: 'inmail' },
    ]);
    expect(del.succeeded).toEqual([testKey]);
    expect(del.failed).toEqual([
      { ref: realKey, code: 'NOT_A_TEST_ACTIVITY', message: expect.stringMatching(/never/) },
    ]);
    expect(w.row(realKey)).not.toBeNull(); // a written-back activity is never deleted
    expect(w.row(testKey)).toBeNull();
    // Deleting again: already gone counts as removed (nothing is left behind).
    expect((await w.gw.deleteTestActivities([{ key: testKey, type: 'inmail' }])).succeeded).toEqual([testKey]);

    expect((await w.gw.deleteTestContact(created.id)).succeeded).toHaveLength(1);
    expect(w.contactExists(created.id)).toBe(false);
  });

  test('a refused test contact comes back with the platform code and message', async () => {
    const w = make();
    const plan = planTestWriteBack({
      crm: w.gw.kind,
      settings: { writeBackEnabled: true, writeBackItems: 'all' },
      ownerId: w.owner,
      runAt: '2026-11-22T10:00:00Z',
      locale: 'en',
    });
    if (_name === 'salesforce') {
      // Contact.LastName is required by the platform itself.
      expect(await w.gw.createTestContact({ ...plan.contact, lastName: '' })).toMatchObject({
        ok: false,
        code: 'REQUIRED_FIELD_MISSING',
        fields: ['LastName'],
      });
      return;
    }
    // Dataverse enforces no required level through the Web API: a business rule / plug-in is what refuses.
    dv.addValidationRule((table) => (table === 'contact' ? 'Contacts need an e-mail address.' : null));
    try {
      expect(await w.gw.createTestContact(plan.contact)).toEqual({
        ok: false,
        httpStatus: 400,
        code: '0x80040265',
        message: 'Contacts need an e-mail address.',
      });
    } finally {
      dv.clearValidationRules();
    }
  });
});

test.each([
  // Salesforce answers ENTITY_IS_DELETED for a record in the recycle bin, INVALID_CROSS_REFERENCE_KEY once it is gone.
  ['salesforce', salesforce, expect.stringMatching(/^(ENTITY_IS_DELETED|INVALID_CROSS_REFERENCE_KEY)$/)],
  ['dataverse', dataverse, '0x80040217'],
])(
  '%s: resolving an activity deleted since it was read updates nothing and creates nothing',
  async (name, make, code) => {
    const w = make();
    const key = `sn-inmail-gone-${name}`;
    await w.gw.upsertActivities([open(key, w.owner)]);
    const [read] = await all(w.gw.activities({ keys: [key] }));
    // Someone deletes the open activity between the read and the write.
    await w.remove(read.id);
    const r = await w.gw.resolveActivities([
      { key, id: read.id, type: 'inmail', person: { id: w.contact, kind: 'contact' }, completed: true },
    ]);
    expect(r.succeeded).toEqual([]);
    expect(r.failed).toEqual([expect.objectContaining({ ref: key, code })]);
    expect(w.row(key)).toBeNull();
  },
);
