import { ACTIVITY_KINDS, type ActivityKind } from '../writeback/kinds';

/**
 * The NavSync settings an admin edits on the settings page of either CRM (one record per org).
 * "Not sure" (the vendor's answer for pipeline stage and won value) is `null`.
 */
export interface NavSyncSettings {
  /** Yes: every seat holder syncs. No: only seats switched on one by one. */
  autoSyncAllSeats: boolean;
  /** Opportunity stage from which accounts and contacts are auto-saved; null = Not sure (every open opportunity). */
  pipelineStage: string | null;
  /** Opportunity currency field holding the won value; null = Not sure. */
  wonValueField: string | null;
  writeBackEnabled: boolean;
  /** 'all' = sync back all data items; otherwise the chosen subset. */
  writeBackItems: 'all' | ActivityKind[];
  dataValidationEnabled: boolean;
  /** Dataverse integration switches (Salesforce always shows the Embedded Profile). */
  embeddedProfileEnabled: boolean;
  photoRefreshEnabled: boolean;
  /** Read-only status, written by the sync engine. */
  connected: boolean;
  lastSyncedAt: string | null;
}

export type SettingsField = keyof NavSyncSettings;

export const SETTINGS_FIELDS: readonly SettingsField[] = [
  'autoSyncAllSeats',
  'pipelineStage',
  'wonValueField',
  'writeBackEnabled',
  'writeBackItems',
  'dataValidationEnabled',
  'embeddedProfileEnabled',
  'photoRefreshEnabled',
  'connected',
  'lastSyncedAt',
];

/**
 * Defaults of a fresh install: auto-sync all seat holders, Not sure for stage and won value, write back all
 * items; data validation and the two Dataverse switches stay off until the admin turns them on (turning data
 * validation on creates fields, views and reports, so it is never implicit).
 */
export const DEFAULT_SETTINGS: Readonly<NavSyncSettings> = {
  autoSyncAllSeats: true,
  pipelineStage: null,
  wonValueField: null,
  writeBackEnabled: true,
  writeBackItems: 'all',
  dataValidationEnabled: false,
  embeddedProfileEnabled: false,
  photoRefreshEnabled: false,
  connected: false,
  lastSyncedAt: null,
};

export function defaultSettings(): NavSyncSettings {
  return { ...DEFAULT_SETTINGS };
}

/** The kinds written back under these settings, in canonical order. */
export function writeBackKinds(settings: Pick<NavSyncSettings, 'writeBackEnabled' | 'writeBackItems'>): ActivityKind[] {
  if (!settings.writeBackEnabled) return [];
  const items = settings.writeBackItems;
  if (items === 'all') return ACTIVITY_KINDS.slice();
  return ACTIVITY_KINDS.filter((k) => items.indexOf(k) >= 0);
}
