export * from './gateway';
export * from './config';
export * from './salesforce';
export * from './dataverse';
