// Data validation: the Not-at-company decision, its scope, the Ignore rule and the 24-hour revalidation.
export * from './flag';
export * from './revalidation';
export * from './sameCompany';
export * from './decide';
export * from './scope';
