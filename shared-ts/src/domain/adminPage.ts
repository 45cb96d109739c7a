// What the Salesforce admin pages (settings, seats, Test Write-Back) call, and nothing more: built into the LWC
// service module c/navsyncCore. Dataverse-only rules (record ids derived with the uuid package, FetchXML) stay out:
// Salesforce never calls them, and bundled they would not pass the LWC lint. Keep this file a list of exports only.
export { resolveLocale } from './i18n/locales';
export { ERROR_CODES } from './errors';
export { ACTIVITY_KINDS, ACTIVITY_KIND_LABEL } from './writeback/kinds';
export { salesforceTask } from './writeback/salesforce';
export { assignSeats, assignableUsers, seatFromSalesforce, seatToSalesforce, setSeatsEnabled } from './seats/seats';
export { diagnoseTestWriteBack } from './testWriteBack/diagnose';
export { planTestActivities, planTestWriteBack, testContactSalesforce } from './testWriteBack/plan';
export { RUN_STATUS_LABEL, RUN_STEP_LABEL, decodeLastRun } from './settings/lastRun';
export { SETTINGS_NOT_SURE, pipelineStageOptions, validateSettings, wonValueFieldOptions } from './settings/validate';
export { settingsFromSalesforce, settingsToSalesforce } from './settings/records';
export { writeBackKinds } from './settings/model';
