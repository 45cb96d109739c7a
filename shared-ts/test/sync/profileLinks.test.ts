// Whatever a source sends (the associations file, the LinkedIn API), the engine stores only an https LinkedIn
// profile URL and a photo on LinkedIn's media hosts; anything else is dropped, counted and listed in the run report.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DV, SF } from '../../src/domain/crmSchema';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { FileSource } from '../../src/linkedin/fileSource';
import { runCycle } from '../../src/sync/engine';
import { demoEnvironmentPerTest } from './demoEnvironmentPerTest';

const data = generateDemoData({ accounts: 10, peoplePerAccount: 3, leads: 5 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-links-', (e, d) => {
  env = e;
  dir = d;
});

const GOOD_PHOTO =
  'https://media.licdn.com/dms/image/v2/C4E03AQ/profile-displayphoto-shrink_200_200/0/1?e=1&v=beta&t=x';
const rows: [profile: string, photo: string, keeps: { profile: string | null; photo: string | null }][] = [
  ['javascript:alert(document.domain)//https://www.linkedin.com/in/x', '', { profile: null, photo: null }],
  ['https://evil.example/in/jean-dupont', '', { profile: null, photo: null }],
  ['http://www.linkedin.com/in/jean-dupont', '', { profile: null, photo: null }],
  ['https://www.linkedin.com.evil.example/in/jean-dupont', '', { profile: null, photo: null }],
  ['https://www.linkedin.com/company/contoso', '', { profile: null, photo: null }],
  ['data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', { profile: null, photo: null }],
  [
    'https://www.linkedin.com/in/anna-de-vries',
    'https://evil.example/p.png',
    { profile: 'https://www.linkedin.com/in/anna-de-vries', photo: null },
  ],
  [
    'https://www.linkedin.com/in/marco-rossi',
    GOOD_PHOTO,
    { profile: 'https://www.linkedin.com/in/marco-rossi', photo: GOOD_PHOTO },
  ],
];

describe.each(['salesforce', 'dataverse'] as const)('profile links stored by the engine (%s double)', (crm) => {
  test('only https LinkedIn profile URLs and LinkedIn-hosted photos are stored; the rest is dropped and counted', async () => {
    const ids =
      crm === 'salesforce'
        ? env.salesforce.all('Contact').map((c) => String(c.Id))
        : env.dataverse.all('contact').map((c) => String(c.contactid));
    const picked = ids.slice(0, rows.length);
    const file = join(dir, 'associations.csv');
    const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
    writeFileSync(
      file,
      [
        'recordId,memberUrn,profileUrl,photoUrl',
        ...rows.map(([u, ph], i) => `${picked[i]},urn:li:person:m${i},${q(u)},${q(ph)}`),
      ].join('\n'),
    );
    const r = await runCycle(
      env.options(crm, { linkedin: new FileSource({ exportFiles: [], associationsFile: file }) }),
      ['associations'],
    );
    const step = r.steps.find((s) => s.name === 'associations');
    expect(step?.counts).toMatchObject({ profileLinksDropped: 6, photosDropped: 2 });
    expect(step?.status).toBe('partial');
    expect(
      step?.problems
        .filter((p) => /profile link/.test(p.reason))
        .map((p) => p.ref)
        .sort(),
    ).toEqual(picked.slice(0, 6).sort());
    rows.forEach(([, , keeps], i) => {
      const rec =
        crm === 'salesforce'
          ? env.salesforce.get('Contact', picked[i])
          : (env.dataverse.get('contact', picked[i]) as Record<string, unknown>);
      const f = (sf: string, dv: string) => (crm === 'salesforce' ? rec?.[env.salesforce.f(sf)] : rec?.[dv]) ?? null;
      expect([
        f(SF.person.memberUrn, DV.person.memberUrn),
        f(SF.person.profileUrl, DV.person.profileUrl),
        f(SF.person.photoUrl, DV.person.photoUrl),
      ]).toEqual([`urn:li:person:m${i}`, keeps.profile, keeps.photo]);
    });
    const report = JSON.stringify(r);
    expect(report).not.toMatch(/javascript:|evil\.example|<script>/);
  });
});
