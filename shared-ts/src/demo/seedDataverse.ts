import { DV, DV_VALUES } from '../domain/crmSchema';
import { seatToDataverse } from '../domain/seats/seats';
import { settingsToDataverse } from '../domain/settings/records';
import type { DataverseDouble } from '../doubles/dataverseDouble';
import type { DemoData, DemoOpportunity, NotAtCompanyValue } from './dataset';
import { demoSettings } from './settings';
import { crmId } from './ids';

/** Demo stages → the out-of-box Dataverse sales stage (0 Qualify … 3 Close) and state (0 open, 1 won, 2 lost). */
function dvStage(o: DemoOpportunity): { salesstage: number; statecode: number } {
  switch (o.stage) {
    case 'Prospecting':
    case 'Qualification':
      return { salesstage: 0, statecode: 0 };
    case 'Needs Analysis':
      return { salesstage: 1, statecode: 0 };
    case 'Proposal/Price Quote':
      return { salesstage: 2, statecode: 0 };
    case 'Negotiation/Review':
      return { salesstage: 3, statecode: 0 };
    case 'Closed Won':
      return { salesstage: 3, statecode: 1 };
    default:
      return { salesstage: 3, statecode: 2 };
  }
}

function dvFlag(v: NotAtCompanyValue): number {
  if (v === 'Not at Company') return DV_VALUES.notAtCompany.notAtCompany;
  if (v === 'Ignore') return DV_VALUES.notAtCompany.ignore;
  return DV_VALUES.notAtCompany.noFeedback;
}

/** Load the demo world into the Dataverse double, as an environment with the NavSync solution would hold it. */
export function seedDataverse(dv: DataverseDouble, data: DemoData): void {
  const id = (key: string) => crmId('dataverse', key);
  for (const u of data.users) {
    dv.insert('systemuser', {
      systemuserid: id(u.key),
      fullname: `${u.firstName} ${u.lastName}`,
      internalemailaddress: u.email,
      isdisabled: false,
    });
  }
  for (const a of data.accounts) {
    dv.insert('account', {
      accountid: id(a.key),
      name: a.name,
      websiteurl: a.website,
      telephone1: a.phone,
      address1_city: a.city,
      address1_postalcode: a.postalCode,
      numberofemployees: a.employees,
      _ownerid_value: id(a.ownerKey),
      statecode: 0,
    });
  }
  const P = DV.person;
  for (const p of data.people) {
    const common: Record<string, unknown> = {
      firstname: p.firstName,
      lastname: p.lastName,
      emailaddress1: p.email,
      telephone1: p.phone,
      jobtitle: p.title,
      _ownerid_value: id(p.ownerKey),
      statecode: 0,
      [P.notAtCompany]: dvFlag(p.notAtCompany),
    };
    if (p.association) {
      Object.assign(common, {
        [P.memberUrn]: p.association.memberUrn,
        [P.profileUrl]: `https://www.linkedin.com/sales/profile/${p.key}`,
        [P.matchSource]: p.association.source === 'Manual' ? DV_VALUES.matchSource.manual : DV_VALUES.matchSource.sync,
        [P.syncedAt]: new Date(p.association.syncedAt).toISOString(),
      });
    }
    if (p.type === 'contact')
      dv.insert('contact', { ...common, contactid: id(p.key), _parentcustomerid_value: id(p.accountKey as string) });
    else dv.insert('lead', { ...common, leadid: id(p.key), companyname: p.company });
  }
  for (const o of data.opportunities) {
    const [primary, ...others] = o.contactKeys;
    dv.insert('opportunity', {
      opportunityid: id(o.key),
      name: o.name,
      _parentaccountid_value: id(o.accountKey),
      _ownerid_value: id(o.ownerKey),
      ...(primary ? { _parentcontactid_value: id(primary) } : {}),
      ...dvStage(o),
      estimatedvalue: o.amount,
      estimatedclosedate: o.closeDate,
    });
    // Further contacts as stakeholder connections (opportunity → contact).
    for (const c of others)
      dv.insert('connection', {
        _record1id_value: id(o.key),
        _record2id_value: id(c),
        record2objecttypecode: 2,
        name: 'Stakeholder',
        statecode: 0,
      });
  }
  // What the admin page saves, through the same domain mappings (items comma-separated, as the page writes them).
  dv.insert(DV.settings.table, {
    navsync_name: 'NavSync',
    ...settingsToDataverse({ ...demoSettings(), pipelineStage: 'Develop' }),
  });
  for (const u of data.users.filter((x) => x.seatHolder)) {
    const seat: Record<string, unknown> = seatToDataverse({
      userId: id(u.key),
      enabled: true,
      writeBackOptOut: u.writeBackOptOut,
    });
    // Seeded rows hold the lookup as read (`_…_value`); the `@odata.bind` form is for writes through the API.
    delete seat[`${DV.seat.user}@odata.bind`];
    dv.insert(DV.seat.table, { ...seat, [`_${DV.seat.user}_value`]: id(u.key) });
  }
}
