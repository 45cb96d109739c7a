// A rep's hand-made match is never overwritten, also while a run refreshes the profile associations: reps match
// records by hand after the run read them and before it writes; every hand-made match stays.
import { DV, DV_VALUES, SF, SF_VALUES } from '../../src/domain/crmSchema';
import type { DemoCrm } from '../../src/demo/ids';
import { runCycle } from '../../src/sync/engine';
import { snapshot, startEnv, smallWorld, type CrmSnapshot, type Env } from './harness';

const CRMS: DemoCrm[] = ['salesforce', 'dataverse'];
const MANUAL: Record<DemoCrm, string> = {
  salesforce: SF_VALUES.matchSource.manual,
  dataverse: String(DV_VALUES.matchSource.manual),
};

/** What a rep does on the record page: match the person by hand (a user's own edit). */
function matchByHand(env: Env, crm: DemoCrm, ids: readonly string[]): void {
  for (const id of ids) {
    const urn = `urn:li:person:byhand${id.slice(-6).replace(/[^A-Za-z0-9]/g, '')}`;
    if (crm === 'salesforce') {
      const sf = env.salesforce;
      const object = sf.get('Contact', id) ? 'Contact' : 'Lead';
      sf.edit(object, id, {
        [sf.f(SF.person.memberUrn)]: urn,
        [sf.f(SF.person.matchSource)]: SF_VALUES.matchSource.manual,
      });
    } else {
      const table = env.dataverse.get('contact', id) ? 'contact' : 'lead';
      env.dataverse.edit(table, id, {
        [DV.person.memberUrn]: urn,
        [DV.person.matchSource]: DV_VALUES.matchSource.manual,
      });
    }
  }
}

const linkOf = (s: CrmSnapshot, id: string) => s.people[id].split('|').slice(1).join('|');

describe.each(CRMS)("a rep's hand-made match during a run: %s", (crm) => {
  const data = smallWorld();
  let before: CrmSnapshot;
  /** Records whose link the fault-free run changes or clears. */
  let relinked: string[];
  let env: Env | null = null;

  beforeAll(async () => {
    const e = await startEnv(data);
    try {
      before = snapshot(e, crm);
      await runCycle(e.options(crm));
      const baseline = snapshot(e, crm);
      relinked = Object.keys(baseline.people).filter(
        (id) => linkOf(baseline, id) !== linkOf(before, id) && linkOf(before, id).split('|')[1] !== MANUAL[crm],
      );
    } finally {
      await e.cleanup();
    }
  });

  afterEach(async () => {
    await env?.cleanup();
    env = null;
  });

  test('reps match by hand after the associations were read, before they are written: every hand-made match stays', async () => {
    expect(relinked.length).toBeGreaterThanOrEqual(3);
    env = await startEnv(data);
    const e = env;
    const ids = relinked.slice(0, 6);
    // The rep acts once the run has read the records and is looking their associations up.
    const opts = env.options(crm);
    const source = opts.linkedin;
    const linkedin = Object.create(source) as typeof source;
    linkedin.getAssociations = async (recordIds) => {
      const found = await source.getAssociations(recordIds);
      const due = ids.filter((id) => recordIds.includes(id));
      matchByHand(e, crm, due);
      return found;
    };
    const r = await runCycle({ ...opts, linkedin });
    expect(r.ok).toBe(true);
    const after = snapshot(env, crm);
    for (const id of ids) expect(linkOf(after, id)).toMatch(new RegExp(`^urn:li:person:byhand.*\\|${MANUAL[crm]}$`));
  });
});

/** The CRM requests of a run that found hand-made matches by query, and read no relinked record again by id. */
function handMatchQueries(env: Env, crm: DemoCrm, before: number, crmWrites: number): number {
  if (crm === 'salesforce') {
    const queries = env.salesforce.log
      .slice(before)
      .filter((e) => e.kind === 'query')
      .map((e) => decodeURIComponent(e.path.replace(/\+/g, ' ')));
    expect(queries.filter((q) => /FROM (Contact|Lead) WHERE .*\bId IN \(/.test(q))).toEqual([]);
    return queries.filter((q) => q.includes('LastModifiedDate >=')).length;
  }
  const log = env.dataverse.log.slice(before);
  const paths = log.map((e) => decodeURIComponent(e.path));
  // After the step's read, every $batch is one of its writes: no id-list reads of the records to relink.
  const read = paths.findIndex((p) => /^\/api\/data\/v9\.2\/leads\?.*navsync_syncedat lt /.test(p));
  expect(read).toBeGreaterThan(0);
  expect(log.slice(read).filter((e) => e.kind === 'batch')).toHaveLength(crmWrites);
  return paths.filter((p) => /modifiedon ge /.test(p)).length;
}

test.each(CRMS)(
  "%s finds the reps' hand-made matches of the meantime in one query per kind, without reading every relinked record again",
  async (crm) => {
    const env = await startEnv(smallWorld());
    try {
      const opts = env.options(crm);
      const source = opts.linkedin;
      const linkedin = Object.create(source) as typeof source;
      const isContact = (id: string) =>
        crm === 'salesforce' ? env.salesforce.get('Contact', id) : env.dataverse.get('contact', id);
      let matched: string | null = null;
      linkedin.getAssociations = async (recordIds) => {
        const found = await source.getAssociations(recordIds);
        // A rep matches by hand a record the run is about to relink.
        const id = recordIds.find((r) => found.found.has(r) && isContact(r));
        if (!matched && id) {
          matched = id;
          matchByHand(env, crm, [id]);
        }
        return found;
      };
      const before = (crm === 'salesforce' ? env.salesforce : env.dataverse).log.length;
      const r = await runCycle({ ...opts, linkedin }, ['associations']);
      expect(r.ok).toBe(true);
      expect(matched).not.toBeNull();
      expect(linkOf(snapshot(env, crm), matched as unknown as string)).toMatch(
        new RegExp(`^urn:li:person:byhand.*\\|${MANUAL[crm]}$`),
      );
      expect(handMatchQueries(env, crm, before, r.requests.crmWrites)).toBe(2);
    } finally {
      await env.cleanup();
    }
  },
);
