/** Dataverse rows to the gateway's records (opportunities, the flag, datetimes). */
import { DV_VALUES } from '../../domain/crmSchema';
import type { CrmOpportunity, NotAtCompany } from '../gateway';

type Rec = Record<string, unknown>;

export function toOpportunity(o: Rec): CrmOpportunity {
  const stages = ['Qualify', 'Develop', 'Propose', 'Close'];
  const state = o.statecode as number;
  return {
    id: o.opportunityid as string,
    name: (o.name as string) ?? null,
    accountId: (o._parentaccountid_value as string) ?? null,
    ownerId: (o._ownerid_value as string) ?? null,
    stage: (o.stepname as string) ?? (typeof o.salesstage === 'number' ? (stages[o.salesstage] ?? null) : null),
    isClosed: state !== 0,
    isWon: state === 1,
    amount: (o.estimatedvalue as number) ?? null,
    closeDate: isoOrNull(o.estimatedclosedate),
    primaryContactId: (o._parentcontactid_value as string) ?? null,
  };
}

export function fromDvFlag(v: number | null): NotAtCompany {
  return v === DV_VALUES.notAtCompany.notAtCompany
    ? 'notAtCompany'
    : v === DV_VALUES.notAtCompany.ignore
      ? 'ignore'
      : 'noFeedback';
}

export function isoOrNull(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}
