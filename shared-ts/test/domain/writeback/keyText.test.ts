import fc from 'fast-check';
import {
  activityKey,
  activityKeyKind,
  ACTIVITY_KEY_MAX_LENGTH,
  ACTIVITY_KINDS,
  trimToLength,
  singleLine,
  cleanBody,
  utf8ToBase64,
  noteHtml,
  hash128Hex,
} from '../../../src/domain/writeback/index';

describe('activityKey', () => {
  test.each([
    ['6f1e2a90-inm-0001', 'inmail', 'sn-inmail-6f1e2a90-inm-0001'],
    ['2-abc.def_1', 'message', 'sn-message-2-abc.def_1'],
    ['urn:li:activity:7', 'note', 'sn-note-urn:li:activity:7'],
  ] as const)('%s (%s) keeps the readable id: %s', (id, kind, key) => {
    expect(activityKey(id, kind)).toBe(key);
  });

  test('ids that differ only in case give keys that differ case-insensitively (Dataverse compares so)', () => {
    const a = activityKey('2-AbC', 'message');
    const b = activityKey('2-abc', 'message');
    const c = activityKey('2-ABC', 'message');
    const lower = [a, b, c].map((k) => k.toLowerCase());
    expect(new Set(lower).size).toBe(3);
    expect(a.startsWith('sn-message-2-AbC~')).toBe(true);
  });

  test('unsafe characters and long ids are hashed, within the field length', () => {
    expect(activityKey('thread/42?x=1', 'inmail')).toMatch(/^sn-inmail-~[0-9a-f]{32}$/);
    const long = activityKey('a'.repeat(500), 'call');
    expect(long).toMatch(/^sn-call-~[0-9a-f]{32}$/);
    expect(long.length).toBeLessThanOrEqual(ACTIVITY_KEY_MAX_LENGTH);
  });

  test('the kind is readable from the key', () => {
    expect(activityKeyKind(activityKey('x', 'call'))).toBe('call');
    expect(activityKeyKind('li:123')).toBeNull();
  });

  test('property: stable, distinct across kinds, case-insensitively distinct across ids, always fits', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.string({ minLength: 1, maxLength: 300 }),
        (id1, id2) => {
          const keys = ACTIVITY_KINDS.map((k) => activityKey(id1, k));
          if (new Set(keys).size !== ACTIVITY_KINDS.length) return false;
          if (keys.some((k, i) => k !== activityKey(id1, ACTIVITY_KINDS[i]) || k.length > ACTIVITY_KEY_MAX_LENGTH))
            return false;
          if (keys.some((k, i) => activityKeyKind(k) !== ACTIVITY_KINDS[i])) return false;
          if (id1 === id2) return true;
          return activityKey(id1, 'inmail').toLowerCase() !== activityKey(id2, 'inmail').toLowerCase();
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('text trimming', () => {
  test.each([
    ['short text is untouched', 'Müller', 10, 'Müller'],
    ['cut with an ellipsis', 'Bakkerij de Vries', 9, 'Bakkerij…'],
    ['never splits a surrogate pair', 'ab😀cd', 4, 'ab…'],
    ['pair kept when it fits', 'ab😀cd', 5, 'ab😀…'],
    ['zero length', 'abc', 0, ''],
  ])('%s', (_n, text, max, want) => {
    expect(trimToLength(text, max)).toBe(want);
  });

  test('property: within the limit and never a lone surrogate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), fc.integer({ min: 0, max: 60 }), (text, max) => {
        const out = trimToLength(text, max);
        if (out.length > max) return false;
        return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(out);
      }),
      { numRuns: 3000 },
    );
  });

  test('singleLine and cleanBody', () => {
    expect(singleLine(' Re:\tOfferte\r\n  Q3 ')).toBe('Re: Offerte Q3');
    expect(cleanBody('Hallo\r\nWelt\rTschüss\u0007  \n')).toBe('Hallo\nWelt\nTschüss');
  });
});

describe('encoding and ids', () => {
  test('property: utf8ToBase64 equals Node’s encoder for any well-formed text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }),
        (s) => utf8ToBase64(s) === Buffer.from(s, 'utf8').toString('base64'),
      ),
      { numRuns: 2000 },
    );
  });

  test('noteHtml escapes markup and keeps blank lines', () => {
    expect(noteHtml('<b>x</b>\n\nO\'Brien & "Söhne"')).toBe(
      '<p>&lt;b&gt;x&lt;/b&gt;</p><p><br></p><p>O&#39;Brien &amp; &quot;Söhne&quot;</p>',
    );
  });

  test('hash128Hex is 32 hex digits, the same for the same text', () => {
    expect(hash128Hex('')).toMatch(/^[0-9a-f]{32}$/);
    expect(hash128Hex('x')).toBe(hash128Hex('x'));
  });
});
