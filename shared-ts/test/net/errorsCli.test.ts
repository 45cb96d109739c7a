import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { t } from '../../src/domain/i18n/index';
import { closedPort } from '../doubles/loopbackGuard';
import { demoEnvironmentPerTest } from '../sync/demoEnvironmentPerTest';
import { credentials, navsync, navsyncBuilt, writeConfig, type Crm } from './navsync';

// Every failure an admin reads through the real `navsync` command names what failed, with the catalogue's message.
const data = generateDemoData({ accounts: 12, peoplePerAccount: 3, leads: 6 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-errors-', (e, d) => {
  env = e;
  dir = d;
});

const run = (crm: Crm, extra: Record<string, unknown> = {}, vars: Record<string, string> = {}, command = 'sync') =>
  navsync([command, '--config', writeConfig(env, dir, crm, extra), '--quiet'], { ...credentials(env, crm), ...vars });

/** The step line of the summary: `✗ connection — NS-… message`. */
const failedLine = (out: string, step: string) => out.split('\n').find((l) => l.includes(`✗ ${step}`)) ?? '';

(navsyncBuilt ? describe : describe.skip)('the help articles’ four messages, end to end', () => {
  test('1. nothing listening at the CRM address: "Could not connect to CRM. Please try again later."', async () => {
    const r = await run('salesforce', { salesforce: { instanceUrl: `http://127.0.0.1:${await closedPort()}` } });
    expect(r.code).toBe(1);
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-CONN-001 ${t('errors.connectFailed')}`);
    expect(t('errors.connectFailed')).toBe('Could not connect to CRM. Please try again later.');
  });

  test('1b. a CRM host name that does not resolve is a connection error too, with the attempts counted', async () => {
    const cfg = writeConfig(env, dir, 'salesforce', { salesforce: { instanceUrl: 'https://navsync-test.invalid' } });
    const li = env.linkedin.salesforce;
    const r = await navsync(['sync', '--config', cfg, '--quiet'], {
      NAVSYNC_SF_ACCESS_TOKEN: env.salesforce.issueToken(),
      NAVSYNC_LINKEDIN_CLIENT_ID: li.clientId,
      NAVSYNC_LINKEDIN_CLIENT_SECRET: li.clientSecret,
    });
    expect(r.code).toBe(1);
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-CONN-001 ${t('errors.connectFailed')}`);
    expect(r.stdout).toMatch(/ENOTFOUND|EAI_AGAIN/);
    expect(r.stdout).toMatch(/requests: CRM [1-9]/);
  }, 60_000);

  test('2. the CRM API answers an error: "The CRM API reported an error. Please try again later."', async () => {
    env.salesforce.failNext(1, {
      status: 400,
      kinds: ['describeGlobal'],
      body: JSON.stringify([{ errorCode: 'MALFORMED_QUERY', message: 'unexpected token' }]),
    });
    const r = await run('salesforce');
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-API-002 ${t('errors.apiError')}`);
    expect(t('errors.apiError')).toBe('The CRM API reported an error. Please try again later.');
  });

  test('3. the integration user may not read: "Your CRM account does not have sufficient access privileges. …"', async () => {
    env.salesforce.failNext(1, {
      status: 403,
      kinds: ['describeGlobal'],
      body: JSON.stringify([{ errorCode: 'INSUFFICIENT_ACCESS', message: 'insufficient access rights' }]),
    });
    const r = await run('salesforce');
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-ACCESS-003 ${t('errors.insufficientAccess')}`);
    expect(t('errors.insufficientAccess')).toBe(
      'Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.',
    );
    expect(r.stdout).toContain('NavSync Admin permission set');
  });

  test('4. a required object is invisible: "Could not read the required CRM objects from your org."', async () => {
    env.salesforce.hideObject('Opportunity');
    const r = await run('salesforce');
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-OBJECTS-004 ${t('errors.objectsUnreadable')}`);
    expect(r.stdout).toContain('Opportunity');
  });
});

(navsyncBuilt ? describe : describe.skip)('failures named for what they are', () => {
  test('a wrong LinkedIn secret is a LinkedIn credential error, not the CRM access message', async () => {
    const r = await run('salesforce', {}, { NAVSYNC_LINKEDIN_CLIENT_SECRET: 'not-the-linkedin-secret' });
    expect(r.code).toBe(1);
    expect(failedLine(r.stdout, 'validation')).toContain(`NS-LI-008 ${t('errors.linkedinAccess')}`);
    expect(r.stdout).not.toContain(t('errors.insufficientAccess'));
    expect(r.stdout).toContain('NAVSYNC_LINKEDIN_CLIENT_SECRET');
  });

  test('the same wrong secret on Salesforce and on Dataverse gives the same error', async () => {
    const sf = await run('salesforce', {}, { NAVSYNC_SF_CLIENT_SECRET: 'the-same-wrong-secret' });
    const dv = await run('dataverse', {}, { NAVSYNC_DV_CLIENT_SECRET: 'the-same-wrong-secret' });
    for (const r of [sf, dv])
      expect(failedLine(r.stdout, 'connection')).toContain(`NS-AUTH-007 ${t('errors.crmSignIn')}`);
  });

  test('Salesforce API_DISABLED_FOR_ORG: the edition has no API (Professional Edition without the add-on)', async () => {
    env.salesforce.apiDisabledForOrg = true;
    const r = await run('salesforce');
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-SF-010 ${t('errors.apiDisabledForOrg')}`);
    expect(r.stdout).toContain('Professional Edition only with the API add-on');
  });

  test('Salesforce UNSUPPORTED_API_VERSION points at the API version setting', async () => {
    const r = await run('salesforce', { salesforce: { apiVersion: '20.0' } });
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-SF-011 ${t('errors.apiVersionUnsupported')}`);
    expect(r.stdout).toContain('salesforce.apiVersion');
  });

  test.each([
    ['an on-premises server', { dataverse: { url: 'https://crm.contoso.local/contoso' } }],
    ['a Web API before v9', { dataverse: { apiVersion: '8.2' } }],
  ])('Dynamics on-premises is named unsupported: %s', async (_what, extra) => {
    const r = await run('dataverse', extra);
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-DV-012 ${t('errors.dataverseUnsupported')}`);
  });

  test('a refused address is named as such and nothing is sent there', async () => {
    const r = await run('salesforce', { allowLoopback: false });
    expect(failedLine(r.stdout, 'connection')).toContain(`NS-NET-013 ${t('errors.outboundRefused')}`);
  });
});

(navsyncBuilt ? describe : describe.skip)('"last synced"', () => {
  test('moves only when no step failed; a failed run is recorded as failed, with the LinkedIn code', async () => {
    const failed = await run('salesforce', {}, { NAVSYNC_LINKEDIN_CLIENT_SECRET: 'not-the-linkedin-secret' });
    expect(failed.code).toBe(1);
    const after = (await run('salesforce', {}, {}, 'status')).stdout;
    expect(after).toMatch(/last synced never; last run: .*"ok":false/);
    expect(after).toMatch(/"name":"validation","status":"failed","code":"NS-LI-008"/);
    expect((await run('salesforce')).code).toBe(0);
    expect((await run('salesforce', {}, {}, 'status')).stdout).toMatch(/last synced 20\d\d-/);
  });
});
