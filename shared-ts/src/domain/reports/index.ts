// The at-risk / not-at-company views and reports: one definition, rendered for Dataverse and Salesforce.
export * from './definitions';
export * from './dataverse';
export * from './salesforce';
export { xmlEscape } from './xml';
