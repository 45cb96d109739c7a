// The settings model of both CRMs' admin pages: defaults, field-level validation, and the CRM settings record.
export * from './model';
export * from './validate';
export * from './records';
export * from './lastRun';
