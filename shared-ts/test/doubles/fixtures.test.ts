import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataverseGateway } from '../../src/crm/dataverse';
import type { Pages } from '../../src/crm/gateway';
import { SalesforceGateway } from '../../src/crm/salesforce';
import { DataverseDouble } from '../../src/doubles/dataverseDouble';
import { SalesforceDouble } from '../../src/doubles/salesforceDouble';

const fixture = (dir: string) =>
  JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', dir, 'small-org.json'), 'utf8'));

async function all<T>(pages: Pages<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(...p);
  return out;
}

test('the Salesforce double seeds from a fixture (namespace applied) and the gateway reads it back', async () => {
  const sf = await SalesforceDouble.start();
  try {
    sf.seed(fixture('salesforce'));
    const g = new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      accessToken: sf.issueToken(),
    });
    const people = await all(g.people({ kind: 'contact', ownerIds: ['0055e000000SeedAAA'] }));
    expect(people.map((p) => [p.lastName, p.companyName, p.notAtCompany])).toEqual([
      ['Lefèvre', 'Dupont & Fils S.A.', 'notAtCompany'],
      ['de Boer', 'Van Dijk B.V.', 'noFeedback'],
    ]);
    expect(await all(g.contactRoles(['0065e000000SeedAAA']))).toEqual([
      { opportunityId: '0065e000000SeedAAA', contactId: '0035e000000SeedAAA', role: 'Economic Buyer', isPrimary: true },
    ]);
    expect(await g.fieldsOf('Contact')).toContain('navsync__Not_At_Company__c');
    expect(sf.counts().byKind.describe).toBe(1);
  } finally {
    await sf.close();
  }
});

test('the Dataverse double seeds from a fixture and the gateway reads it back', async () => {
  const dv = await DataverseDouble.start();
  try {
    dv.seed(fixture('dataverse'));
    const g = new DataverseGateway({
      outbound: { allowLoopback: true },
      url: dv.url,
      getToken: async () => dv.issueToken(),
    });
    const people = await all(g.people({ kind: 'contact', ownerIds: ['5b1f0c2e-6a1d-4c3e-9f00-000000000001'] }));
    expect(people.map((p) => [p.lastName, p.companyName, p.notAtCompany])).toEqual([
      ['Bianchi', 'Rossi S.p.A.', 'notAtCompany'],
      ['Weiß', 'Schmidt GmbH', 'noFeedback'],
    ]);
    const [opp] = await all(g.opportunities({ openOnly: true }));
    expect(opp).toMatchObject({
      name: 'Rossi expansion',
      stage: 'Propose',
      primaryContactId: 'c0000000-0000-4000-8000-000000000001',
    });
  } finally {
    await dv.close();
  }
});
