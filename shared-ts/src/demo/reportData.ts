import type { CrmGateway, CrmPerson } from '../crm/gateway';
import { all } from '../sync/context';
import type { RunReport } from '../sync/report';
import type { ReportSection } from './reportPage';

const LIST_MAX = 500;
const fullName = (p: Pick<CrmPerson, 'firstName' | 'lastName'>) => [p.firstName, p.lastName].filter(Boolean).join(' ');

/**
 * What the report page lists for one CRM, read back from the CRM after the run (so the page shows what the
 * CRM now holds, the same data the at-risk reports and views show there).
 */
export async function readReportSection(crm: CrmGateway, crmLabel: string, report: RunReport): Promise<ReportSection> {
  const flagged: CrmPerson[] = [];
  for (const kind of ['contact', 'lead'] as const)
    flagged.push(...(await all(crm.people({ kind, notAtCompany: ['notAtCompany'] }))));
  const linkedinCompany = new Map(report.details.notAtCompany.map((x) => [x.id, x.linkedinCompany ?? '']));
  const flaggedContacts = new Map(flagged.filter((p) => p.kind === 'contact').map((p) => [p.id, p]));

  const open = await all(crm.opportunities({ openOnly: true }));
  const roles = open.length ? await all(crm.contactRoles(open.map((o) => o.id))) : [];
  const oppById = new Map(open.map((o) => [o.id, o]));
  const atRisk: ReportSection['atRisk'] = [];
  const seen = new Set<string>();
  for (const r of roles) {
    const c = flaggedContacts.get(r.contactId);
    const o = oppById.get(r.opportunityId);
    if (!c || !o || seen.has(`${o.id}:${c.id}`)) continue;
    seen.add(`${o.id}:${c.id}`);
    atRisk.push({ opportunity: o.name ?? o.id, stage: o.stage ?? '', contact: fullName(c) });
  }

  const users = new Map((await all(crm.users({}))).map((u) => [u.id, u.name ?? u.email ?? u.id]));
  const unresolved = (await all(crm.activities({ unresolvedOnly: true }))).map((a) => ({
    subject: a.subject ?? a.key,
    kind: a.type ?? '',
    personName: a.personName ?? '',
    seatHolder: a.ownerId ? (users.get(a.ownerId) ?? a.ownerId) : '',
  }));

  return {
    crmLabel,
    report,
    atRisk: atRisk.sort((a, b) => a.opportunity.localeCompare(b.opportunity)).slice(0, LIST_MAX),
    notAtCompany: flagged
      .map((p) => ({
        name: fullName(p),
        company: p.companyName ?? '',
        linkedinCompany: linkedinCompany.get(p.id) ?? '',
      }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, LIST_MAX),
    unresolved: unresolved.slice(0, LIST_MAX),
  };
}
