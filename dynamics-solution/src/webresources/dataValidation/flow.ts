import { enableDataValidation, removeDataValidationArtifacts } from './enable';

/**
 * The data validation flow as its own script (settings/dataValidation.js, `NavSync.DataValidation`): the column,
 * views and reports it creates are most of its size, and the settings page needs them only when the switch
 * changes, so the page loads it then (settings/loadFlow.ts).
 */
export const flow = { enableDataValidation, removeDataValidationArtifacts };
export type DataValidationFlow = typeof flow;
