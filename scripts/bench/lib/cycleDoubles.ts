// Started by 30-cycle-latency: the CRM double and the LinkedIn double of one org, in a process of their own (their
// CPU and memory are not the engine's), each behind the latency model (shared-ts/src/doubles/latency.ts).
// The org: N contacts owned by one seat holder, on N/20 accounts, N/100 open opportunities with one contact role
// each; LinkedIn holds an association for 4 contacts in 5 and an export row for every contact.
// Prints one JSON line with the proxied URLs; answers each stdin line `stats` with one JSON line of the proxies'
// counts; exits when stdin closes. With a fifth argument `crm-only` (22-validation-memory): the CRM double alone,
// reached directly (the export comes from a file).
import { createInterface } from 'node:readline';
import { DV, DV_VALUES } from '../../../shared-ts/dist/domain/crmSchema';
import { DataverseDouble } from '../../../shared-ts/dist/doubles/dataverseDouble';
import { LatencyProxy, defaultModel, type Platform } from '../../../shared-ts/dist/doubles/latency';
import { LinkedInDouble } from '../../../shared-ts/dist/doubles/linkedinDouble';
import { SalesforceDouble } from '../../../shared-ts/dist/doubles/salesforceDouble';
import { cycleOrg, exportChunks } from './cycleOrg';

async function main() {
  const kind = process.argv[2] as 'salesforce' | 'dataverse';
  const n = Number(process.argv[3]);
  const requestMs = Number(process.argv[4]);
  const recordMs = Number(process.argv[5]);
  const crmOnly = process.argv[6] === 'crm-only';
  const org = cycleOrg(kind, n);
  const li = crmOnly
    ? null
    : await LinkedInDouble.start({
        exportFiles: [() => exportChunks(org)],
        associations: org.associations(),
        pollsUntilComplete: 1,
      });
  let crm: SalesforceDouble | DataverseDouble;
  let info: Record<string, string>;
  if (kind === 'salesforce') {
    const sf = await SalesforceDouble.start();
    crm = sf;
    sf.insert('User', {
      Id: org.holder,
      Name: 'Seat Holder',
      Username: 'seat@seller.example',
      Email: 'seat@seller.example',
      IsActive: true,
    });
    for (const a of org.accounts())
      sf.insert('Account', { Id: a, Name: `Alpenglühen ${a.slice(-4)} AG`, OwnerId: org.holder });
    for (const c of org.contacts())
      sf.insert('Contact', {
        Id: c.id,
        FirstName: 'Lena',
        LastName: `Meyer ${c.i}`,
        AccountId: c.account,
        OwnerId: org.holder,
      });
    for (const o of org.opportunities()) {
      sf.insert('Opportunity', {
        Id: o.id,
        Name: `Deal ${o.id.slice(-5)}`,
        AccountId: o.account,
        OwnerId: org.holder,
        StageName: 'Prospecting',
        IsClosed: false,
        IsWon: false,
      });
      sf.insert('OpportunityContactRole', {
        OpportunityId: o.id,
        ContactId: o.contact,
        Role: 'Decision Maker',
        IsPrimary: true,
      });
    }
    sf.installNavSync(org.holder);
    info = { clientId: sf.clientId, clientSecret: sf.clientSecret, ns: sf.ns ?? '' };
  } else {
    const dv = await DataverseDouble.start();
    crm = dv;
    dv.insert('systemuser', {
      systemuserid: org.holder,
      fullname: 'Seat Holder',
      internalemailaddress: 'seat@seller.example',
      isdisabled: false,
    });
    for (const a of org.accounts())
      dv.insert('account', {
        accountid: a,
        name: `Alpenglühen ${a.slice(-4)} AG`,
        _ownerid_value: org.holder,
        statecode: 0,
      });
    for (const c of org.contacts())
      dv.insert('contact', {
        contactid: c.id,
        firstname: 'Lena',
        lastname: `Meyer ${c.i}`,
        _parentcustomerid_value: c.account,
        _ownerid_value: org.holder,
        statecode: 0,
        [DV.person.notAtCompany]: DV_VALUES.notAtCompany.noFeedback,
      });
    for (const o of org.opportunities()) {
      dv.insert('opportunity', {
        opportunityid: o.id,
        name: `Deal ${o.id.slice(-5)}`,
        _parentaccountid_value: o.account,
        _ownerid_value: org.holder,
        _parentcontactid_value: o.contact,
        salesstage: 0,
        stepname: 'Qualify',
        statecode: 0,
      });
    }
    dv.insert(DV.settings.table, {
      navsync_name: 'NavSync',
      [DV.settings.dataValidationEnabled]: true,
      [DV.settings.autoSyncAllSeats]: true,
    });
    dv.insert(DV.seat.table, {
      [`_${DV.seat.user}_value`]: org.holder,
      [DV.seat.enabled]: true,
      [DV.seat.writeBackOptOut]: null,
    });
    info = { clientId: dv.clientId, clientSecret: dv.clientSecret, tokenPath: new URL(dv.tokenUrl).pathname };
  }
  if (!li) {
    process.stdout.write(`${JSON.stringify({ kind, crmUrl: crm.url, ...info })}\n`);
    createInterface({ input: process.stdin }).on('close', () => void crm.close().then(() => process.exit(0)));
    return;
  }
  const model = (p: Platform) => defaultModel(p, requestMs, recordMs);
  const crmProxy = await LatencyProxy.start(crm, kind, model(kind));
  const liProxy = await LatencyProxy.start(li, 'linkedin', model('linkedin'));
  process.stdout.write(
    `${JSON.stringify({ kind, crmUrl: crmProxy.url, liUrl: liProxy.url, liClientId: li.clientId, liClientSecret: li.clientSecret, ...info, limits: { crm: model(kind), linkedin: model('linkedin') } })}\n`,
  );
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (l) => {
    if (l === 'stats') process.stdout.write(`${JSON.stringify({ crm: crmProxy.stats, linkedin: liProxy.stats })}\n`);
    if (l === 'reset') {
      crmProxy.resetStats();
      liProxy.resetStats();
      process.stdout.write('{}\n');
    }
  });
  lines.on(
    'close',
    () => void Promise.all([crmProxy.close(), liProxy.close(), crm.close(), li.close()]).then(() => process.exit(0)),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
