// A rep's Ignore is never overwritten, also while a run is applying its changes: reps choose Ignore on records the
// run is about to change, at the worst moments; every one of them keeps Ignore and the rest of the CRM ends exactly
// as in the fault-free run.
import { SalesforceGateway } from '../../src/crm/salesforce';
import { DV, DV_VALUES, SF, SF_VALUES } from '../../src/domain/crmSchema';
import type { DemoCrm } from '../../src/demo/ids';
import { disconnect, runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';
import { snapshot, startEnv, smallWorld, type CrmSnapshot, type Env } from './harness';

const CRMS: DemoCrm[] = ['salesforce', 'dataverse'];

const IGNORE: Record<DemoCrm, string> = {
  salesforce: SF_VALUES.notAtCompany.ignore,
  dataverse: String(DV_VALUES.notAtCompany.ignore),
};

/** What a rep does on the record page: choose Ignore (a user's own edit, not the integration user's). */
function chooseIgnore(env: Env, crm: DemoCrm, ids: readonly string[]): void {
  for (const id of ids) {
    if (crm === 'salesforce') {
      const object = env.salesforce.get('Contact', id) ? 'Contact' : 'Lead';
      env.salesforce.edit(object, id, { [env.salesforce.f(SF.person.notAtCompany)]: SF_VALUES.notAtCompany.ignore });
    } else {
      const table = env.dataverse.get('contact', id) ? 'contact' : 'lead';
      env.dataverse.edit(table, id, { [DV.person.notAtCompany]: DV_VALUES.notAtCompany.ignore });
    }
  }
}

/** The kinds of request that carry the validation apply and the clean-up writes. */
const WRITE_KINDS: Record<DemoCrm, string[]> = { salesforce: ['collections', 'bulkUpload'], dataverse: ['batch'] };

const flagOf = (s: CrmSnapshot, id: string) => s.people[id].split('|')[0];

/** The snapshot with these records' flag set to Ignore (everything else as it was). */
function withIgnore(s: CrmSnapshot, crm: DemoCrm, ids: readonly string[]): Record<string, string> {
  const people = { ...s.people };
  for (const id of ids) people[id] = [IGNORE[crm], ...people[id].split('|').slice(1)].join('|');
  return people;
}

const step = (r: RunReport, name: string) => r.steps.find((s) => s.name === name);

describe.each(CRMS)("a rep's Ignore during a run: %s", (crm) => {
  const data = smallWorld();
  let before: CrmSnapshot;
  let baseline: CrmSnapshot;
  /** Records the fault-free run flags or clears: an overwritten Ignore would show on them. */
  let changed: string[];
  let env: Env | null = null;

  beforeAll(async () => {
    const e = await startEnv(data);
    try {
      before = snapshot(e, crm);
      await runCycle(e.options(crm));
      baseline = snapshot(e, crm);
    } finally {
      await e.cleanup();
    }
    changed = Object.keys(baseline.people).filter((id) => flagOf(baseline, id) !== flagOf(before, id));
  });

  afterEach(async () => {
    await env?.cleanup();
    env = null;
  });

  /** A few flagged and a few cleared records. */
  function victims(): string[] {
    const flagged = changed.filter(
      (id) => flagOf(baseline, id) !== '' && flagOf(baseline, id) !== String(DV_VALUES.notAtCompany.noFeedback),
    );
    const cleared = changed.filter((id) => !flagged.includes(id));
    return [...flagged.slice(0, 4), ...cleared.slice(0, 2)];
  }

  test('the fault-free run changes flags (so an overwritten Ignore would show)', () => {
    expect(victims().length).toBeGreaterThanOrEqual(4);
  });

  test('reps choose Ignore while the apply request is on its way: every Ignore stays, the rest as the fault-free run', async () => {
    env = await startEnv(data);
    const e = env;
    const ids = victims();
    const progress = (line: string) => {
      if (line.startsWith('validation: applying')) e[crm].beforeNext(WRITE_KINDS[crm], () => chooseIgnore(e, crm, ids));
    };
    const r = await runCycle(env.options(crm, { progress }));
    expect(r.ok).toBe(true);
    const after = snapshot(env, crm);
    for (const id of ids) expect(flagOf(after, id)).toBe(IGNORE[crm]);
    expect(after.people).toEqual(withIgnore(baseline, crm, ids));
    expect(after.activities).toEqual(baseline.activities);
    if (crm === 'dataverse') {
      // Each one was a row version conflict, read again and kept.
      expect(step(r, 'validation')?.counts.rowVersionConflicts).toBe(ids.length);
      expect(step(r, 'validation')?.counts.ignoreKept).toBe(ids.length);
    }
  });

  test('reps choose Ignore after the records were read, before the apply: the flags read again drop those changes', async () => {
    env = await startEnv(data);
    const e = env;
    // Not even the package's guard is needed here (an org where the integration permission set is missing).
    if (crm === 'salesforce') e.salesforce.integrationPermission = false;
    const ids = victims();
    const progress = (line: string) => {
      if (line.startsWith('validation: applying')) chooseIgnore(e, crm, ids);
    };
    const r = await runCycle(env.options(crm, { progress }));
    expect(r.ok).toBe(true);
    const after = snapshot(env, crm);
    expect(after.people).toEqual(withIgnore(baseline, crm, ids));
    expect(step(r, 'validation')?.counts.ignoreKept).toBe(ids.length);
    expect(
      step(r, 'validation')
        ?.problems.filter((p) => /Ignore/.test(p.reason))
        .map((p) => p.ref)
        .sort(),
    ).toEqual([...ids].sort());
    // The admin is told the package's guard is off, and how to turn it on.
    const guardOff = step(r, 'connection')?.problems.filter((p) => p.ref === 'NavSync Integration') ?? [];
    expect(guardOff.map((p) => p.reason)).toEqual(
      crm === 'salesforce' ? [expect.stringMatching(/does not hold the NavSync Integration permission set/)] : [],
    );
  });

  if (crm === 'salesforce') {
    test('reps choose Ignore while the Bulk API 2.0 job is uploaded: the package trigger keeps every Ignore', async () => {
      env = await startEnv(data);
      const e = env;
      const sf = e.salesforce;
      const gateway = new SalesforceGateway({
        outbound: { allowLoopback: true },
        instanceUrl: sf.url,
        clientId: sf.clientId,
        clientSecret: sf.clientSecret,
        namespace: sf.ns,
        bulkPollIntervalMs: 5,
        bulkThreshold: 1,
      });
      const ids = victims();
      const progress = (line: string) => {
        if (line.startsWith('validation: applying')) sf.beforeNext(['bulkUpload'], () => chooseIgnore(e, crm, ids));
      };
      const r = await runCycle(env.options(crm, { crm: gateway, progress }));
      expect(r.ok).toBe(true);
      expect(sf.bulkJobs().length).toBeGreaterThan(0);
      expect(snapshot(env, crm).people).toEqual(withIgnore(baseline, crm, ids));
    });
  }

  test("disconnect with clean-up: a rep's Ignore chosen while the clean-up writes stays; the rest is cleaned up", async () => {
    env = await startEnv(data);
    const e = env;
    await runCycle(env.options(crm));
    const synced = snapshot(env, crm);
    const flaggedNow = Object.keys(synced.people).filter(
      (id) =>
        flagOf(synced, id) ===
        (crm === 'salesforce' ? SF_VALUES.notAtCompany.notAtCompany : String(DV_VALUES.notAtCompany.notAtCompany)),
    );
    const ids = flaggedNow.slice(0, 4);
    expect(ids.length).toBe(4);
    const progress = (line: string) => {
      if (line.startsWith('clean-up:')) e[crm].beforeNext(WRITE_KINDS[crm], () => chooseIgnore(e, crm, ids));
    };
    const r = await disconnect(env.options(crm, { progress }), { cleanup: true, confirmed: true });
    expect(r.ok).toBe(true);
    const after = snapshot(env, crm);
    for (const [id, value] of Object.entries(after.people)) {
      const [flag, urn, source] = value.split('|');
      if (ids.includes(id)) expect(flag).toBe(IGNORE[crm]);
      else expect([IGNORE[crm], '', String(DV_VALUES.notAtCompany.noFeedback)]).toContain(flag);
      // The association is gone everywhere, also on the records the rep chose to ignore.
      expect(`${urn}|${source}`).toBe('|');
    }
  });

  test("disconnect with clean-up: a rep's Ignore chosen after the clean-up read its records, before it writes, stays", async () => {
    env = await startEnv(data);
    const e = env;
    // Without the package's guard (an org where the integration permission set is missing), as for the validation apply.
    if (crm === 'salesforce') e.salesforce.integrationPermission = false;
    await runCycle(env.options(crm));
    const synced = snapshot(env, crm);
    const flagged =
      crm === 'salesforce' ? SF_VALUES.notAtCompany.notAtCompany : String(DV_VALUES.notAtCompany.notAtCompany);
    const ids = Object.keys(synced.people)
      .filter((id) => flagOf(synced, id) === flagged)
      .slice(0, 4);
    expect(ids.length).toBe(4);
    const progress = (line: string) => {
      if (line.startsWith('clean-up:')) chooseIgnore(e, crm, ids);
    };
    const r = await disconnect(env.options(crm, { progress }), { cleanup: true, confirmed: true });
    expect(r.ok).toBe(true);
    const after = snapshot(env, crm);
    for (const [id, value] of Object.entries(after.people)) {
      const [flag, urn, source] = value.split('|');
      if (ids.includes(id)) expect(flag).toBe(IGNORE[crm]);
      else expect([IGNORE[crm], '', String(DV_VALUES.notAtCompany.noFeedback)]).toContain(flag);
      expect(`${urn}|${source}`).toBe('|');
    }
  });
});
