import { DV_VALUES, SF_VALUES } from '../crmSchema';

/**
 * The three values of the "Not at Company Flag" (Salesforce picklist Not_At_Company__c, Dataverse choice
 * navsync_notatcompany). `noFeedback` is the empty Salesforce value and the Dataverse default.
 */
export const NOT_AT_COMPANY_STATES = ['noFeedback', 'notAtCompany', 'ignore'] as const;
export type NotAtCompanyState = (typeof NOT_AT_COMPANY_STATES)[number];

/** i18n key of the label of each state (validation area). */
export const NOT_AT_COMPANY_STATE_LABEL: Record<NotAtCompanyState, string> = {
  noFeedback: 'validation.stateNoFeedback',
  notAtCompany: 'validation.stateNotAtCompany',
  ignore: 'validation.stateIgnore',
};

/** The stored Salesforce picklist value; null (blank) means no feedback. */
export function notAtCompanyToSalesforce(state: NotAtCompanyState): string | null {
  if (state === 'notAtCompany') return SF_VALUES.notAtCompany.notAtCompany;
  if (state === 'ignore') return SF_VALUES.notAtCompany.ignore;
  return null;
}

/**
 * Read a stored Salesforce value. Blank is no feedback; anything that is not one of our two API values
 * (e.g. an admin added a value to the picklist) is `null` = unknown, so the caller skips the record rather
 * than overwriting something it does not understand.
 */
export function notAtCompanyFromSalesforce(value: string | null | undefined): NotAtCompanyState | null {
  if (value === null || value === undefined || value === '') return 'noFeedback';
  if (value === SF_VALUES.notAtCompany.notAtCompany) return 'notAtCompany';
  if (value === SF_VALUES.notAtCompany.ignore) return 'ignore';
  return null;
}

/** The Dataverse choice value. */
export function notAtCompanyToDataverse(state: NotAtCompanyState): number {
  return DV_VALUES.notAtCompany[state];
}

/** Read a stored Dataverse value; null (never set) is no feedback, an unknown number is `null` = unknown. */
export function notAtCompanyFromDataverse(value: number | null | undefined): NotAtCompanyState | null {
  if (value === null || value === undefined) return 'noFeedback';
  if (value === DV_VALUES.notAtCompany.noFeedback) return 'noFeedback';
  if (value === DV_VALUES.notAtCompany.notAtCompany) return 'notAtCompany';
  if (value === DV_VALUES.notAtCompany.ignore) return 'ignore';
  return null;
}
