// The admin's file through the engine: a file that is not an export changes nothing and fails the step (the cursor
// stays); conflicting rows for one record are decided by the newest flaggedAt and reported as conflicts.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SF, SF_VALUES } from '../../src/domain/crmSchema';
import { generateDemoData } from '../../src/demo/dataset';
import { startDemoEnvironment, type DemoEnvironment } from '../../src/demo/environment';
import { DEMO_EXPORT_HEADER, demoExportCsv } from '../../src/demo/exportFile';
import { FileSource } from '../../src/linkedin/fileSource';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 30, peoplePerAccount: 5, leads: 40 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-adminfile-', (e, d) => {
  env = e;
  dir = d;
});

let n = 0;
function fileOf(text: string): string {
  const path = join(dir, `export-${++n}.csv`);
  writeFileSync(path, text);
  return path;
}
const validate = (file: string) =>
  runCycle(env.options('salesforce', { linkedin: new FileSource({ exportFiles: [file] }) }), ['validation']);
const people = () => JSON.stringify([env.salesforce.all('Contact'), env.salesforce.all('Lead')]);
const cursor = async () => (await env.options('salesforce').crm.readSettings()).exportCursor;
const step = (r: RunReport) => r.steps.find((s) => s.name === 'validation');
const flag = (id: string) => env.salesforce.get('Contact', id)?.[env.salesforce.f(SF.person.notAtCompany)] ?? null;

test('a file with an Id column and no status changes nothing: the step fails naming the columns, the cursor stays', async () => {
  const contacts = env.salesforce.all('Contact').slice(0, 20);
  const before = people();
  const was = await cursor();
  const r = await validate(fileOf(`Id,Name\n${contacts.map((c) => `${c.Id},${c.LastName}`).join('\n')}\n`));
  expect(r.ok).toBe(false);
  expect(step(r)).toMatchObject({ status: 'failed', error: { code: 'NS-FILE-006' } });
  expect(step(r)?.error?.detail).toMatch(/required column missing: status.*columns found: "Id", "Name"/);
  expect(people()).toBe(before);
  expect(await cursor()).toBe(was);
});

test('a file whose every row is rejected fails the step (not OK), lists the rows, and leaves the cursor', async () => {
  const contacts = env.salesforce.all('Contact').slice(0, 5);
  const was = await cursor();
  const before = people();
  const r = await validate(
    fileOf(`recordId,recordType,status\n${contacts.map((c) => `${c.Id},contact,perhaps`).join('\n')}\n`),
  );
  expect(r.ok).toBe(false);
  expect(step(r)?.status).toBe('failed');
  expect(step(r)?.problems).toHaveLength(5);
  expect(step(r)?.problems[0].reason).toBe('unknown status "perhaps"');
  expect(people()).toBe(before);
  expect(await cursor()).toBe(was);
});

test('conflicting rows for one record: the newest flaggedAt wins, reported as a conflict, near or far apart in the file', async () => {
  // Which contacts the demo's own export flags, learnt on a second, fresh world (the same data).
  const csv = demoExportCsv(data, 'salesforce').trim().split('\r\n');
  const probe = await startDemoEnvironment({ dir: join(dir, 'probe'), data });
  let flagged: string[][];
  try {
    const plain = await runCycle(
      probe.options('salesforce', { linkedin: new FileSource({ exportFiles: [fileOf(csv.join('\n'))] }) }),
      ['validation'],
    );
    expect(plain.ok).toBe(true);
    const flagOf = (id: string) => probe.salesforce.get('Contact', id)?.[probe.salesforce.f(SF.person.notAtCompany)];
    flagged = csv
      .slice(1)
      .map((l) => l.split(','))
      .filter(
        (c) => c.length === 7 && c[2] === 'NOT_AT_COMPANY' && flagOf(c[0]) === SF_VALUES.notAtCompany.notAtCompany,
      );
  } finally {
    await probe.close();
  }
  expect(flagged.length).toBeGreaterThan(2);
  const [far, near, tie] = flagged;
  const t = Date.parse(far[6]);
  const at = (c: string[], status: string, time: number) =>
    [c[0], 'contact', status, c[3], c[4], c[5], new Date(time).toISOString()].join(',');
  const filler = Array.from(
    { length: 2500 },
    (_, i) => `003Zz${String(i).padStart(10, '0')},contact,NOT_AT_COMPANY,,,,`,
  );
  const lines = [
    DEMO_EXPORT_HEADER.join(','),
    at(far, 'AT_COMPANY', t - 3_600_000), // handed on long before its newer row comes
    at(near, 'NOT_AT_COMPANY', Date.parse(near[6]) - 3_600_000),
    at(near, 'AT_COMPANY', Date.parse(near[6])), // newer: wins, the record is not flagged
    at(tie, 'NOT_AT_COMPANY', Date.parse(tie[6])),
    at(tie, 'AT_COMPANY', Date.parse(tie[6])), // same time: neither wins, nothing changes
    ...filler,
    at(far, 'NOT_AT_COMPANY', t), // newer: wins, the record is flagged
  ];
  const r = await validate(fileOf(lines.join('\n')));
  expect(flag(far[0])).toBe(SF_VALUES.notAtCompany.notAtCompany);
  expect(flag(near[0])).toBeNull();
  expect(flag(tie[0])).toBeNull();
  expect(step(r)?.counts).toMatchObject({ conflicts: 3, duplicates: 0 });
  const conflicts = (step(r)?.problems ?? []).filter((p) => p.reason.startsWith('conflicting rows'));
  expect(conflicts.map((p) => p.ref)).toEqual([
    `export-${n}.csv:4`,
    `export-${n}.csv:6`,
    `export-${n}.csv:${lines.length}`,
  ]);
  expect(conflicts[2].reason).toContain('this row is newer and stands');
});

test('a file source without an associations file is no information: every existing profile link is kept', async () => {
  const member = env.salesforce.f(SF.person.memberUrn);
  const linked = () =>
    env.salesforce
      .all('Contact')
      .filter((c) => c[member])
      .map((c) => `${c.Id}|${c[member]}`);
  const before = linked();
  expect(before.length).toBeGreaterThan(0);
  const r = await runCycle(
    env.options('salesforce', {
      linkedin: new FileSource({ exportFiles: [fileOf(demoExportCsv(data, 'salesforce'))] }),
    }),
  );
  expect(linked()).toEqual(before);
  expect(r.steps.find((s) => s.name === 'associations')).toMatchObject({
    status: 'skipped',
    note: expect.stringMatching(/no associations source/),
  });
});

test("a row dated after the CRM's time is listed as skipped, the step is not a clean OK and the cursor waits for it", async () => {
  const [c] = env.salesforce.all('Contact');
  const was = await cursor();
  const future = new Date(Date.now() + 3 * 3_600_000).toISOString();
  const r = await validate(fileOf(`recordId,recordType,status,flaggedAt\n${c.Id},contact,NOT_AT_COMPANY,${future}\n`));
  expect(step(r)?.status).toBe('partial');
  expect(step(r)?.problems).toEqual([{ ref: c.Id, reason: expect.stringMatching(/^skipped: .*dated in the future/) }]);
  expect(step(r)?.note).toMatch(/cursor was not advanced/);
  expect(await cursor()).toBe(was);
});

test('a file naming records of the other CRM, or ids of no CRM, changes nothing: the step fails and the cursor stays, on both CRMs', async () => {
  const contacts = env.salesforce.all('Contact').slice(0, 3);
  const guid = (i: number) => `6f1c2a34-1111-2222-3333-${String(i).padStart(12, '0')}`;
  const malformed = ['12345', '003-abc', `${contacts[0].Id}x`];
  const dataverseFile = fileOf(
    `recordId,recordType,status\n${[0, 1, 2]
      .map((i) => `${guid(i)},contact,NOT_AT_COMPANY`)
      .concat(malformed.map((id) => `${id},contact,NOT_AT_COMPANY`))
      .join('\n')}\n`,
  );
  const salesforceFile = fileOf(
    `recordId,recordType,status\n${contacts
      .map((c) => `${c.Id},contact,NOT_AT_COMPANY`)
      .concat(malformed.map((id) => `${id},contact,NOT_AT_COMPANY`))
      .join('\n')}\n`,
  );
  const cases = [
    { crm: 'salesforce' as const, file: dataverseFile },
    { crm: 'dataverse' as const, file: salesforceFile },
  ];
  for (const { crm, file } of cases) {
    const settings = async () => (await env.options(crm).crm.readSettings()).exportCursor;
    const was = await settings();
    const before = JSON.stringify([people(), env.dataverse.all('contact'), env.dataverse.all('lead')]);
    const r = await runCycle(env.options(crm, { linkedin: new FileSource({ exportFiles: [file] }) }), ['validation']);
    expect(r.ok).toBe(false);
    expect(step(r)).toMatchObject({ status: 'failed', error: { code: 'NS-FILE-006' } });
    expect(step(r)?.problems).toHaveLength(6);
    expect(step(r)?.problems[0].reason).toBe(`not a ${crm} record id`);
    expect(JSON.stringify([people(), env.dataverse.all('contact'), env.dataverse.all('lead')])).toBe(before);
    expect(await settings()).toBe(was);
  }
});

describe("the admin's associations file", () => {
  const f = (name: string) => env.salesforce.f(name);
  /** Linked contacts and leads whose link the step checks now (synced more than a day ago): id|member|profile URL. */
  const linked = () =>
    [...env.salesforce.all('Contact'), ...env.salesforce.all('Lead')]
      .filter((c) => c[f(SF.person.memberUrn)])
      .map((c) => `${c.Id}|${c[f(SF.person.memberUrn)]}|${c[f(SF.person.profileUrl)] ?? ''}`);
  const due = () => {
    const dayAgo = Date.now() - 24 * 3_600_000;
    return [...env.salesforce.all('Contact'), ...env.salesforce.all('Lead')]
      .filter((c) => c[f(SF.person.memberUrn)] && c[f(SF.person.matchSource)] !== 'Manual')
      .filter((c) => !c[f(SF.person.syncedAt)] || Date.parse(String(c[f(SF.person.syncedAt)])) < dayAgo)
      .map((c) => String(c.Id));
  };
  const associate = (file: string) =>
    runCycle(env.options('salesforce', { linkedin: new FileSource({ exportFiles: [], associationsFile: file }) }), [
      'associations',
    ]);
  const stepOf = (r: RunReport) => r.steps.find((s) => s.name === 'associations');
  const urlOf = (id: string, url: string) => url || `https://www.linkedin.com/in/x-${id.toLowerCase()}`;
  const membersOf = (links: string[]) => links.map((l) => l.split('|').slice(0, 2).join('|'));

  test('its columns are read in any spelling a spreadsheet gives them: the links it lists are kept, none cleared', async () => {
    const before = linked();
    const checked = due();
    expect(checked.length).toBeGreaterThan(3);
    const rows = before.map((l) => l.split('|')).map(([id, urn, url]) => `${id};${urn};${urlOf(id, url)}`);
    const r = await associate(fileOf(`Record ID;Member URN;Profile URL\r\n${rows.join('\r\n')}\r\n`));
    expect(stepOf(r)?.counts).toMatchObject({ found: checked.length, cleared: 0 });
    expect(membersOf(linked())).toEqual(membersOf(before));
  });

  test('15-character Salesforce ids (as reports give them) name the same records: no link is cleared', async () => {
    const before = linked();
    const checked = due();
    const rows = before.map((l) => l.split('|')).map(([id, urn, url]) => `${id.slice(0, 15)},${urn},${urlOf(id, url)}`);
    const r = await associate(fileOf(`recordId,memberUrn,profileUrl\n${rows.join('\n')}\n`));
    expect(stepOf(r)?.counts).toMatchObject({ found: checked.length, cleared: 0 });
    expect(membersOf(linked())).toEqual(membersOf(before));
  });

  test('a file without the associations columns is refused: the step fails and no link is cleared', async () => {
    const before = linked();
    const contacts = env.salesforce.all('Contact').slice(0, 5);
    const r = await associate(fileOf(`Id,Name\n${contacts.map((c) => `${c.Id},${c.LastName}`).join('\n')}\n`));
    expect(stepOf(r)).toMatchObject({ status: 'failed', error: { code: 'NS-FILE-006' } });
    expect(stepOf(r)?.error?.detail).toMatch(/missing: .*memberUrn.*columns found: "Id", "Name"/);
    expect(linked()).toEqual(before);
  });

  test('a malformed row is listed with its line and its record keeps its link (no information is not "no match")', async () => {
    const before = linked();
    const [bad] = due();
    const rows = before
      .map((l) => l.split('|'))
      .map(([id, urn, url]) => `${id},${id === bad ? 'urn:li:company:1' : urn},${urlOf(id, url)}`);
    const r = await associate(fileOf(`recordId,memberUrn,profileUrl\n${rows.join('\n')}\n`));
    const line = rows.findIndex((row) => row.startsWith(`${bad},`)) + 2;
    expect(stepOf(r)?.problems).toContainEqual({
      ref: bad,
      reason: expect.stringMatching(new RegExp(`line ${line}: member "urn:li:company:1" is not a person URN`)),
    });
    expect(stepOf(r)?.counts).toMatchObject({ cleared: 0 });
    expect(membersOf(linked())).toEqual(membersOf(before));
    expect(stepOf(r)?.status).toBe('partial');
  });
});

test('a file that is not UTF-8 deep inside (past the start checked first) changes nothing, whatever the apply rounds', async () => {
  const before = people();
  const was = await cursor();
  const rows = demoExportCsv(data, 'salesforce').trim().split('\r\n');
  const filler = Array.from(
    { length: 30000 },
    (_, i) => `003Zz${String(i).padStart(10, '0')},contact,NOT_AT_COMPANY,,,,`,
  );
  const file = join(dir, 'late-latin1.csv');
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from(`${[...rows, ...filler].join('\n')}\n`),
      Buffer.from(`${rows[1].split(',')[0]},contact,NOT_AT_COMPANY,,,Société,\n`, 'latin1'),
    ]),
  );
  const r = await runCycle(
    env.options('salesforce', { linkedin: new FileSource({ exportFiles: [file] }), validationApplyEvery: 5 }),
    ['validation'],
  );
  expect(people() === before).toBe(true);
  expect(await cursor()).toBe(was);
  expect(step(r)).toMatchObject({ status: 'failed', error: { code: 'NS-FILE-006' } });
  expect(step(r)?.error?.detail).toMatch(/late-latin1\.csv: .*not valid UTF-8/);
});

test('ids as reports give them name the same records: 15-character Salesforce ids, upper-case Dataverse GUIDs', async () => {
  const sfIds = env.salesforce
    .all('Contact')
    .slice(0, 6)
    .map((c) => String(c.Id));
  const dvIds = env.dataverse
    .all('contact')
    .slice(0, 6)
    .map((c) => String(c.contactid));
  const cases = [
    { crm: 'salesforce' as const, ids: sfIds.map((id) => id.slice(0, 15)) },
    { crm: 'dataverse' as const, ids: dvIds.map((id) => id.toUpperCase()) },
  ];
  for (const { crm, ids } of cases) {
    const file = fileOf(`recordId,recordType,status\n${ids.map((id) => `${id},contact,NOT_AT_COMPANY`).join('\n')}\n`);
    const r = await runCycle(env.options(crm, { linkedin: new FileSource({ exportFiles: [file] }) }), ['validation']);
    expect(step(r)?.counts).toMatchObject({ rows: 6, unknown: 0 });
  }
  // The two spellings of one record in one file are conflicting rows of that record, not two records.
  const [id] = sfIds;
  const both = fileOf(
    `recordId,recordType,status,flaggedAt\n${id.slice(0, 15)},contact,NOT_AT_COMPANY,2026-11-01T00:00:00Z\n${id},contact,AT_COMPANY,2026-11-02T00:00:00Z\n`,
  );
  const r = await validate(both);
  expect(step(r)?.counts).toMatchObject({ rows: 2, conflicts: 1 });
  expect(flag(id)).toBeNull();
});
