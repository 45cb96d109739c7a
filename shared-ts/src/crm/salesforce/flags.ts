/** The "Not at company" flag between the domain and the Salesforce picklist values. */
import { SF_VALUES } from '../../domain/crmSchema';
import type { NotAtCompany } from '../gateway';

export function toSfFlag(v: NotAtCompany): string | null {
  return v === 'notAtCompany'
    ? SF_VALUES.notAtCompany.notAtCompany
    : v === 'ignore'
      ? SF_VALUES.notAtCompany.ignore
      : null;
}

export function fromSfFlag(v: string | null): NotAtCompany {
  return v === SF_VALUES.notAtCompany.notAtCompany
    ? 'notAtCompany'
    : v === SF_VALUES.notAtCompany.ignore
      ? 'ignore'
      : 'noFeedback';
}
