// Activity write-back: eligibility, the neutral plan, idempotency keys, and the Salesforce / Dataverse records.
export * from './kinds';
export * from './text';
export * from './hash';
export * from './base64';
export * from './key';
export * from './plan';
export * from './salesforce';
export * from './dataverse';
