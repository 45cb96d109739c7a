import { DV, SF, sfName } from '../crmSchema';
import { ACTIVITY_KINDS, ACTIVITY_KIND_SF_TYPE, isActivityKind, type ActivityKind } from '../writeback/kinds';
import { DEFAULT_SETTINGS, type NavSyncSettings } from './model';

/**
 * Settings ⇄ the CRM settings record: Salesforce `NavSync_Settings__c` (fields as in crmSchema, read with or
 * without the package namespace, plain values or UI-API `{ value }` wrappers) and Dataverse `navsync_settings`.
 * Write-back items: Salesforce multi-select picklist `InMail;Message;Note;Call`; Dataverse text `inmail,message`.
 * All four items are stored as all four and read back as "all"; empty stage / won-value field = Not sure.
 */

type Row = Record<string, unknown>;

function unwrapUiApiValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, 'value')) {
    return (v as { value: unknown }).value;
  }
  return v;
}

function sfSettingsValue(record: Row, apiName: string, namespace: string | null): unknown {
  const fields = record.fields && typeof record.fields === 'object' ? (record.fields as Row) : record;
  const namespaced = sfName(apiName, namespace);
  if (Object.prototype.hasOwnProperty.call(fields, namespaced)) return unwrapUiApiValue(fields[namespaced]);
  return unwrapUiApiValue(fields[apiName]);
}

function readSettingBool(v: unknown, fallback: boolean): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 1) return true;
  if (v === 'false' || v === 0) return false;
  return fallback;
}

function readSettingText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s === '' ? null : s;
}

function writeBackItemsFromKinds(kinds: ActivityKind[]): 'all' | ActivityKind[] {
  return kinds.length === ACTIVITY_KINDS.length ? 'all' : kinds;
}

function writeBackItemKinds(items: 'all' | readonly ActivityKind[]): ActivityKind[] {
  return items === 'all' ? ACTIVITY_KINDS.slice() : ACTIVITY_KINDS.filter((k) => items.indexOf(k) >= 0);
}

function sfWriteBackItems(v: unknown): 'all' | ActivityKind[] {
  const values = typeof v === 'string' ? v.split(';').map((s) => s.trim().toLowerCase()) : [];
  return writeBackItemsFromKinds(
    ACTIVITY_KINDS.filter((k) => values.indexOf(ACTIVITY_KIND_SF_TYPE[k].toLowerCase()) >= 0),
  );
}

function dvWriteBackItems(v: unknown): 'all' | ActivityKind[] {
  const values = typeof v === 'string' ? v.split(',').map((s) => s.trim().toLowerCase()) : [];
  if (values.indexOf('all') >= 0) return 'all';
  return writeBackItemsFromKinds(ACTIVITY_KINDS.filter((k) => values.indexOf(k) >= 0 && isActivityKind(k)));
}

/** Settings from a Salesforce NavSync_Settings__c record (null/undefined record = a fresh install's defaults). */
export function settingsFromSalesforce(
  record: Row | null | undefined,
  namespace: string | null = null,
): NavSyncSettings {
  if (!record) return { ...DEFAULT_SETTINGS };
  const f = SF.settings;
  const get = (name: string) => sfSettingsValue(record, name, namespace);
  return {
    autoSyncAllSeats: readSettingBool(get(f.autoSyncAllSeats), DEFAULT_SETTINGS.autoSyncAllSeats),
    pipelineStage: readSettingText(get(f.pipelineStage)),
    wonValueField: readSettingText(get(f.wonValueField)),
    writeBackEnabled: readSettingBool(get(f.writeBackEnabled), DEFAULT_SETTINGS.writeBackEnabled),
    writeBackItems: sfWriteBackItems(get(f.writeBackItems)),
    dataValidationEnabled: readSettingBool(get(f.dataValidationEnabled), DEFAULT_SETTINGS.dataValidationEnabled),
    // Salesforce has no such switches: the Embedded Profile is placed on page layouts by the admin.
    embeddedProfileEnabled: true,
    photoRefreshEnabled: true,
    connected: readSettingBool(get(f.connected), false),
    lastSyncedAt: readSettingText(get(f.lastSyncedAt)),
  };
}

/**
 * The admin-editable fields of a Salesforce NavSync_Settings__c record. Status fields (connected, last synced)
 * belong to the sync engine and are written only with `includeStatus`.
 */
export function settingsToSalesforce(
  s: NavSyncSettings,
  options: { namespace?: string | null; includeStatus?: boolean } = {},
): Record<string, string | boolean | null> {
  const ns = options.namespace === undefined ? null : options.namespace;
  const f = SF.settings;
  const out: Record<string, string | boolean | null> = {};
  out[sfName(f.autoSyncAllSeats, ns)] = s.autoSyncAllSeats;
  out[sfName(f.pipelineStage, ns)] = s.pipelineStage;
  out[sfName(f.wonValueField, ns)] = s.wonValueField;
  out[sfName(f.writeBackEnabled, ns)] = s.writeBackEnabled;
  const kinds = writeBackItemKinds(s.writeBackItems);
  out[sfName(f.writeBackItems, ns)] = kinds.length ? kinds.map((k) => ACTIVITY_KIND_SF_TYPE[k]).join(';') : null;
  out[sfName(f.dataValidationEnabled, ns)] = s.dataValidationEnabled;
  if (options.includeStatus) {
    out[sfName(f.connected, ns)] = s.connected;
    out[sfName(f.lastSyncedAt, ns)] = s.lastSyncedAt;
  }
  return out;
}

/** Settings from a Dataverse navsync_settings row (Web API JSON). */
export function settingsFromDataverse(row: Row | null | undefined): NavSyncSettings {
  if (!row) return { ...DEFAULT_SETTINGS };
  const c = DV.settings;
  return {
    autoSyncAllSeats: readSettingBool(row[c.autoSyncAllSeats], DEFAULT_SETTINGS.autoSyncAllSeats),
    pipelineStage: readSettingText(row[c.pipelineStage]),
    wonValueField: readSettingText(row[c.wonValueField]),
    writeBackEnabled: readSettingBool(row[c.writeBackEnabled], DEFAULT_SETTINGS.writeBackEnabled),
    writeBackItems: dvWriteBackItems(row[c.writeBackItems]),
    dataValidationEnabled: readSettingBool(row[c.dataValidationEnabled], DEFAULT_SETTINGS.dataValidationEnabled),
    embeddedProfileEnabled: readSettingBool(row[c.embeddedProfileEnabled], DEFAULT_SETTINGS.embeddedProfileEnabled),
    photoRefreshEnabled: readSettingBool(row[c.photoRefreshEnabled], DEFAULT_SETTINGS.photoRefreshEnabled),
    connected: readSettingBool(row[c.connected], false),
    lastSyncedAt: readSettingText(row[c.lastSyncedAt]),
  };
}

/** The admin-editable columns of a Dataverse navsync_settings row (status columns only with `includeStatus`). */
export function settingsToDataverse(
  s: NavSyncSettings,
  options: { includeStatus?: boolean } = {},
): Record<string, string | boolean | null> {
  const c = DV.settings;
  const kinds = writeBackItemKinds(s.writeBackItems);
  const out: Record<string, string | boolean | null> = {
    [c.autoSyncAllSeats]: s.autoSyncAllSeats,
    [c.pipelineStage]: s.pipelineStage,
    [c.wonValueField]: s.wonValueField,
    [c.writeBackEnabled]: s.writeBackEnabled,
    [c.writeBackItems]: kinds.length ? kinds.join(',') : null,
    [c.dataValidationEnabled]: s.dataValidationEnabled,
    [c.embeddedProfileEnabled]: s.embeddedProfileEnabled,
    [c.photoRefreshEnabled]: s.photoRefreshEnabled,
  };
  if (options.includeStatus) {
    out[c.connected] = s.connected;
    out[c.lastSyncedAt] = s.lastSyncedAt;
  }
  return out;
}
