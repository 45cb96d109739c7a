import fc from 'fast-check';
import type { NotAtCompany, PersonKind } from '../../src/crm/gateway';
import { ValidationChanges } from '../../src/sync/validationChanges';

const AT = '2026-11-22T10:00:00.000Z';
const change = fc.tuple(
  fc.oneof(fc.stringMatching(/^003[A-Za-z0-9]{15}$/), fc.uuid(), fc.constantFrom('', '00Q1')),
  fc.constantFrom<PersonKind>('contact', 'lead'),
  fc.constantFrom<NotAtCompany>('notAtCompany', 'noFeedback', 'ignore'),
);

test('every change reads back as pushed, by position and in order, across block boundaries', () => {
  fc.assert(
    fc.property(fc.array(change, { maxLength: 9000, size: 'max' }), (changes) => {
      const list = new ValidationChanges(AT);
      // Ids cut out of a larger text, as the parser gives them.
      const text = changes.map(([id]) => id).join('|');
      let pos = 0;
      for (const [id, kind, value] of changes) {
        list.push(text.slice(pos, pos + id.length), kind, value);
        pos += id.length + 1;
      }
      const expected = changes.map(([id, kind, notAtCompany]) => ({
        id,
        kind,
        fields: { notAtCompany, validatedAt: AT },
      }));
      expect(list.length).toBe(changes.length);
      expect([...list]).toEqual(expected);
      for (const i of [0, 4095, 4096, 8191, 8192, changes.length - 1])
        if (i >= 0 && i < changes.length) expect(list.at(i)).toEqual(expected[i]);
      expect(list.at(changes.length)).toBeUndefined();
      expect(list.at(-1)).toBeUndefined();
    }),
    { numRuns: 10, endOnFailure: true },
  );
});

test('changes with the same value share one frozen fields object (nothing per change to collect)', () => {
  const list = new ValidationChanges(AT);
  for (let i = 0; i < 5000; i++)
    list.push(`003${String(i).padStart(15, '0')}`, 'contact', i % 2 ? 'notAtCompany' : 'noFeedback');
  const [a, b, c] = [list.at(1), list.at(4999), list.at(2)];
  expect(a?.fields).toBe(b?.fields);
  expect(a?.fields).not.toBe(c?.fields);
  expect(Object.isFrozen(a?.fields)).toBe(true);
});
