import { SF, SF_VALUES } from '../domain/crmSchema';
import { seatToSalesforce } from '../domain/seats/seats';
import { settingsToSalesforce } from '../domain/settings/records';
import type { SalesforceDouble } from '../doubles/salesforceDouble';
import type { DemoData } from './dataset';
import { demoSettings } from './settings';
import { crmId } from './ids';

/** Load the demo world into the Salesforce double, as an org with NavSync installed would hold it. */
export function seedSalesforce(sf: SalesforceDouble, data: DemoData): void {
  const id = (key: string) => crmId('salesforce', key);
  const f = (api: string) => sf.f(api);
  for (const u of data.users) {
    sf.insert('User', {
      Id: id(u.key),
      Name: `${u.firstName} ${u.lastName}`,
      Username: u.email,
      Email: u.email,
      IsActive: true,
    });
  }
  for (const a of data.accounts) {
    sf.insert('Account', {
      Id: id(a.key),
      Name: a.name,
      Website: a.website,
      Phone: a.phone,
      BillingCity: a.city,
      BillingPostalCode: a.postalCode,
      NumberOfEmployees: a.employees,
      Industry: a.industry,
      OwnerId: id(a.ownerKey),
    });
  }
  const P = SF.person;
  for (const p of data.people) {
    const common: Record<string, unknown> = {
      Id: id(p.key),
      FirstName: p.firstName,
      LastName: p.lastName,
      Email: p.email,
      Phone: p.phone,
      Title: p.title,
      OwnerId: id(p.ownerKey),
      [f(P.notAtCompany)]: p.notAtCompany,
    };
    if (p.association) {
      Object.assign(common, {
        [f(P.memberUrn)]: p.association.memberUrn,
        [f(P.profileUrl)]: `https://www.linkedin.com/sales/profile/${p.key}`,
        [f(P.matchSource)]:
          p.association.source === 'Manual' ? SF_VALUES.matchSource.manual : SF_VALUES.matchSource.sync,
        [f(P.syncedAt)]: new Date(p.association.syncedAt).toISOString(),
      });
    }
    if (p.type === 'contact') sf.insert('Contact', { ...common, AccountId: id(p.accountKey as string) });
    else sf.insert('Lead', { ...common, Company: p.company, IsConverted: false });
  }
  for (const o of data.opportunities) {
    sf.insert('Opportunity', {
      Id: id(o.key),
      Name: o.name,
      AccountId: id(o.accountKey),
      OwnerId: id(o.ownerKey),
      StageName: o.stage,
      Amount: o.amount,
      CloseDate: o.closeDate,
    });
    o.contactKeys.forEach((c, i) =>
      sf.insert('OpportunityContactRole', {
        OpportunityId: id(o.key),
        ContactId: id(c),
        Role: 'Decision Maker',
        IsPrimary: i === 0,
      }),
    );
  }
  // What the admin page saves: the settings record and one seat record per seat holder, through the same
  // domain mappings (picklist values `InMail;Message;Note;Call` as the page writes them).
  sf.insert(f(SF.settings.object), { Name: 'NavSync', ...settingsToSalesforce(demoSettings(), { namespace: sf.ns }) });
  for (const u of data.users.filter((x) => x.seatHolder)) {
    const seat = seatToSalesforce({ userId: id(u.key), enabled: true, writeBackOptOut: u.writeBackOptOut }, sf.ns);
    sf.insert(f(SF.seat.object), { Name: u.email, ...seat });
  }
}
