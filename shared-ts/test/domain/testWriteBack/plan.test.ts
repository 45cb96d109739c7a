import {
  planTestWriteBack,
  planTestActivities,
  testContactSalesforce,
  testContactDataverse,
  type TestWriteBackInput,
} from '../../../src/domain/testWriteBack/index';
import { activityKey, salesforceTask, dataverseActivity } from '../../../src/domain/writeback/index';

function input(over: Partial<TestWriteBackInput> = {}): TestWriteBackInput {
  return {
    crm: 'salesforce',
    settings: { writeBackEnabled: true, writeBackItems: 'all' },
    ownerId: '005ADMINMARIE',
    runAt: '2026-11-22T06:15:00.123Z',
    locale: 'en',
    ...over,
  };
}

describe('planTestWriteBack', () => {
  test('all items: one test contact, one activity per kind, clean-up in order', () => {
    const p = planTestWriteBack(input());
    expect(p.ok).toBe(true);
    expect(p.runId).toBe('navsync-test-20261122t061500z');
    expect(p.kinds).toEqual(['inmail', 'message', 'note', 'call']);
    expect(p.contact).toEqual({
      firstName: 'NavSync',
      lastName: 'Test Write-Back 20261122t061500z',
      email: null,
      description: expect.stringContaining('NavSync Test Write-Back'),
      ownerId: '005ADMINMARIE',
      accountId: null,
    });
    expect(p.activities.map((a) => [a.id, a.kind, a.channel])).toEqual([
      ['navsync-test-20261122t061500z-inmail', 'inmail', 'desktop'],
      ['navsync-test-20261122t061500z-message', 'message', 'desktop'],
      ['navsync-test-20261122t061500z-note', 'note', 'desktop'],
      ['navsync-test-20261122t061500z-call', 'call', 'mobile'],
    ]);
    expect(p.cleanup).toEqual([
      { step: 'deleteActivity', kind: 'inmail', key: activityKey('navsync-test-20261122t061500z-inmail', 'inmail') },
      { step: 'deleteActivity', kind: 'message', key: activityKey('navsync-test-20261122t061500z-message', 'message') },
      { step: 'deleteNote', key: activityKey('navsync-test-20261122t061500z-note', 'note') },
      { step: 'deleteActivity', kind: 'note', key: activityKey('navsync-test-20261122t061500z-note', 'note') },
      { step: 'deleteActivity', kind: 'call', key: activityKey('navsync-test-20261122t061500z-call', 'call') },
      { step: 'deleteContact' },
    ]);
  });

  test('a subset tests only the enabled kinds; Dataverse has no separate note to delete', () => {
    const p = planTestWriteBack(
      input({ crm: 'dataverse', settings: { writeBackEnabled: true, writeBackItems: ['note', 'inmail'] } }),
    );
    expect(p.kinds).toEqual(['inmail', 'note']);
    expect(p.cleanup.map((c) => c.step)).toEqual(['deleteActivity', 'deleteActivity', 'deleteContact']);
  });

  test.each([
    ['write-back off', { writeBackEnabled: false, writeBackItems: 'all' as const }],
    ['no items chosen', { writeBackEnabled: true, writeBackItems: [] }],
  ])('%s → nothing to test, with a reason', (_n, settings) => {
    const p = planTestWriteBack(input({ settings }));
    expect([p.ok, p.errorKey, p.activities.length]).toEqual([false, 'testWriteBack.noItems', 0]);
  });

  test('the test is clearly named in the admin’s language', () => {
    const p = planTestWriteBack(input({ locale: 'de' }));
    expect(p.contact.lastName).toBe('Test-Rückschreiben 20261122t061500z');
    expect(p.activities[0].subject).toBe('NavSync-Test (InMail)');
    expect(p.activities[1].subject).toBe('NavSync-Test (Nachricht)');
  });

  test('same run time → same plan (reproducible); another run → other ids', () => {
    expect(planTestWriteBack(input())).toEqual(planTestWriteBack(input()));
    expect(planTestWriteBack(input({ runAt: '2026-11-22T06:16:00Z' })).runId).not.toBe(
      planTestWriteBack(input()).runId,
    );
  });

  test('the e-mail option gives the contact a reserved example.com address', () => {
    expect(planTestWriteBack(input({ includeEmail: true })).contact.email).toBe(
      'navsync-test-20261122t061500z@example.com',
    );
  });
});

describe('test records per CRM', () => {
  test('Salesforce contact, without and with e-mail and account', () => {
    const p = planTestWriteBack(input());
    expect(testContactSalesforce(p.contact)).toEqual({
      FirstName: 'NavSync',
      LastName: 'Test Write-Back 20261122t061500z',
      Description: p.contact.description,
      OwnerId: '005ADMINMARIE',
    });
    const q = planTestWriteBack(input({ includeEmail: true, accountId: '001TESTACC' }));
    expect(testContactSalesforce(q.contact)).toMatchObject({ Email: q.contact.email, AccountId: '001TESTACC' });
  });

  test('Dataverse contact', () => {
    const p = planTestWriteBack(input({ crm: 'dataverse', includeEmail: true, accountId: 'aaaa-1' }));
    expect(testContactDataverse(p.contact)).toEqual({
      firstname: 'NavSync',
      lastname: 'Test Write-Back 20261122t061500z',
      description: p.contact.description,
      'ownerid@odata.bind': '/systemusers(005ADMINMARIE)',
      emailaddress1: 'navsync-test-20261122t061500z@example.com',
      'parentcustomerid_account@odata.bind': '/accounts(aaaa-1)',
    });
  });

  test('test activities go through the real write-back rules: completed on the test contact', () => {
    const p = planTestWriteBack(input());
    const plans = planTestActivities(p, 'salesforce', '003TESTCONTACT', 'en');
    expect(plans).toHaveLength(4);
    expect(plans.every((x) => x.completed && x.person!.id === '003TESTCONTACT' && x.ownerId === '005ADMINMARIE')).toBe(
      true,
    );
    expect(plans.map((x) => x.key)).toEqual(
      p.cleanup.filter((c) => c.step === 'deleteActivity').map((c) => (c as { key: string }).key),
    );
    const task = salesforceTask(plans[0], { completedStatus: 'Completed', openStatus: 'Open' });
    expect(task.fields.Subject).toBe('Sales Navigator InMail: NavSync test (InMail)');
    expect(dataverseActivity(plans[3]).table).toBe('phonecall');
  });

  test('the reps’ opt-outs do not hide kinds from the admin’s test', () => {
    const p = planTestWriteBack(input({ settings: { writeBackEnabled: true, writeBackItems: ['call'] } }));
    expect(planTestActivities(p, 'dataverse', 'c-1', 'fr').map((x) => x.type)).toEqual(['call']);
  });
});
