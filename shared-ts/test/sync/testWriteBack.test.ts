import type { CrmGateway } from '../../src/crm/gateway';
import { DV, SF } from '../../src/domain/crmSchema';
import { t } from '../../src/domain/i18n/index';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { crmId, type DemoCrm } from '../../src/demo/ids';
import { testWriteBack } from '../../src/sync/engine';
import type { RunReport, StepReport } from '../../src/sync/report';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 12, peoplePerAccount: 4, leads: 10 });
let env: DemoEnvironment;

demoEnvironmentPerTest(data, 'navsync-twb-', (e) => {
  env = e;
});

const KINDS = ['inmail', 'message', 'note', 'call'];
const TEST_KEY = /^sn-(inmail|message|note|call)-navsync-test-/;
const step = (r: RunReport): StepReport => r.steps.find((s) => s.name === 'testWriteBack') as StepReport;

/** What the double holds: contacts, and the test activities with their kind, person and completed state. */
function crmState(crm: DemoCrm) {
  if (crm === 'salesforce') {
    const sf = env.salesforce;
    const key = sf.f(SF.task.activityKey);
    const type = sf.f(SF.task.activityType);
    return {
      contacts: sf
        .all('Contact')
        .map((c) => ({ id: c.Id, lastName: String(c.LastName), email: (c.Email as string) ?? null })),
      tests: sf
        .all('Task')
        .filter((x) => TEST_KEY.test(String(x[key])))
        .map((x) => ({
          key: String(x[key]),
          kind: String(x[type]).toLowerCase(),
          person: x.WhoId as string | null,
          completed: Boolean(x.IsClosed),
          subject: String(x.Subject),
        })),
    };
  }
  const dv = env.dataverse;
  const A = DV.activity;
  const rows = [A.inmailTable, A.messageTable, 'phonecall'].flatMap((table) =>
    dv
      .all(table)
      .filter((x) => TEST_KEY.test(String(x[A.activityKey])))
      .map((x) => ({
        key: String(x[A.activityKey]),
        kind: table === 'phonecall' ? 'call' : table === A.inmailTable ? 'inmail' : 'message',
        person: x._regardingobjectid_value as string | null,
        completed: x.statecode === 1,
        subject: String(x.subject),
      })),
  );
  const notes = dv
    .all('annotation')
    .filter((x) => /NavSync/.test(String(x.subject)))
    .map((x) => ({
      key: String(x.annotationid),
      kind: 'note',
      person: x._objectid_value as string | null,
      completed: true,
      subject: String(x.subject),
    }));
  return {
    contacts: dv.all('contact').map((c) => ({
      id: String(c.contactid),
      lastName: String(c.lastname),
      email: (c.emailaddress1 as string) ?? null,
    })),
    tests: [...rows, ...notes],
  };
}

/** Runs the test, taking a snapshot of the CRM at the moment the clean-up starts. */
async function run(crm: DemoCrm, o: Parameters<typeof testWriteBack>[1] = {}, extra = {}) {
  const opts = env.options(crm, extra);
  let beforeCleanup: ReturnType<typeof crmState> | null = null;
  const gw = opts.crm as CrmGateway;
  const original = gw.deleteTestActivities.bind(gw);
  const spy = jest.spyOn(gw, 'deleteTestActivities').mockImplementation(async (refs) => {
    beforeCleanup = crmState(crm);
    return original(refs);
  });
  try {
    const report = await testWriteBack(opts, o);
    return { report, beforeCleanup: beforeCleanup as ReturnType<typeof crmState> | null };
  } finally {
    spy.mockRestore();
  }
}

const isTestContact = (c: { lastName: string }) => c.lastName.startsWith('Test Write-Back');

describe.each(['salesforce', 'dataverse'] as const)('Test Write-Back on a test contact (%s double)', (crm) => {
  test('every kind is written completed on the test contact, then everything is removed again', async () => {
    const before = crmState(crm);
    const { report, beforeCleanup } = await run(crm);
    expect(report.ok).toBe(true);
    const s = step(report);
    expect(s.counts).toEqual({
      kinds: 4,
      contactCreated: 1,
      written: 4,
      failed: 0,
      removed: 5,
      kept: 0,
      leftBehind: 0,
    });
    expect(s.note).toBe(t('testWriteBack.succeeded', 'en', { count: 4 }));

    // Before the clean-up: one new contact, and one completed activity of each kind on it.
    const snap = beforeCleanup as NonNullable<typeof beforeCleanup>;
    const contact = snap.contacts.filter(isTestContact);
    expect(contact).toHaveLength(1);
    expect(snap.contacts).toHaveLength(before.contacts.length + 1);
    expect(snap.tests.map((x) => x.kind).sort()).toEqual([...KINDS].sort());
    for (const x of snap.tests) {
      expect(x.person).toBe(contact[0].id);
      expect(x.completed).toBe(true);
    }
    expect(s.outcomes?.filter((o) => o.outcome === 'created')).toEqual([
      { record: 'contact', outcome: 'created', id: contact[0].id },
    ]);
    expect(
      s.outcomes
        ?.filter((o) => o.outcome === 'written')
        .map((o) => o.record.split(' ')[0])
        .sort(),
    ).toEqual([...KINDS].sort());

    // Afterwards the CRM is as it was.
    expect(crmState(crm)).toEqual(before);
  });

  test('a contact refused by an e-mail rule gives the diagnosis; --with-email then succeeds', async () => {
    if (crm === 'salesforce')
      env.salesforce.addValidationRule((o, r) =>
        o === 'Contact' && !r.Email ? 'Email is required on every contact.' : null,
      );
    else
      env.dataverse.addValidationRule((table, r) =>
        table === 'contact' && !r.emailaddress1 ? 'A business rule requires an e-mail address on contacts.' : null,
      );
    const before = crmState(crm);
    const refused = await run(crm);
    expect(refused.report.ok).toBe(false);
    const s = step(refused.report);
    expect(s.status).toBe('failed');
    expect(s.note).toBe(t('testWriteBack.failedAt', 'en', { step: t('testWriteBack.stepContact', 'en') }));
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0].reason).toContain('NS-TWB-001');
    expect(s.problems[0].reason).toContain(t('testWriteBack.causeEmailRule', 'en'));
    expect(s.problems[0].reason).toContain(t('testWriteBack.remedyEmailRule', 'en'));
    expect(refused.beforeCleanup).toBeNull(); // nothing was written, so there is nothing to clean up
    expect(crmState(crm)).toEqual(before);

    const { report, beforeCleanup } = await run(crm, { withEmail: true });
    expect(report.ok).toBe(true);
    const contact = (beforeCleanup as NonNullable<typeof beforeCleanup>).contacts.filter(isTestContact);
    expect(contact[0].email).toMatch(/^navsync-test-.*@example\.com$/);
    expect(crmState(crm)).toEqual(before);
  });

  test('an activity the CRM refuses is reported with its diagnosis, and the contact and the others are still removed', async () => {
    if (crm === 'salesforce') {
      const key = env.salesforce.f(SF.task.activityKey);
      env.salesforce.addValidationRule((o, r) =>
        o === 'Task' && String(r[key]).startsWith('sn-call-') ? 'Calls must be logged from the phone.' : null,
      );
    } else {
      env.dataverse.addValidationRule((table) =>
        table === 'phonecall' ? 'Calls must be logged from the phone.' : null,
      );
    }
    const before = crmState(crm);
    const { report, beforeCleanup } = await run(crm);
    expect(report.ok).toBe(false);
    const s = step(report);
    expect(s.counts).toMatchObject({ contactCreated: 1, written: 3, failed: 1, removed: 4, leftBehind: 0 });
    expect(s.note).toBe(
      t('testWriteBack.failedAt', 'en', {
        step: t('testWriteBack.stepActivity', 'en', { kind: t('writeback.kindCall', 'en') }),
      }),
    );
    const problem = s.problems.find((p) => p.ref.startsWith('sn-call-'));
    expect(problem?.reason).toMatch(/^NS-TWB-002 .*Calls must be logged from the phone\./);
    expect((beforeCleanup as NonNullable<typeof beforeCleanup>).tests.map((x) => x.kind).sort()).toEqual([
      'inmail',
      'message',
      'note',
    ]);
    expect(s.outcomes?.filter((o) => o.outcome === 'removed').map((o) => o.record)).toContain('contact');
    expect(crmState(crm)).toEqual(before);
  });

  test('--keep leaves the test contact (here on an account) and activities, listed with their ids', async () => {
    const before = crmState(crm);
    const accountId = crmId(crm, data.accounts[0].key);
    const { report, beforeCleanup } = await run(crm, { keep: true, accountId });
    expect(report.ok).toBe(true);
    expect(beforeCleanup).toBeNull(); // no clean-up ran
    const after = crmState(crm);
    const contact = after.contacts.filter(isTestContact);
    expect(contact).toHaveLength(1);
    expect(after.tests).toHaveLength(4);
    const s = step(report);
    expect(s.counts).toMatchObject({ written: 4, removed: 0, kept: 5 });
    expect(s.note).toBe(t('testWriteBack.kept', 'en', { count: 4, contact: contact[0].id }));
    expect(s.outcomes?.filter((o) => o.outcome === 'kept').map((o) => o.id)).toContain(contact[0].id);
    expect(after.contacts).toHaveLength(before.contacts.length + 1);
    // --account: the contact is on that account, and the activities are related to it as write-back relates them.
    if (crm === 'salesforce') {
      expect(env.salesforce.get('Contact', contact[0].id)?.AccountId).toBe(accountId);
      const key = env.salesforce.f(SF.task.activityKey);
      expect(
        env.salesforce
          .all('Task')
          .filter((x) => TEST_KEY.test(String(x[key])))
          .map((x) => x.WhatId),
      ).toEqual([accountId, accountId, accountId, accountId]);
    } else {
      expect(env.dataverse.get('contact', contact[0].id)?._parentcustomerid_value).toBe(accountId);
    }
  });

  test('a dry run lists what it would create and remove, and writes nothing', async () => {
    const before = crmState(crm);
    const double = crm === 'salesforce' ? env.salesforce : env.dataverse;
    double.resetCounts();
    const { report } = await run(crm, {}, { dryRun: true });
    expect(report.ok).toBe(true);
    expect(report.dryRun).toBe(true);
    const listed = report.changes.map((c) => `${c.action} ${c.target.split(' ')[0]}`);
    expect(listed).toEqual([
      'create contact',
      'upsert activity',
      'upsert activity',
      'upsert activity',
      'upsert activity',
      'delete activity',
      'delete activity',
      'delete activity',
      'delete activity',
      'delete contact',
    ]);
    expect(
      report.changes
        .filter((c) => c.action === 'upsert')
        .every((c) => c.detail.includes('completed on contact (test contact)')),
    ).toBe(true);
    expect(crmState(crm)).toEqual(before);
    // Only reads reached the CRM (and the token request).
    expect(
      double.log.filter(
        (e) => e.kind !== 'token' && e.method !== 'GET' && !(e.kind === 'batch' && e.path.includes('$batch')),
      ),
    ).toEqual([]);
  });
});

test('a write that fails as a whole still removes the test contact (Salesforce double)', async () => {
  const before = crmState('salesforce');
  const opts = env.options('salesforce');
  const gw = opts.crm as CrmGateway;
  const create = gw.createTestContact.bind(gw);
  // The contact is created, then the CRM refuses the next Collections call (the activities) as a whole.
  jest.spyOn(gw, 'createTestContact').mockImplementation(async (c) => {
    const r = await create(c);
    env.salesforce.failNext(1, {
      status: 400,
      kinds: ['collections'],
      body: JSON.stringify([{ errorCode: 'UNKNOWN_EXCEPTION', message: 'An unexpected error occurred.' }]),
    });
    return r;
  });
  const report = await testWriteBack(opts);
  const s = step(report);
  expect(s.status).toBe('failed');
  expect(s.error?.code).toBeDefined();
  expect(s.counts).toMatchObject({ contactCreated: 1, written: 0, failed: 4, removed: 1, leftBehind: 0 });
  expect(s.outcomes?.map((o) => o.outcome)).toEqual(['created', 'removed']);
  expect(crmState('salesforce')).toEqual(before);
});

test('a contact that cannot be removed is reported as left behind with its id (Dataverse double)', async () => {
  const opts = env.options('dataverse');
  env.dataverse.failNext(1, {
    status: 403,
    kinds: ['delete'],
    body: JSON.stringify({
      error: { code: '0x80040220', message: 'Principal user is missing prvDeleteContact privilege.' },
    }),
  });
  const report = await testWriteBack(opts);
  const s = step(report);
  expect(s.status).toBe('failed');
  const contact = crmState('dataverse').contacts.filter(isTestContact);
  expect(contact).toHaveLength(1);
  expect(s.counts).toMatchObject({ written: 4, removed: 4, leftBehind: 1 });
  expect(s.problems.map((p) => p.reason).join('\n')).toContain(
    t('testWriteBack.leftBehind', 'en', { records: `contact ${contact[0].id}` }),
  );
  expect(crmState('dataverse').tests).toEqual([]);
});
