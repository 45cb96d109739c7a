import {
  ERROR_CODES,
  decodeLastRun,
  describeRunError,
  encodeLastRun,
  t,
  type LastRun,
} from '../../../src/domain/index';

describe('the last run stored for the admin pages', () => {
  const run: LastRun = {
    at: '2026-11-23T06:00:00Z',
    ok: false,
    steps: [
      { name: 'connection', status: 'ok' },
      { name: 'validation', status: 'failed', code: ERROR_CODES.INSUFFICIENT_ACCESS.code },
    ],
  };

  test('round-trips through the settings column', () => {
    expect(decodeLastRun(encodeLastRun(run))).toEqual(run);
  });

  test.each([
    null,
    '',
    'NavSync sync — dataverse: OK',
    '{"v":2}',
    '{broken',
    '{"v":1,"at":"x","ok":true,"steps":[{"name":"a","status":"weird"}]}',
  ])('anything else (%j) is no run, not an error', (stored) => {
    expect(decodeLastRun(stored)).toBeNull();
  });

  test('a stored code is described in the admin’s language; an unknown code keeps its value', () => {
    const e = describeRunError(ERROR_CODES.INSUFFICIENT_ACCESS.code, 'fr');
    expect(e.message).toBe(t(ERROR_CODES.INSUFFICIENT_ACCESS.message, 'fr'));
    expect(e.remedy).not.toBe('');
    expect(describeRunError('NS-NEW-123', 'en')).toMatchObject({
      code: 'NS-NEW-123',
      message: t(ERROR_CODES.UNKNOWN.message),
    });
  });
});
