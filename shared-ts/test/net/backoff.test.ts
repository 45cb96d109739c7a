import fc from 'fast-check';
import { dataverseError } from '../../src/crm/dataverse';
import { salesforceError } from '../../src/crm/salesforce';
import { backoffDelay, networkErrorCode } from '../../src/net/backoff';

test('backoff delays stay within [0, min(cap, base·2^attempt)] for any attempt and random value', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 60 }),
      fc.double({ min: 0, max: 0.999999, noNaN: true }),
      fc.integer({ min: 1, max: 10_000 }),
      fc.integer({ min: 1, max: 600_000 }),
      (attempt, r, base, cap) => {
        const d = backoffDelay(attempt, { maxRetries: 5, baseMs: base, capMs: cap, random: () => r });
        return d >= 0 && d <= Math.min(cap, base * 2 ** attempt) && Number.isInteger(d);
      },
    ),
  );
});

test('DNS failures, refusals and timeouts are network errors, however deeply they are wrapped', () => {
  const wrapped = (code: string) =>
    Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code }) });
  expect(networkErrorCode(wrapped('ENOTFOUND'))).toBe('ENOTFOUND');
  expect(networkErrorCode(wrapped('EAI_AGAIN'))).toBe('EAI_AGAIN');
  expect(networkErrorCode(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe('ETIMEDOUT');
  expect(networkErrorCode(new Error('INVALID_FIELD'))).toBeNull();
  const dns = wrapped('ENOTFOUND');
  expect(salesforceError(dns, 'query')).toMatchObject({
    kind: 'CONNECT_FAILED',
    detail: 'Salesforce query: ENOTFOUND',
  });
  expect(
    dataverseError(
      Object.assign(new Error('getaddrinfo ENOTFOUND org.crm4.dynamics.com'), { code: 'ENOTFOUND' }),
      'WhoAmI',
    ),
  ).toMatchObject({ kind: 'CONNECT_FAILED', detail: 'Dataverse WhoAmI: ENOTFOUND' });
});
