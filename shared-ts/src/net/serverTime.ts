/**
 * The platform's clock, as its HTTP `Date` header tells it (RFC 9110: every origin server with a clock sends one;
 * resolution one second). Any answer carries it, an authentication challenge too, so the cheapest request to the
 * platform's API root is enough; null when the answer has no readable date.
 */
export async function serverDate(url: string, timeoutMs = 30_000): Promise<number | null> {
  const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs) });
  await res.body?.cancel();
  const date = Date.parse(res.headers.get('date') ?? '');
  return Number.isNaN(date) ? null : date;
}
