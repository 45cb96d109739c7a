import { csvDocument } from '../net/csv';
import type { DemoData } from './dataset';
import { crmId, type DemoCrm } from './ids';

/** The export's columns as the demo's LinkedIn double serves them (the real format is undocumented). */
export const DEMO_EXPORT_HEADER = [
  'recordId',
  'recordType',
  'status',
  'memberUrn',
  'crmAccountId',
  'currentCompanyName',
  'flaggedAt',
];

/** The data-validation export as CSV for one CRM (ids in that CRM's format), defects included. */
export function demoExportCsv(data: DemoData, crm: DemoCrm): string {
  const people = new Map(data.people.map((p) => [p.key, p]));
  const members = new Map(data.members.filter((m) => m.personKey).map((m) => [m.personKey as string, m.urn]));
  const rows = data.exportRows.map((r) => {
    const person = r.recordKey ? people.get(r.recordKey) : undefined; // undefined for unknown-id rows
    const id = r.rawRecordId !== undefined ? r.rawRecordId : crmId(crm, r.recordKey as string);
    return [
      id,
      r.recordType,
      r.status,
      r.recordKey ? (members.get(r.recordKey) ?? '') : '',
      person?.accountKey ? crmId(crm, person.accountKey) : '',
      r.status === 'NOT_AT_COMPANY' ? r.linkedinCompany : '',
      r.defect === 'bad-time' ? 'not-a-date' : new Date(r.flaggedAt).toISOString(),
    ];
  });
  // LinkedIn's file, byte-exact: no spreadsheet formula guard here (that is for files people open).
  return csvDocument(DEMO_EXPORT_HEADER, rows, { formulaGuard: false });
}
