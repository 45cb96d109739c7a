import {
  planWriteback,
  planReResolution,
  salesforceTask,
  salesforceResolutionFields,
  salesforceContentNote,
  dataverseActivity,
  dataverseResolution,
  dataverseActivityId,
  DV_WRITEBACK_TABLES,
  type WritebackPlan,
  type SalesNavActivity,
  type WritebackPerson,
  type WritebackContext,
} from '../../../src/domain/writeback/index';
import { activity, ctx, ELODIE, GIULIA_WITH_OPP, JOOST_LEAD } from './fixtures';

function plan(
  a: Partial<SalesNavActivity> = {},
  p: WritebackPerson | null = ELODIE,
  c: Partial<WritebackContext> = {},
): WritebackPlan {
  const d = planWriteback(activity(a), p, ctx(c));
  if (d.outcome !== 'write') throw new Error(`expected a write, got ${d.outcome}`);
  return d.plan;
}

const sfNew = { completedStatus: 'Completed', openStatus: 'Open' };
const sfOld = { completedStatus: 'Completed', openStatus: 'Not Started' };

describe('Salesforce Task', () => {
  test('a matched InMail is a completed Task on the contact and its account, owned by the seat holder', () => {
    const task = salesforceTask(plan(), sfNew);
    expect(task.externalIdField).toBe('navsync__LinkedIn_Activity_Key__c');
    expect(task.fields).toEqual({
      Subject: 'Sales Navigator InMail: Suite à notre échange au salon Vivatech',
      Description: 'Bonjour Élodie,\nmerci pour votre temps hier.\nBien à vous,\nSophie',
      ActivityDate: '2026-11-20',
      Status: 'Completed',
      Priority: 'Normal',
      OwnerId: '005SOPHIE',
      WhoId: '003ELODIE',
      WhatId: '001CREDITAGRICOLE',
      navsync__LinkedIn_Activity_Type__c: 'InMail',
      navsync__LinkedIn_Activity_Key__c: 'sn-inmail-6f1e2a90-inm-0001',
      navsync__LinkedIn_Person_Name__c: 'Élodie Lefèvre',
      navsync__LinkedIn_Person_URN__c: 'urn:li:person:ELODIE7',
    });
    expect(task.createOnlyFields).toEqual({ TaskSubtype: 'Task' });
  });

  test.each([
    ['an org with Open/Completed', sfNew, 'Open'],
    ['an older org with Not Started', sfOld, 'Not Started'],
  ])('unresolved activity in %s uses the org’s open status and has no Who/What', (_n, statuses, open) => {
    const task = salesforceTask(plan({}, null), statuses);
    expect([task.fields.Status, task.fields.WhoId, task.fields.WhatId]).toEqual([open, null, null]);
    expect(task.fields.navsync__LinkedIn_Person_Name__c).toBe('Élodie Lefèvre');
  });

  test('a Task on a lead never has a WhatId', () => {
    expect(salesforceTask(plan({}, JOOST_LEAD), sfNew).fields.WhatId).toBeNull();
  });

  test('the opportunity is the What when known', () => {
    expect(salesforceTask(plan({}, GIULIA_WITH_OPP), sfNew).fields.WhatId).toBe('006ROSSIDEAL');
  });

  test('calls get TaskSubtype Call, and Type Call only if the org has that value', () => {
    const call = plan({ kind: 'call', channel: 'mobile', subject: null });
    expect(salesforceTask(call, sfNew).createOnlyFields.TaskSubtype).toBe('Call');
    expect(salesforceTask(call, sfNew).fields.Type).toBeUndefined();
    expect(salesforceTask(call, { ...sfNew, taskTypes: ['Call', 'Email'] }).fields.Type).toBe('Call');
    expect(salesforceTask(plan(), { ...sfNew, taskTypes: ['Call'] }).fields.Type).toBeUndefined();
  });

  test('in a no-namespace org the custom fields have no prefix; standard fields never do', () => {
    const task = salesforceTask(plan(), { ...sfNew, namespace: null, priority: 'High' });
    expect(task.externalIdField).toBe('LinkedIn_Activity_Key__c');
    expect(Object.keys(task.fields)).toContain('LinkedIn_Activity_Type__c');
    expect(task.fields.Priority).toBe('High');
  });

  test('an empty body is stored as no description', () => {
    expect(salesforceTask(plan({ body: null }), sfNew).fields.Description).toBeNull();
  });

  test('resolution sets Who, What and the completed status', () => {
    const r = planReResolution(
      { key: 'sn-inmail-x', completed: false, personId: null, personName: null, personUrn: null },
      ELODIE,
    );
    expect(salesforceResolutionFields(r!, sfOld)).toEqual({
      WhoId: '003ELODIE',
      WhatId: '001CREDITAGRICOLE',
      Status: 'Completed',
    });
  });
});

describe('Salesforce notes (ContentNote)', () => {
  test('a matched note becomes an escaped HTML ContentNote linked to the contact and the account', () => {
    const p = plan({
      kind: 'note',
      subject: 'Budget <Q1> & "Einkauf"',
      body: 'Rückruf am Montag\n\nPreis < 10k & Rabatt',
    });
    const note = salesforceContentNote(p)!;
    expect(note.note.Title).toBe('Sales Navigator note: Budget <Q1> & "Einkauf"');
    expect(Buffer.from(note.note.Content, 'base64').toString('utf8')).toBe(
      '<p>Rückruf am Montag</p><p><br></p><p>Preis &lt; 10k &amp; Rabatt</p>',
    );
    expect(note.links.map((l) => l.LinkedEntityId)).toEqual(['003ELODIE', '001CREDITAGRICOLE']);
    expect(note.links.every((l) => l.ShareType === 'I' && l.Visibility === 'AllUsers')).toBe(true);
  });
  test('no ContentNote for unresolved notes or for other kinds', () => {
    expect(salesforceContentNote(plan({ kind: 'note' }, null))).toBeNull();
    expect(salesforceContentNote(plan())).toBeNull();
  });
  test('a note on a lead is linked to the lead only', () => {
    expect(salesforceContentNote(plan({ kind: 'note' }, JOOST_LEAD))!.links.map((l) => l.LinkedEntityId)).toEqual([
      '00QJOOST',
    ]);
  });
});

describe('Dataverse records', () => {
  test.each([
    ['inmail', 'navsync_inmail', 'navsync_inmails'],
    ['message', 'navsync_linkedinmessage', 'navsync_linkedinmessages'],
    ['call', 'phonecall', 'phonecalls'],
    ['note', 'annotation', 'annotations'],
  ] as const)('%s goes to %s', (kind, table, set) => {
    const p = plan({ kind, channel: 'mobile' });
    const rec = dataverseActivity(p);
    expect([rec.table, rec.entitySet]).toEqual([table, set]);
    expect(DV_WRITEBACK_TABLES[kind].table).toBe(table);
  });

  test('a matched InMail: completed, regarding the contact, owned by the seat holder, deterministic id', () => {
    const rec = dataverseActivity(plan());
    expect(rec.id).toBe(dataverseActivityId('sn-inmail-6f1e2a90-inm-0001'));
    expect(rec.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(rec.record).toEqual({
      'ownerid@odata.bind': '/systemusers(005SOPHIE)',
      'regardingobjectid_contact_navsync_inmail@odata.bind': '/contacts(003ELODIE)',
      navsync_activitykey: 'sn-inmail-6f1e2a90-inm-0001',
      navsync_personname: 'Élodie Lefèvre',
      navsync_personurn: 'urn:li:person:ELODIE7',
      subject: 'Sales Navigator InMail: Suite à notre échange au salon Vivatech',
      description: 'Bonjour Élodie,\nmerci pour votre temps hier.\nBien à vous,\nSophie',
      actualstart: '2026-11-20T09:15:00.000Z',
      actualend: '2026-11-20T09:15:00.000Z',
      statecode: 1,
      statuscode: 2,
    });
  });

  test('unresolved → open, no regarding, person kept', () => {
    const rec = dataverseActivity(plan({ kind: 'message' }, null)).record;
    expect([rec.statecode, rec.statuscode]).toEqual([0, 1]);
    expect(Object.keys(rec).some((k) => k.startsWith('regardingobjectid'))).toBe(false);
    expect(rec.navsync_personurn).toBe('urn:li:person:ELODIE7');
  });

  test('a note is an annotation on the lead, with notetext and no activity state', () => {
    const rec = dataverseActivity(plan({ kind: 'note' }, JOOST_LEAD)).record;
    expect(rec['objectid_lead@odata.bind']).toBe('/leads(00QJOOST)');
    expect(rec.notetext).toContain('merci pour votre temps');
    expect(rec.isdocument).toBe(false);
    expect(rec.statecode).toBeUndefined();
  });

  test('navigation names and status codes can come from the org’s metadata', () => {
    const rec = dataverseActivity(plan({ kind: 'call', channel: 'mobile' }), {
      regardingNavigation: (table, target) => `regardingobjectid_${target}`,
      statusOverrides: { call: { completed: { statecode: 1, statuscode: 100000001 } } },
    }).record;
    expect(rec['regardingobjectid_contact@odata.bind']).toBe('/contacts(003ELODIE)');
    expect(rec.statuscode).toBe(100000001);
  });

  test('subject and description are cut to the Dataverse column lengths', () => {
    const rec = dataverseActivity(plan({ subject: 'Ä'.repeat(500), body: 'ß'.repeat(5000) })).record;
    expect((rec.subject as string).length).toBe(200);
    expect((rec.description as string).length).toBe(2000);
  });

  test('resolution targets the same row and completes it', () => {
    const key = 'sn-call-c-9';
    const r = planReResolution(
      { key, completed: false, personId: null, personName: 'Jan Janssens', personUrn: null },
      ELODIE,
    )!;
    const upd = dataverseResolution(r, 'call');
    expect(upd.id).toBe(dataverseActivityId(key));
    expect(upd.record).toEqual({
      'regardingobjectid_contact_phonecall@odata.bind': '/contacts(003ELODIE)',
      statecode: 1,
      statuscode: 2,
    });
  });
});
