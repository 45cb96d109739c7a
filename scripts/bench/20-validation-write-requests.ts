// Benchmark: CRM write requests for a data-validation apply of 100,000 flags, against the platform minimum
// (target ≤ 1.05×). Salesforce: the minimum is one Bulk API 2.0 job (create, upload, close, poll); Dataverse:
// ceil(n / 1000) `$batch` requests. The engine's validation step runs against the real gateways and the
// loopback doubles (which count every request they serve); the doubles hold the 100,000 contacts. Only the
// per-chunk record lookups are answered from memory, because the doubles scan their tables on every query.
import { DV, DV_VALUES } from '../../shared-ts/dist/domain/crmSchema';
import { SalesforceDouble } from '../../shared-ts/dist/doubles/salesforceDouble';
import { DataverseDouble } from '../../shared-ts/dist/doubles/dataverseDouble';
import { LinkedInDouble } from '../../shared-ts/dist/doubles/linkedinDouble';
import { SalesforceGateway } from '../../shared-ts/dist/crm/salesforce';
import { DataverseGateway } from '../../shared-ts/dist/crm/dataverse';
import { SyncServicesSource } from '../../shared-ts/dist/linkedin/syncServices';
import { entraTokenProvider } from '../../shared-ts/dist/sync/entraToken';
import { runCycle } from '../../shared-ts/dist/sync/engine';
import { crmId } from '../../shared-ts/dist/demo/ids';
import type { CrmGateway, CrmPerson, PersonQuery } from '../../shared-ts/dist/crm/gateway';

const N = Number(process.env.NAVSYNC_BENCH_FLAGS ?? 100_000);
type Crm = 'salesforce' | 'dataverse';
const WRITE_KINDS = /^(bulk|collections|batch|update|create|upsert|sobject)/;

function exportCsv(crm: Crm): string {
  const lines = ['recordId,recordType,status,currentCompanyName'];
  for (let i = 1; i <= N; i++) lines.push(`${crmId(crm, `C${i}`)},CONTACT,NOT_AT_COMPANY,Nordstern ${i % 977} GmbH`);
  return lines.join('\n') + '\n';
}

function person(crm: Crm, i: number, owner: string, account: string): CrmPerson {
  return {
    id: crmId(crm, `C${i}`),
    kind: 'contact',
    firstName: 'Lena',
    lastName: `Meyer ${i}`,
    email: null,
    phone: null,
    title: null,
    accountId: account,
    companyName: 'Alpenglühen AG',
    ownerId: owner,
    notAtCompany: 'noFeedback',
    memberUrn: null,
    profileUrl: null,
    photoUrl: null,
    matchSource: null,
    syncedAt: null,
    validatedAt: null,
    lastModifiedAt: null,
  };
}

async function bench(crm: Crm) {
  const owner = crmId(crm, 'U1');
  const account = crmId(crm, 'A1');
  const li = await LinkedInDouble.start({ exportFiles: [exportCsv(crm)] });
  const people = new Map<string, CrmPerson>();
  let gateway: CrmGateway;
  let double: SalesforceDouble | DataverseDouble;
  if (crm === 'salesforce') {
    const sf = await SalesforceDouble.start();
    double = sf;
    sf.insert('User', {
      Id: owner,
      Name: 'Seat Holder',
      Username: 'seat@seller.example',
      Email: 'seat@seller.example',
      IsActive: true,
    });
    sf.insert('Account', { Id: account, Name: 'Alpenglühen AG', OwnerId: owner });
    for (let i = 1; i <= N; i++) {
      const p = person(crm, i, owner, account);
      people.set(p.id, p);
      sf.insert('Contact', {
        Id: p.id,
        FirstName: p.firstName,
        LastName: p.lastName,
        AccountId: account,
        OwnerId: owner,
      });
    }
    sf.installNavSync(owner);
    gateway = new SalesforceGateway({
      outbound: { allowLoopback: true },
      instanceUrl: sf.url,
      clientId: sf.clientId,
      clientSecret: sf.clientSecret,
      namespace: sf.ns,
      bulkPollIntervalMs: 5,
    });
  } else {
    const dv = await DataverseDouble.start();
    double = dv;
    dv.insert('systemuser', {
      systemuserid: owner,
      fullname: 'Seat Holder',
      internalemailaddress: 'seat@seller.example',
      isdisabled: false,
    });
    dv.insert('account', { accountid: account, name: 'Alpenglühen AG', _ownerid_value: owner, statecode: 0 });
    for (let i = 1; i <= N; i++) {
      const p = person(crm, i, owner, account);
      people.set(p.id, p);
      dv.insert('contact', {
        contactid: p.id,
        firstname: p.firstName,
        lastname: p.lastName,
        _parentcustomerid_value: account,
        _ownerid_value: owner,
        statecode: 0,
        [DV.person.notAtCompany]: DV_VALUES.notAtCompany.noFeedback,
      });
    }
    dv.insert(DV.settings.table, {
      navsync_name: 'NavSync',
      [DV.settings.dataValidationEnabled]: true,
      [DV.settings.autoSyncAllSeats]: true,
    });
    dv.insert(DV.seat.table, {
      [`_${DV.seat.user}_value`]: owner,
      [DV.seat.enabled]: true,
      [DV.seat.writeBackOptOut]: null,
    });
    gateway = new DataverseGateway({
      outbound: { allowLoopback: true },
      url: dv.url,
      getToken: entraTokenProvider({
        outbound: { allowLoopback: true },
        tokenUrl: dv.tokenUrl,
        clientId: dv.clientId,
        clientSecret: dv.clientSecret,
        resource: dv.url,
      }),
      sleep: async () => undefined,
    });
  }
  // Record lookups by id from memory (see the header); everything else, and every write, goes over HTTP.
  const crmForRun: CrmGateway = Object.create(gateway);
  crmForRun.people = (q: PersonQuery) =>
    (async function* () {
      if (!q.ids) {
        yield* gateway.people(q);
        return;
      }
      yield q.ids.map((id) => people.get(id)).filter((p): p is CrmPerson => !!p);
    })();
  const linkedin = new SyncServicesSource({
    outbound: { allowLoopback: true },
    apiBaseUrl: li.apiBaseUrl,
    tokenUrl: li.tokenUrl,
    clientId: li.clientId,
    clientSecret: li.clientSecret,
    crmKey: crm === 'salesforce' ? 'SFDC' : 'DYNAMICS',
    crmInstanceValue: 'bench',
    partner: crm === 'salesforce' ? 'SFDC' : 'MS',
    associationInstanceId: 'bench',
    pollIntervalMs: 5,
  });
  let before = double.counts();
  const started = Date.now();
  const report = await runCycle(
    {
      crm: crmForRun,
      linkedin,
      progress: (l) => {
        if (l.startsWith('validation: applying')) before = double.counts();
      },
    },
    ['validation'],
  );
  const after = double.counts();
  const seconds = (Date.now() - started) / 1000;
  const v = report.steps.find((s) => s.name === 'validation');
  const served: Record<string, number> = {};
  for (const [k, n] of Object.entries(after.byKind)) {
    const d = n - (before.byKind[k] ?? 0);
    if (d > 0 && WRITE_KINDS.test(k)) served[k] = d;
  }
  const writes = Object.values(served).reduce((a, b) => a + b, 0);
  // Settings write of the cursor is one small request on top of the apply; it is listed, not counted.
  const cursorWrites = (served.sobject ?? 0) + (served.update ?? 0);
  const applyWrites = writes - cursorWrites;
  const minimum = crm === 'salesforce' ? 4 : Math.ceil(N / 1000);
  console.log(
    `${crm}: ${v?.counts.applied?.toLocaleString('en')} flags applied (${v?.status}) in ${seconds.toFixed(1)} s — write requests for the apply ${applyWrites} ` +
      `vs platform minimum ${minimum} = ${(applyWrites / minimum).toFixed(2)}× (target ≤ 1.05×); served by kind ${JSON.stringify(served)}; engine counted ${report.requests.crmWrites} vs gateway minimum ${report.requests.crmWriteMinimum}`,
  );
  console.log(`  ${applyWrites / minimum <= 1.05 ? 'MEETS' : 'MISSES'} the target`);
  await Promise.all([double.close(), li.close()]);
}

async function main() {
  for (const crm of ['salesforce', 'dataverse'] as const) await bench(crm);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
