import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DV, SF } from '../../src/domain/crmSchema';
import { scorePerson } from '../../src/domain/matching/people';
import { decodeStoredScore } from '../../src/domain/matching/storedScore';
import { generateDemoData } from '../../src/demo/dataset';
import { startDemoEnvironment, type DemoEnvironment } from '../../src/demo/environment';
import { crmId, type DemoCrm } from '../../src/demo/ids';
import { FileSource } from '../../src/linkedin/fileSource';
import { runCycle } from '../../src/sync/engine';

// A source that shows the member with each association: the engine stores the match's score on the record.
const data = generateDemoData({ accounts: 12, peoplePerAccount: 3, leads: 10 });
let env: DemoEnvironment;
let dir: string;
const associated = data.members.filter(
  (m) => m.personKey && data.people.find((p) => p.key === m.personKey)?.association?.source !== 'Manual',
);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-score-'));
  env = await startDemoEnvironment({ dir, data });
  for (const crm of ['salesforce', 'dataverse'] as const) {
    const file = join(dir, `associations-${crm}.jsonl`);
    const lines = associated.map((m) =>
      JSON.stringify({
        recordId: crmId(crm, m.personKey as string),
        memberUrn: m.urn,
        profileUrl: m.profileUrl,
        firstName: m.firstName,
        lastName: m.lastName,
        email: m.email,
        companyName: m.company,
        title: m.title,
      }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    await runCycle(env.options(crm, { linkedin: new FileSource({ exportFiles: [], associationsFile: file }) }), [
      'associations',
    ]);
  }
});
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

function stored(crm: DemoCrm, key: string, type: 'contact' | 'lead'): unknown {
  const id = crmId(crm, key);
  return crm === 'salesforce'
    ? env.salesforce.get(type === 'lead' ? 'Lead' : 'Contact', id)?.[env.salesforce.f(SF.person.matchScore)]
    : env.dataverse.get(type, id)?.[DV.person.matchScore];
}

test.each(['salesforce', 'dataverse'] as const)(
  'every sync match stores its score; it decodes to the total of the match (%s)',
  (crm) => {
    expect(associated.length).toBeGreaterThan(5);
    for (const m of associated) {
      const p = data.people.find((x) => x.key === m.personKey)!;
      const text = stored(crm, p.key, p.type);
      const decoded = decodeStoredScore(String(text));
      const fresh = scorePerson(
        {
          firstName: p.firstName,
          lastName: p.lastName,
          email: p.email,
          phone: p.phone,
          title: p.title,
          companyName: p.company,
        },
        {
          firstName: m.firstName,
          lastName: m.lastName,
          email: m.email,
          positions: [{ companyName: m.company, title: m.title, current: true }],
        },
      );
      expect(decoded?.kind).toBe('person');
      expect(decoded?.score.total).toBe(fresh.total);
      expect(decoded?.score.contributions.reduce((sum, c) => sum + c.points, 0)).toBe(fresh.total);
      expect(decoded?.score.confidence).toBe(fresh.confidence);
    }
  },
);
