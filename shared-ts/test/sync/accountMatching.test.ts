import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DV, SF } from '../../src/domain/crmSchema';
import { demoCompanyUrn } from '../../src/demo/companiesFile';
import { generateDemoData } from '../../src/demo/dataset';
import { startDemoEnvironment, type DemoEnvironment } from '../../src/demo/environment';
import { crmId, type DemoCrm } from '../../src/demo/ids';
import { runCycle } from '../../src/sync/engine';
import type { RunReport } from '../../src/sync/report';

const data = generateDemoData({ accounts: 30, peoplePerAccount: 2, leads: 10 });
let env: DemoEnvironment;
let dir: string;
const first: Partial<Record<DemoCrm, RunReport>> = {};
const second: Partial<Record<DemoCrm, RunReport>> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'navsync-accounts-'));
  env = await startDemoEnvironment({ dir, data });
  for (const crm of ['salesforce', 'dataverse'] as const) {
    first[crm] = await runCycle(env.options(crm));
    second[crm] = await runCycle(env.options(crm));
  }
});
afterAll(async () => {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
});

function storedUrn(crm: DemoCrm, accountKey: string): unknown {
  return crm === 'salesforce'
    ? env.salesforce.get('Account', crmId(crm, accountKey))?.[env.salesforce.f(SF.account.companyUrn)]
    : env.dataverse.get('account', crmId(crm, accountKey))?.[DV.account.companyUrn];
}

describe.each(['salesforce', 'dataverse'] as const)('account matching in the daily cycle (%s double)', (crm) => {
  test('accounts with a LinkedIn page get its company URN; accounts without one (or only a sister page) get none', () => {
    const step = first[crm]?.steps.find((s) => s.name === 'accountMatching');
    expect(step?.status).toBe('ok');
    data.accounts.forEach((a, i) => {
      expect(storedUrn(crm, a.key) ?? null).toBe(i % 3 === 2 ? null : demoCompanyUrn(a.key));
    });
    const withPage = data.accounts.filter((_, i) => i % 3 !== 2).length;
    expect(step?.counts).toMatchObject({ accounts: data.accounts.length, matched: withPage, written: withPage });
  });

  test('a rerun writes nothing: every stored URN is counted unchanged', () => {
    const step = second[crm]?.steps.find((s) => s.name === 'accountMatching');
    expect(step?.counts).toMatchObject({ written: 0, unchanged: step?.counts.matched });
    expect(second[crm]?.changes.filter((c) => c.step === 'accountMatching')).toEqual([]);
  });
});
