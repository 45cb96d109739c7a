/**
 * Dataverse allows no custom columns on annotation (Note): the solution must not add any there, and the
 * write-back record for a note must not send any. Calls and the custom activity tables keep the key and the
 * unresolved-person columns.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DV, dataverseActivity, planWriteback } from '@navsync/shared-ts';
import { renderCustomizations } from '../src/solution/customizations';
import { TABLES } from '../src/solution/model';

const NAVSYNC_ACTIVITY_COLUMNS = [DV.activity.activityKey, DV.activity.personName, DV.activity.personUrn];

/** A table's <Entity> element; exports name system tables by schema name (`PhoneCall`), so match either casing. */
function entityXml(xml: string, logicalName: string): string | null {
  const m = new RegExp(`<Entity><Name [^>]*>${logicalName}</Name>[\\s\\S]*?</Entity>`, 'i').exec(xml);
  return m ? m[0] : null;
}

describe('no custom columns on annotation', () => {
  const xml = renderCustomizations(readFileSync(join(__dirname, '..', 'Other', 'Customizations.xml'), 'utf8'));

  test('the solution model and the rendered customizations leave annotation alone', () => {
    expect(TABLES.some((t) => t.logicalName === 'annotation')).toBe(false);
    expect(entityXml(xml, 'annotation')).toBeNull();
  });

  test('phonecall and the custom activity tables keep the key and person columns', () => {
    for (const table of ['phonecall', DV.activity.inmailTable, DV.activity.messageTable]) {
      const def = TABLES.find((t) => t.logicalName === table);
      expect(def?.columns.map((c) => c.logicalName)).toEqual(expect.arrayContaining(NAVSYNC_ACTIVITY_COLUMNS));
      const entity = entityXml(xml, table) ?? '';
      for (const c of NAVSYNC_ACTIVITY_COLUMNS) expect(entity).toContain(`<LogicalName>${c}</LogicalName>`);
    }
  });

  test('a note’s write-back record carries no NavSync column; a call’s does', () => {
    const decide = (kind: 'note' | 'call') =>
      planWriteback(
        {
          id: `a-${kind}`,
          kind,
          channel: 'mobile',
          seatHolderId: 'u1',
          occurredAt: '2026-11-20T10:00:00Z',
          subject: 's',
          body: 'b',
          person: { memberUrn: 'urn:li:person:1', name: 'Léa Dubois' },
          optOut: false,
        },
        { id: '00000000-0000-0000-0000-000000000001', kind: 'contact', accountId: null },
        { crm: 'dataverse', settings: { writeBackEnabled: true, writeBackItems: 'all' }, repOptOut: [], locale: 'en' },
      );
    const note = decide('note');
    const call = decide('call');
    if (note.outcome !== 'write' || call.outcome !== 'write') throw new Error('expected both to be written');
    const noteRec = dataverseActivity(note.plan);
    expect(noteRec.table).toBe('annotation');
    expect(Object.keys(noteRec.record).filter((k) => k.startsWith('navsync_'))).toEqual([]);
    expect(Object.keys(dataverseActivity(call.plan).record)).toEqual(expect.arrayContaining(NAVSYNC_ACTIVITY_COLUMNS));
  });
});
