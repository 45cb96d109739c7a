import { SF, SF_VALUES } from '../domain/crmSchema';
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
    sf.insert('User', { Id: id(u.key), Name: `${u.firstName} ${u.lastName}`, Username: u.email, Email: u.email, IsActive: true });
  }
  for (const a of data.accounts) {
    sf.insert('Account', {
      Id: id(a.key), Name: a.name, Website: a.website, Phone: a.phone, BillingCity: a.city, BillingPostalCode: a.postalCode,
      NumberOfEmployees: a.employees, Industry: a.industry, OwnerId: id(a.ownerKey),
    });
  }
  const P = SF.person;
  for (const p of data.people) {
    const common: Record<string, unknown> = {
      Id: id(p.key), FirstName: p.firstName, LastName: p.lastName, Email: p.email, Phone: p.phone, Title: p.title, OwnerId: id(p.ownerKey),
      [f(P.notAtCompany)]: p.notAtCompany,
    };
    if (p.association) {
      Object.assign(common, {
        [f(P.memberUrn)]: p.association.memberUrn,
        [f(P.profileUrl)]: `https://www.linkedin.com/sales/profile/${p.key}`,
        [f(P.matchSource)]: p.association.source === 'Manual' ? SF_VALUES.matchSource.manual : SF_VALUES.matchSource.sync,
        [f(P.syncedAt)]: new Date(p.association.syncedAt).toISOString(),
      });
    }
    if (p.type === 'contact') sf.insert('Contact', { ...common, AccountId: id(p.accountKey as string) });
    else sf.insert('Lead', { ...common, Company: p.company, IsConverted: false });
  }
  for (const o of data.opportunities) {
    sf.insert('Opportunity', {
      Id: id(o.key), Name: o.name, AccountId: id(o.accountKey), OwnerId: id(o.ownerKey), StageName: o.stage, Amount: o.amount, CloseDate: o.closeDate,
    });
    o.contactKeys.forEach((c, i) => sf.insert('OpportunityContactRole', { OpportunityId: id(o.key), ContactId: id(c), Role: 'Decision Maker', IsPrimary: i === 0 }));
  }
  // What the admin page saves: the settings record and one seat record per seat holder.
  const settings = settingsToSalesforce(demoSettings(), { namespace: sf.ns });
  // Write-back items in lower case: the settings module reads them case-insensitively, and the Salesforce
  // gateway (as committed) only accepts lower-case kinds — see the report; both read this form.
  const items = f(SF.settings.writeBackItems);
  if (typeof settings[items] === 'string') settings[items] = (settings[items] as string).toLowerCase();
  sf.insert(f(SF.settings.object), { Name: 'NavSync', ...settings });
  for (const u of data.users.filter((x) => x.seatHolder)) {
    sf.insert(f(SF.seat.object), { Name: u.email, [f(SF.seat.user)]: id(u.key), [f(SF.seat.enabled)]: true, [f(SF.seat.writeBackOptOut)]: u.writeBackOptOut });
  }
}
