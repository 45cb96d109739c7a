import { SalesforceGateway } from '../../src/crm/salesforce';
import type { PersonUpdate } from '../../src/crm/gateway';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { Writes } from '../../src/sync/context';
import { guardLoopback } from '../doubles/loopbackGuard';

const guard = guardLoopback();
afterAll(() => guard.restore());

test("a write's requests are counted against the minimum without the reads other steps send beside it", async () => {
  const sf = await SalesforceDouble.start();
  try {
    const ids = Array.from({ length: 300 }, (_, i) => sf.insert('Contact', { LastName: `Rossi ${i}` }).Id);
    const crm = new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      bulkThreshold: 1000,
    });
    await crm.checkConnection();
    const writes = new Writes(crm, false);
    const updates: PersonUpdate[] = ids.map((id) => ({
      id,
      kind: 'contact',
      fields: { syncedAt: '2026-12-01T00:00:00.000Z' },
    }));
    let writing = true;
    let reads = 0;
    const reader = (async () => {
      while (writing) {
        for await (const page of crm.people({ kind: 'contact', ids: ids.slice(0, 10) })) reads += page.length ? 1 : 0;
      }
    })();
    const before = crm.requestCounts().total;
    const result = await writes.people('associations', updates);
    writing = false;
    await reader;
    expect(result.succeeded).toHaveLength(300);
    expect(reads).toBeGreaterThan(0);
    // Two sObject Collections calls of 200 and 100: the minimum, though the client sent more meanwhile.
    expect(writes.minimum).toBe(2);
    expect(writes.requests).toBe(2);
    expect(crm.requestCounts().total - before).toBeGreaterThan(2);
  } finally {
    await sf.close();
  }
});
