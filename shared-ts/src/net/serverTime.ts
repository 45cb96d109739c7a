/**
 * The platform's clock, as its HTTP `Date` header tells it (RFC 9110: every origin server with a clock sends one;
 * resolution one second). Any answer carries it, an authentication challenge too, so the cheapest request to the
 * platform's API root is enough; null when the answer has no readable date. Sent like every other request of
 * the platform: under the outbound policy, on the guarded connections.
 */
import { outboundFetch } from './http';
import type { OutboundPolicy, Platform } from './outbound';

export async function serverDate(
  url: string,
  platform: Platform,
  policy?: OutboundPolicy,
  timeoutMs = 30_000,
): Promise<number | null> {
  const res = await outboundFetch(
    url,
    { method: 'GET', signal: AbortSignal.timeout(timeoutMs) },
    { platform, purpose: 'api', policy },
  );
  await res.body?.cancel();
  const date = Date.parse(res.headers.get('date') ?? '');
  return Number.isNaN(date) ? null : date;
}
