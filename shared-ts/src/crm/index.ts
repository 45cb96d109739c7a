export * from './gateway';
export * from './config';
export * from './redact';
export * from './salesforce';
export * from './dataverse';
