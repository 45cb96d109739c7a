// A large export on Salesforce: the seat holders' contacts are read at once (one Bulk API 2.0 query job) and each
// row's record is looked up among them, instead of reading every row's record by id; a record outside them (in the
// scope through an account, or none at all) is still read by id. The flags written are the same either way.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SalesforceGateway } from '../../src/crm/salesforce';
import { crmId } from '../../src/demo/ids';
import { SF } from '../../src/domain/crmSchema';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';
import { FileSource } from '../../src/linkedin/fileSource';
import { runCycle } from '../../src/sync/engine';

const N = 3000;
const holder = crmId('salesforce', 'U1');
const other = crmId('salesforce', 'U2');
const contact = (i: number) => crmId('salesforce', `C${i}`);

async function org(): Promise<SalesforceDouble> {
  const sf = await SalesforceDouble.start();
  for (const [Id, Name] of [
    [holder, 'Seat Holder'],
    [other, 'Someone Else'],
  ])
    sf.insert('User', { Id, Name, Username: `${Name}@x.example`, Email: `${Id}@x.example`, IsActive: true });
  for (let a = 1; a <= 30; a++)
    sf.insert('Account', { Id: crmId('salesforce', `A${a}`), Name: `Nordwind ${a} GmbH`, OwnerId: holder });
  // The holder's own contacts, and five of another user's on the holder's accounts (in the scope through them).
  for (let i = 1; i <= N + 5; i++)
    sf.insert('Contact', {
      Id: contact(i),
      FirstName: 'Lena',
      LastName: `Meyer ${i}`,
      AccountId: crmId('salesforce', `A${1 + (i % 30)}`),
      OwnerId: i > N ? other : holder,
    });
  sf.installNavSync(holder);
  return sf;
}

let dir: string;
let file: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-bulkread-'));
  file = join(dir, 'export.csv');
  const rows = ['recordId,recordType,status,memberUrn,currentCompanyName'];
  for (let i = 1; i <= N + 5; i++)
    rows.push(`${contact(i)},CONTACT,${i % 3 ? 'NOT_AT_COMPANY' : 'AT_COMPANY'},urn:li:person:m${i},Südwind ${i} AG`);
  rows.push(`${contact(N + 99)},CONTACT,NOT_AT_COMPANY,urn:li:person:gone,Gone GmbH`);
  writeFileSync(file, rows.join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function validate(bulkFrom: number) {
  const sf = await org();
  try {
    const crm = new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      namespace: sf.ns,
      bulkPollIntervalMs: 10,
      bulkQueryThreshold: 1000,
    });
    const before = sf.log.length;
    const r = await runCycle(
      {
        crm,
        linkedin: new FileSource({ exportFiles: [file] }),
        outDir: dir,
        validationBulkFrom: bulkFrom,
      },
      ['validation'],
    );
    const flag = sf.f(SF.person.notAtCompany);
    const flags = sf.all('Contact').map((c) => `${c.Id}:${String(c[flag] ?? '')}`);
    const contactsById = sf.log
      .slice(before)
      .filter((e) => e.kind === 'query')
      .map((e) => decodeURIComponent(e.path.replace(/\+/g, ' ')))
      .filter((q) => /FROM Contact WHERE .*\bId IN \(/.test(q)).length;
    const validation = r.steps.find((s) => s.name === 'validation');
    return { flags, counts: validation?.counts, contactsById, byKind: sf.counts().byKind };
  } finally {
    await sf.close();
  }
}

test("a large export: the seat holders' contacts are read in one bulk query, not row by row; the same flags", async () => {
  const byId = await validate(Number.MAX_SAFE_INTEGER);
  const atOnce = await validate(1000);
  expect(byId.contactsById).toBeGreaterThanOrEqual(Math.ceil(N / 200));
  // Only the rows whose record is not the holder's own (five of another owner, one unknown) are read by id.
  expect(atOnce.contactsById).toBe(1);
  expect(atOnce.byKind.bulkQueryCreate).toBeGreaterThanOrEqual(1);
  expect(atOnce.counts).toEqual(byId.counts);
  expect(atOnce.counts?.unknown).toBe(1);
  expect(atOnce.counts?.flag).toBeGreaterThan(N / 2);
  expect(atOnce.flags).toEqual(byId.flags);
});
