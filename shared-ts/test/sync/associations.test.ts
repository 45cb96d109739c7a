import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SF, SF_VALUES } from '../../src/domain/crmSchema';
import { generateDemoData } from '../../src/demo/dataset';
import { startDemoEnvironment, type DemoEnvironment } from '../../src/demo/environment';
import { crmId } from '../../src/demo/ids';
import { runCycle } from '../../src/sync/engine';

// The world's clock is now, so some associations are fresher than 24 h and some are older.
const data = generateDemoData({ accounts: 30, peoplePerAccount: 5, leads: 40, baseTime: Date.now() });
const DAY = 86_400_000;
let env: DemoEnvironment;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-assoc-'));
  env = await startDemoEnvironment({ dir, data });
  await runCycle(env.options('salesforce'));
});
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

const record = (key: string) => {
  const p = data.people.find((x) => x.key === key);
  return env.salesforce.get(p?.type === 'lead' ? 'Lead' : 'Contact', crmId('salesforce', key));
};

describe('profile associations step (Salesforce double)', () => {
  test('hand-made matches are never overwritten', () => {
    const manual = data.people.filter((p) => p.association?.source === 'Manual');
    expect(manual.length).toBeGreaterThan(0);
    for (const p of manual) {
      const r = record(p.key);
      expect(r?.[env.salesforce.f(SF.person.memberUrn)]).toBe(p.association?.memberUrn);
      expect(r?.[env.salesforce.f(SF.person.matchSource)]).toBe(SF_VALUES.matchSource.manual);
    }
  });

  test('associations older than 24 h are refreshed from LinkedIn; fresher ones are left alone', () => {
    const synced = env.salesforce.f(SF.person.syncedAt);
    const stale = data.people.filter(
      (p) => p.association?.source === 'Sync' && data.baseTime - p.association.syncedAt > DAY,
    );
    const fresh = data.people.filter(
      (p) => p.association?.source === 'Sync' && Date.now() - p.association.syncedAt < DAY,
    );
    expect(stale.length).toBeGreaterThan(0);
    expect(fresh.length).toBeGreaterThan(0);
    for (const p of stale)
      expect(Date.parse(String(record(p.key)?.[synced]))).toBeGreaterThan(Date.now() - 10 * 60_000);
    for (const p of fresh) expect(Date.parse(String(record(p.key)?.[synced]))).toBe(p.association?.syncedAt);
  });

  test('a member found by LinkedIn gets URN, Sales Navigator URL and photo; no photo is normal', () => {
    const members = data.members.filter(
      (m) => m.personKey && !data.people.find((p) => p.key === m.personKey)?.association,
    );
    const withPhoto = members.find((m) => m.photoUrl);
    const withoutPhoto = members.find((m) => !m.photoUrl);
    for (const m of [withPhoto, withoutPhoto]) {
      const r = record(m?.personKey as string);
      expect(r?.[env.salesforce.f(SF.person.memberUrn)]).toBe(m?.urn);
      expect(r?.[env.salesforce.f(SF.person.profileUrl)]).toBe(m?.profileUrl);
      expect(r?.[env.salesforce.f(SF.person.photoUrl)] ?? null).toBe(m?.photoUrl ?? null);
      expect(r?.[env.salesforce.f(SF.person.matchSource)]).toBe(SF_VALUES.matchSource.sync);
    }
  });
});
