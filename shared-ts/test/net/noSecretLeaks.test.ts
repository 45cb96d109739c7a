import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../src/demo/dataset';
import type { DemoEnvironment } from '../../src/demo/environment';
import { renderReportPage } from '../../src/demo/reportPage';
import type { RunReport } from '../../src/sync/report';
import { demoEnvironmentPerTest } from '../sync/demoEnvironmentPerTest';
import { credentials, navsync, navsyncBuilt, writeConfig, type Crm } from './navsync';

// Whatever secret the process is given through its environment — the credentials it uses, or any other variable
// whose name says secret — never appears in what a real `navsync` run prints or writes, even when a server echoes it.
const data = generateDemoData({ accounts: 8, peoplePerAccount: 3, leads: 4 });
let env: DemoEnvironment;
let dir: string;
demoEnvironmentPerTest(data, 'navsync-leaks-', (e, d) => {
  env = e;
  dir = d;
});

const secret = fc.stringMatching(/^[A-Za-z0-9._~+/=!-]{12,40}$/).filter((s) => /[A-Za-z]/.test(s) && /\d/.test(s));
/** Names in the spellings people use, none of them known to NavSync. */
const secretName = fc.constantFrom(
  'ACME_API_KEY',
  'acme.privateKey',
  'DB_PASSWORD',
  'legacy-crm-token',
  'SalesforceSessionId',
  'X_CLIENT_SECRET',
  'OTHER_CREDENTIALS',
);
/** Where the secret goes: a credential NavSync uses (wrong, so the error paths run) or an unrelated variable. */
const placement = fc.constantFrom(
  'crmSecret',
  'linkedinSecret',
  'unrelated',
  'dataverseToken',
  'dataverseRefreshToken',
  'salesforceRefreshToken',
);

(navsyncBuilt ? describe : describe.skip)('no secret from the environment in any output', () => {
  test('stdout, stderr, the JSON report and the HTML report of navsync runs', async () => {
    await fc.assert(
      fc.asyncProperty(secret, secretName, placement, fc.boolean(), async (value, name, where, echo) => {
        const crm: Crm = where.startsWith('dataverse') ? 'dataverse' : 'salesforce';
        const vars = { ...credentials(env, crm), [name]: value };
        if (where === 'crmSecret') vars.NAVSYNC_SF_CLIENT_SECRET = value;
        if (where === 'linkedinSecret') vars.NAVSYNC_LINKEDIN_CLIENT_SECRET = value;
        if (where === 'dataverseToken') vars.NAVSYNC_DV_ACCESS_TOKEN = value;
        // A saved device-code sign-in the token endpoint refuses (the error path prints the refresh request).
        if (where === 'dataverseRefreshToken') vars.NAVSYNC_DV_REFRESH_TOKEN = value;
        if (where === 'salesforceRefreshToken') vars.NAVSYNC_SF_REFRESH_TOKEN = value;
        // A server that echoes what it was given back in its error message.
        env.salesforce.clearFaults();
        if (echo) {
          const body = JSON.stringify([
            { errorCode: 'MALFORMED_QUERY', message: `rejected ${value} (${name}=${value})` },
          ]);
          env.salesforce.failNext(1, { status: 400, kinds: ['describeGlobal'], body });
        }
        const report = join(dir, 'run.json');
        const args = ['sync', '--config', writeConfig(env, dir, crm), '--report', report, '--verbose'];
        const r = await navsync(echo ? [...args, '--json'] : args, vars);
        const json = readFileSync(report, 'utf8');
        const html = renderReportPage(
          [{ crmLabel: crm, report: JSON.parse(json) as RunReport, atRisk: [], notAtCompany: [], unresolved: [] }],
          'en',
          new Date(0),
        );
        for (const [channel, text] of Object.entries({ stdout: r.stdout, stderr: r.stderr, json, html })) {
          expect([channel, text.includes(value)]).toEqual([channel, false]);
        }
      }),
      { numRuns: 10 },
    );
  }, 240_000);
});
