import { defaultSettings, type NavSyncSettings } from '../domain/settings/model';

/** The demo org's settings: data validation on, write-back of every item, auto-save from "Needs Analysis". */
export function demoSettings(): NavSyncSettings {
  return {
    ...defaultSettings(),
    dataValidationEnabled: true,
    pipelineStage: 'Needs Analysis',
    writeBackEnabled: true,
    writeBackItems: 'all',
  };
}
