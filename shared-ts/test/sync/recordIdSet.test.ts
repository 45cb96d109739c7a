import fc from 'fast-check';
import { RecordIdSet } from '../../src/sync/recordIdSet';

/** The duplicate check must say exactly what a Set of the ids (GUIDs case-folded, as Dataverse compares them) says. */
function reference(ids: string[]): boolean[] {
  const seen = new Set<string>();
  return ids.map((id) => {
    const key = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id) ? id.toLowerCase() : id;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the set counts as a GUID (case folded): the canonical 8-4-4-4-12 hex shape. */
const packedGuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

const alnum = fc.stringMatching(/^[A-Za-z0-9]{1,22}$/);
const sfId = fc.stringMatching(/^00[3Q][A-Za-z0-9]{12}([A-Za-z0-9]{3})?$/);
const guid = fc.uuid().chain((u) => fc.boolean().map((up) => (up ? u.toUpperCase() : u)));
const other = fc.string({ maxLength: 30 });
const anyId = fc.oneof(alnum, sfId, guid, other);

describe('RecordIdSet (duplicate rows of an export)', () => {
  it('answers exactly like a set of the ids, for Salesforce ids, GUIDs and anything else', () => {
    fc.assert(
      fc.property(fc.array(anyId, { maxLength: 300 }), fc.array(fc.nat(), { maxLength: 100 }), (ids, repeats) => {
        // Repeat some ids later in the stream, as a duplicate export row would.
        const stream = [...ids, ...repeats.filter(() => ids.length > 0).map((r) => ids[r % ids.length])];
        const set = new RecordIdSet();
        expect(stream.map((id) => set.add(id))).toEqual(reference(stream));
        expect(set.size).toBe(reference(stream).filter(Boolean).length);
        // Each id keeps the index it was first given (its place among the distinct ids), across table growth.
        const again = new RecordIdSet();
        const first = new Map<string, number>();
        stream.forEach((id, k) => {
          const key = /^[0-9a-f-]{36}$/i.test(id) && packedGuid(id) ? id.toLowerCase() : id;
          const at = again.place(id);
          if (!first.has(key)) first.set(key, first.size);
          expect([at, again.added]).toEqual([first.get(key), reference(stream)[k]]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('keeps ids apart that differ only in case, length or a trailing zero-like character (Salesforce ids are case-sensitive)', () => {
    const set = new RecordIdSet();
    for (const id of ['003AbC', '003abc', '003ABC', '003AbC0', '003AbC00', '0', '00', '1', 'a', 'A', 'z', 'Z'])
      expect(set.add(id)).toBe(true);
    expect(set.add('003abc')).toBe(false);
  });

  it('treats a Dataverse GUID in capitals as the same record, and keeps every id while its table grows', () => {
    const set = new RecordIdSet();
    const g = '0000000a-89ab-4cde-8f01-23456789abcd';
    expect(set.add(g)).toBe(true);
    expect(set.add(g.toUpperCase())).toBe(false);
    expect(set.add('00000000-0000-0000-0000-000000000000')).toBe(true);
    expect(set.add('00000000-0000-0000-0000-000000000000')).toBe(false);
    for (let i = 0; i < 200_000; i++) set.add(`003${String(i).padStart(15, '0')}`);
    expect(set.size).toBe(200_002);
    expect(set.add('003000000000000042')).toBe(false);
    expect(set.add('003000000000000042X')).toBe(true);
  });
});
