// The pure domain layer: what the LWC service module, the PCF control and the web resources import.
// Each subject module re-exports here; keep this file a list of exports only.
export * from './i18n/index';
export * from './errors';
export * from './crmSchema';
export * from './nameGuid';
export * from './matching/index';
export * from './badge/index';
export * from './validation/index';
export * from './pipeline/index';
export * from './writeback/index';
export * from './testWriteBack/index';
export * from './reports/index';
export * from './settings/index';
export * from './seats/index';
export * from './profileUrl/index';
