import { writeFileSync } from 'node:fs';
import { DV, DV_VALUES, SF, SF_VALUES } from '../../src/domain/crmSchema';
import { generateDemoData, inboxJsonLines } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { crmId, type DemoCrm } from '../../src/demo/ids';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 20, peoplePerAccount: 4, leads: 20 });
let env: DemoEnvironment;

demoEnvironmentPerTest(data, 'navsync-reres-', (e) => {
  env = e;
});

const counts = (r: RunReport) => r.steps.find((s) => s.name === 'writeBack')?.counts ?? {};
const writeBackOnly = (crm: DemoCrm, extra = {}) => runCycle(env.options(crm, extra), ['writeBack']);

/** A written-back activity as the double holds it, whatever the CRM. */
interface Row {
  id: string;
  key: string;
  urn: string | null;
  person: string | null;
  related: string | null;
  completed: boolean;
  subject: string;
  body: string;
}

function rows(crm: DemoCrm): Row[] {
  if (crm === 'salesforce') {
    const sf = env.salesforce;
    return sf.all('Task').map((x) => ({
      id: x.Id,
      key: String(x[sf.f(SF.task.activityKey)]),
      urn: (x[sf.f(SF.task.personUrn)] as string) ?? null,
      person: (x.WhoId as string) ?? null,
      related: (x.WhatId as string) ?? null,
      completed: Boolean(x.IsClosed),
      subject: String(x.Subject),
      body: String(x.Description),
    }));
  }
  const A = DV.activity;
  return [A.inmailTable, A.messageTable, 'phonecall'].flatMap((table) =>
    env.dataverse.all(table).map((x) => ({
      id: String(x.activityid),
      key: String(x[A.activityKey]),
      urn: (x[A.personUrn] as string) ?? null,
      person: (x._regardingobjectid_value as string) ?? null,
      related: null,
      completed: x.statecode === 1,
      subject: String(x.subject),
      body: String(x.description),
    })),
  );
}

/** The inbox without the lines of these members: LinkedIn no longer lists those activities. */
function dropFromInbox(urns: readonly (string | null)[]): void {
  writeFileSync(env.inboxFile, inboxJsonLines(data.inbox.filter((a) => !urns.includes(a.memberUrn))));
}

/** A CRM person who now carries the member URN (a rep matched the profile by hand). */
function seedPerson(crm: DemoCrm, kind: 'contact' | 'lead', urn: string): { id: string; accountId: string | null } {
  const owner = crmId(crm, data.users[0].key);
  if (crm === 'salesforce') {
    const sf = env.salesforce;
    const assoc = {
      [sf.f(SF.person.memberUrn)]: urn,
      [sf.f(SF.person.matchSource)]: SF_VALUES.matchSource.manual,
      [sf.f(SF.person.syncedAt)]: new Date().toISOString(),
    };
    if (kind === 'lead')
      return {
        id: sf.insert('Lead', {
          FirstName: 'Rosa',
          LastName: 'Lindqvist',
          Company: 'Fjord Fiskeri AS',
          IsConverted: false,
          OwnerId: owner,
          ...assoc,
        }).Id,
        accountId: null,
      };
    const account = sf.insert('Account', { Name: 'Fjord Fiskeri AS', OwnerId: owner });
    return {
      id: sf.insert('Contact', {
        FirstName: 'Rosa',
        LastName: 'Lindqvist',
        AccountId: account.Id,
        OwnerId: owner,
        ...assoc,
      }).Id,
      accountId: account.Id,
    };
  }
  const dv = env.dataverse;
  const P = DV.person;
  const assoc = {
    [P.memberUrn]: urn,
    [P.matchSource]: DV_VALUES.matchSource.manual,
    [P.syncedAt]: new Date().toISOString(),
    statecode: 0,
    _ownerid_value: owner,
  };
  if (kind === 'lead')
    return {
      id: String(
        dv.insert('lead', { firstname: 'Rosa', lastname: 'Lindqvist', companyname: 'Fjord Fiskeri AS', ...assoc })
          .leadid,
      ),
      accountId: null,
    };
  const account = dv.insert('account', { name: 'Fjord Fiskeri AS', _ownerid_value: owner, statecode: 0 });
  return {
    id: String(
      dv.insert('contact', {
        firstname: 'Rosa',
        lastname: 'Lindqvist',
        _parentcustomerid_value: account.accountid,
        ...assoc,
      }).contactid,
    ),
    accountId: String(account.accountid),
  };
}

describe.each(['salesforce', 'dataverse'] as const)(
  're-resolving unresolved activities from the CRM (%s double)',
  (crm) => {
    test('an activity whose inbox line is gone is completed on the person who now has the member URN; subject and body stay; a rerun changes nothing', async () => {
      await writeBackOnly(crm);
      const open = rows(crm).filter((r) => !r.completed && r.urn);
      expect(open.length).toBeGreaterThan(1);
      const target = open[0];
      dropFromInbox([target.urn]);
      const person = seedPerson(crm, 'contact', target.urn as string);

      // A dry run lists the change and writes nothing.
      const before = JSON.stringify(rows(crm));
      const dry = await writeBackOnly(crm, { dryRun: true });
      expect(dry.changes.filter((c) => c.action === 'resolve')).toEqual([
        expect.objectContaining({
          step: 'writeBack',
          target: `activity ${target.key}`,
          detail: expect.stringContaining(`completed on contact ${person.id}`),
        }),
      ]);
      expect(JSON.stringify(rows(crm))).toBe(before);

      const r = await writeBackOnly(crm);
      expect(counts(r)).toMatchObject({ reResolvedFromCrm: 1, stillUnresolvedInCrm: 0, failed: 0, written: 0 });
      const after = rows(crm);
      expect(after).toHaveLength(JSON.parse(before).length);
      const done = after.find((x) => x.key === target.key) as Row;
      expect(done).toMatchObject({
        id: target.id,
        person: person.id,
        completed: true,
        subject: target.subject,
        body: target.body,
        urn: target.urn,
      });
      if (crm === 'salesforce') expect(done.related).toBe(person.accountId);
      // The other open ones still have their inbox line: the inbox path keeps them (still unmatched).
      expect(after.filter((x) => !x.completed)).toHaveLength(open.length - 1);

      const again = await writeBackOnly(crm);
      expect(counts(again)).toMatchObject({ reResolvedFromCrm: 0, written: 0 });
      expect(again.requests.crmWrites).toBe(0);
      expect(rows(crm)).toEqual(after);
    });

    test('when nothing matches, nothing is written and the activities stay listed as unresolved', async () => {
      await writeBackOnly(crm);
      const open = rows(crm).filter((r) => !r.completed && r.urn);
      dropFromInbox(open.map((o) => o.urn));
      const before = rows(crm);
      const r = await writeBackOnly(crm);
      expect(counts(r)).toMatchObject({ reResolvedFromCrm: 0, stillUnresolvedInCrm: open.length, written: 0 });
      expect(r.requests.crmWrites).toBe(0);
      expect(r.details.unresolved.map((u) => u.key).sort()).toEqual(open.map((o) => o.key).sort());
      expect(rows(crm)).toEqual(before);
    });

    test('a lead match completes the activity on the lead, never with a related record', async () => {
      await writeBackOnly(crm);
      const target = rows(crm).find((r) => !r.completed && r.urn) as Row;
      dropFromInbox([target.urn]);
      const lead = seedPerson(crm, 'lead', target.urn as string);
      const r = await writeBackOnly(crm);
      expect(counts(r)).toMatchObject({ reResolvedFromCrm: 1, failed: 0 });
      const done = rows(crm).find((x) => x.key === target.key) as Row;
      expect(done).toMatchObject({ person: lead.id, related: null, completed: true, subject: target.subject });
    });
  },
);

test('Salesforce: more than 200 re-resolutions go through one Bulk API 2.0 update by record id (it cannot create a Task)', async () => {
  const sf = env.salesforce;
  const key = sf.f(SF.task.activityKey);
  const urnField = sf.f(SF.task.personUrn);
  const owner = crmId('salesforce', data.users[0].key);
  await writeBackOnly('salesforce'); // settings and seats in place
  const seatOwner = sf.all('Task')[0].OwnerId as string;
  for (let i = 0; i < 250; i++) {
    sf.insert('Task', {
      [key]: `sn-message-bulk${i}`,
      [sf.f(SF.task.activityType)]: SF_VALUES.activityType.message,
      [urnField]: `urn:li:person:bulk${i}`,
      [sf.f(SF.task.personName)]: `Bulk ${i}`,
      Subject: `Message ${i}`,
      Description: `Body ${i}`,
      Status: 'Open',
      OwnerId: seatOwner,
    });
    sf.insert('Contact', {
      FirstName: 'Bulk',
      LastName: `Person ${i}`,
      OwnerId: owner,
      [sf.f(SF.person.memberUrn)]: `urn:li:person:bulk${i}`,
      [sf.f(SF.person.matchSource)]: SF_VALUES.matchSource.manual,
    });
  }
  const jobsBefore = sf.bulkJobs().length;
  const r = await writeBackOnly('salesforce');
  expect(counts(r)).toMatchObject({ reResolvedFromCrm: 250, failed: 0 });
  const jobs = sf.bulkJobs().slice(jobsBefore);
  expect(jobs.map((j) => [j.operation, j.object, j.externalIdFieldName ?? null])).toEqual([['update', 'Task', null]]);
  const bulk = sf.all('Task').filter((x) => String(x[key]).startsWith('sn-message-bulk'));
  expect(
    bulk.every(
      (x) =>
        x.IsClosed && x.WhoId && /^Message \d+$/.test(String(x.Subject)) && /^Body \d+$/.test(String(x.Description)),
    ),
  ).toBe(true);
});
