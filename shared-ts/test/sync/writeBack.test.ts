import { SF } from '../../src/domain/crmSchema';
import { appendFileSync } from 'node:fs';
import { generateDemoData, inboxJsonLines } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { crmId } from '../../src/demo/ids';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 30, peoplePerAccount: 5, leads: 40 });
let env: DemoEnvironment;
const counts = (r: RunReport, step: string) => r.steps.find((s) => s.name === step)?.counts ?? {};

demoEnvironmentPerTest(data, 'navsync-wb-', (e) => {
  env = e;
});

describe('write-back through the engine (Salesforce double)', () => {
  test('matched activities are completed on their person, unmatched ones stay open and unresolved', async () => {
    const r = await runCycle(env.options('salesforce'));
    const c = counts(r, 'writeBack');
    expect(c.byAssociation).toBeGreaterThan(0);
    expect(c.byMatching).toBeGreaterThan(0); // members LinkedIn had not associated, found by the matching module
    const key = env.salesforce.f(SF.task.activityKey);
    const tasks = env.salesforce.all('Task');
    const closed = tasks.filter((t) => t.IsClosed);
    const open = tasks.filter((t) => !t.IsClosed);
    expect(closed.length).toBe(c.matched);
    expect(closed.every((t) => t.WhoId)).toBe(true);
    expect(open.length).toBe(c.unresolved);
    expect(open.every((t) => !t.WhoId && t[env.salesforce.f(SF.task.personName)])).toBe(true);
    // Owner = the seat holder, never the integration user.
    expect(tasks.every((t) => t.OwnerId !== env.salesforce.userId)).toBe(true);
    expect(new Set(tasks.map((t) => t[key])).size).toBe(tasks.length);
  });

  test('a rerun writes nothing new and doubles nothing', async () => {
    const first = counts(await runCycle(env.options('salesforce')), 'writeBack');
    const before = env.salesforce.all('Task').length;
    const r = await runCycle(env.options('salesforce'));
    const c = counts(r, 'writeBack');
    expect(c.written).toBe(0);
    expect(c.alreadyDone).toBe(first.matched); // every completed one is recognised by its key
    expect(c.unresolved).toBe(first.unresolved); // still open, not written again
    expect(env.salesforce.all('Task')).toHaveLength(before);
  });

  test('an unresolved activity is resolved on a later run once its person exists in the CRM', async () => {
    await runCycle(env.options('salesforce'));
    const stranger = data.inbox.find((a) => !a.expectedPersonKey && a.kind !== 'call' && !a.optOut && a.email);
    expect(stranger).toBeDefined();
    const s = stranger as NonNullable<typeof stranger>;
    const personName = env.salesforce.f(SF.task.personName);
    const openTask = env.salesforce.all('Task').find((t) => !t.IsClosed && t[personName] === s.name);
    expect(openTask).toBeDefined();
    // A rep creates the contact (same name, e-mail and company) before the next daily run.
    const [first, ...rest] = s.name.split(' ');
    const account = env.salesforce.insert('Account', { Name: s.company, OwnerId: crmId('salesforce', 'U0001') });
    const contact = env.salesforce.insert('Contact', {
      FirstName: first,
      LastName: rest.join(' '),
      Email: s.email,
      AccountId: account.Id,
      OwnerId: crmId('salesforce', 'U0001'),
    });
    const before = env.salesforce.all('Task').length;
    const r = await runCycle(env.options('salesforce'));
    expect(counts(r, 'writeBack').reResolved).toBeGreaterThanOrEqual(1);
    const task = env.salesforce.get('Task', openTask?.Id as string);
    expect(task?.WhoId).toBe(contact.Id);
    expect(task?.IsClosed).toBe(true);
    expect(env.salesforce.all('Task')).toHaveLength(before);
  });

  test('an activity is known by its kind and id: an InMail and a message with the same id are two activities', async () => {
    const inmail = data.inbox.find((a) => a.kind === 'inmail' && a.expectedPersonKey && !a.optOut);
    expect(inmail).toBeDefined();
    const one = { ...(inmail as NonNullable<typeof inmail>), id: 'shared-id-1' };
    appendFileSync(env.inboxFile, inboxJsonLines([one, { ...one, kind: 'message' }]));
    await runCycle(env.options('salesforce'));
    const key = env.salesforce.f(SF.task.activityKey);
    const both = env.salesforce.all('Task').filter((t) => String(t[key]).includes('shared-id-1'));
    expect(both.map((t) => String(t[key]).split('-')[1]).sort()).toEqual(['inmail', 'message']);
  });
});
