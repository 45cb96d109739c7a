import { isActivityKind, type ActivityKind } from '../writeback/kinds';
import { ACTIVITY_KINDS } from '../writeback/kinds';
import { DEFAULT_SETTINGS, type NavSyncSettings, type SettingsField } from './model';

/** What the org offers, as read by the settings page (absent = not loaded; that check is skipped). */
export interface SettingsOrgFacts {
  /** Opportunity stages (Salesforce OpportunityStage; Dataverse sales stages), in pipeline order. */
  stages?: readonly { name: string; isClosed?: boolean }[];
  /** Opportunity fields with their type (`currency` in Salesforce, `Money` in Dataverse). */
  opportunityFields?: readonly { name: string; type: string }[];
}

/** A field-level error: the field it belongs to, the i18n key of its message and the message's parameters. */
export interface SettingsError {
  field: SettingsField | 'form';
  key: string;
  params: Record<string, string | number>;
}

export interface SettingsValidation {
  ok: boolean;
  /** The checked settings (null when there are errors). */
  settings: NavSyncSettings | null;
  errors: SettingsError[];
}

/** The value a settings combobox uses for "Not sure"; stored as null. */
export const SETTINGS_NOT_SURE = '__notSure__';

const CURRENCY_TYPES = ['currency', 'money'];

export function isCurrencyFieldType(type: string): boolean {
  return CURRENCY_TYPES.indexOf(String(type).toLowerCase()) >= 0;
}

function settingsError(
  field: SettingsError['field'],
  key: string,
  params: Record<string, string | number> = {},
): SettingsError {
  return { field, key, params };
}

/** '', whitespace, null and the "Not sure" option all mean Not sure. */
function settingsOptionalText(value: unknown): { ok: true; value: string | null } | { ok: false } {
  if (value === null || value === undefined) return { ok: true, value: null };
  if (typeof value !== 'string') return { ok: false };
  const trimmed = value.trim();
  return { ok: true, value: trimmed === '' || trimmed === SETTINGS_NOT_SURE ? null : trimmed };
}

function hasOwnKey(obj: Record<string, unknown>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/**
 * Check a settings draft (e.g. the settings page's form state) against the org. Fields missing from the draft
 * keep their value in `base`. Total: any input gives a result, never an exception.
 */
export function validateSettings(
  draft: unknown,
  org: SettingsOrgFacts = {},
  base: Readonly<NavSyncSettings> = DEFAULT_SETTINGS,
): SettingsValidation {
  if (draft === null || typeof draft !== 'object' || Array.isArray(draft)) {
    return { ok: false, settings: null, errors: [settingsError('form', 'settings.errUnreadable')] };
  }
  const input = draft as Record<string, unknown>;
  const errors: SettingsError[] = [];
  const out: NavSyncSettings = {
    ...base,
    writeBackItems: base.writeBackItems === 'all' ? 'all' : base.writeBackItems.slice(),
  };

  const booleans: SettingsField[] = [
    'autoSyncAllSeats',
    'writeBackEnabled',
    'dataValidationEnabled',
    'embeddedProfileEnabled',
    'photoRefreshEnabled',
    'connected',
  ];
  for (const field of booleans) {
    if (!hasOwnKey(input, field)) continue;
    const v = input[field];
    if (typeof v === 'boolean') (out as unknown as Record<string, unknown>)[field] = v;
    else errors.push(settingsError(field, 'settings.errYesNo'));
  }

  if (hasOwnKey(input, 'lastSyncedAt')) {
    const v = input.lastSyncedAt;
    if (v === null || v === undefined || v === '') out.lastSyncedAt = null;
    else if (typeof v === 'string' && !isNaN(Date.parse(v))) out.lastSyncedAt = v;
    else errors.push(settingsError('lastSyncedAt', 'settings.errDate'));
  }

  if (hasOwnKey(input, 'pipelineStage')) {
    const v = settingsOptionalText(input.pipelineStage);
    if (!v.ok)
      errors.push(settingsError('pipelineStage', 'settings.errStageUnknown', { stage: String(input.pipelineStage) }));
    else out.pipelineStage = v.value;
  }
  if (hasOwnKey(input, 'wonValueField')) {
    const v = settingsOptionalText(input.wonValueField);
    if (!v.ok)
      errors.push(
        settingsError('wonValueField', 'settings.errWonFieldUnknown', { field: String(input.wonValueField) }),
      );
    else out.wonValueField = v.value;
  }

  if (hasOwnKey(input, 'writeBackItems')) {
    const v = input.writeBackItems;
    if (v === 'all') out.writeBackItems = 'all';
    else if (Array.isArray(v)) {
      const chosen: ActivityKind[] = [];
      for (const item of v) {
        if (isActivityKind(item)) {
          if (chosen.indexOf(item) < 0) chosen.push(item);
        } else {
          errors.push(settingsError('writeBackItems', 'settings.errUnknownItem', { item: String(item) }));
        }
      }
      // Every item chosen is the same as "sync back all data items".
      out.writeBackItems =
        chosen.length === ACTIVITY_KINDS.length ? 'all' : ACTIVITY_KINDS.filter((k) => chosen.indexOf(k) >= 0);
    } else {
      errors.push(settingsError('writeBackItems', 'settings.errUnknownItem', { item: String(v) }));
    }
  }

  // Rules across fields and against the org, only on values that were readable.
  const fieldHasError = (f: SettingsField) => errors.some((e) => e.field === f);

  if (out.pipelineStage !== null && !fieldHasError('pipelineStage') && org.stages) {
    const stage = org.stages.find((s) => s.name === out.pipelineStage);
    if (!stage) errors.push(settingsError('pipelineStage', 'settings.errStageUnknown', { stage: out.pipelineStage }));
    else if (stage.isClosed)
      errors.push(settingsError('pipelineStage', 'settings.errStageClosed', { stage: out.pipelineStage }));
  }

  if (out.wonValueField !== null && !fieldHasError('wonValueField') && org.opportunityFields) {
    const name = out.wonValueField.toLowerCase();
    const field = org.opportunityFields.find((f) => f.name.toLowerCase() === name);
    if (!field)
      errors.push(settingsError('wonValueField', 'settings.errWonFieldUnknown', { field: out.wonValueField }));
    else if (!isCurrencyFieldType(field.type)) {
      errors.push(settingsError('wonValueField', 'settings.errWonFieldNotCurrency', { field: out.wonValueField }));
    } else out.wonValueField = field.name;
  }

  if (
    out.writeBackEnabled &&
    out.writeBackItems !== 'all' &&
    out.writeBackItems.length === 0 &&
    !fieldHasError('writeBackItems')
  ) {
    errors.push(settingsError('writeBackItems', 'settings.errNoItems'));
  }

  if (out.dataValidationEnabled && !out.connected && !fieldHasError('dataValidationEnabled')) {
    errors.push(settingsError('dataValidationEnabled', 'settings.errNeedsConnection'));
  }

  return errors.length ? { ok: false, settings: null, errors } : { ok: true, settings: out, errors: [] };
}

/** Errors of one field, for showing under that input. */
export function settingsErrorsFor(result: SettingsValidation, field: SettingsError['field']): SettingsError[] {
  return result.errors.filter((e) => e.field === field);
}

/** Combobox options for the pipeline stage: "Not sure" first, then the open stages in pipeline order. */
export function pipelineStageOptions(
  stages: readonly { name: string; isClosed?: boolean; sortOrder?: number; label?: string }[],
  notSureLabel: string,
): { value: string; label: string }[] {
  const open = stages.filter((s) => !s.isClosed).slice();
  open.sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0));
  return [
    { value: SETTINGS_NOT_SURE, label: notSureLabel },
    ...open.map((s) => ({ value: s.name, label: s.label ?? s.name })),
  ];
}

/** Combobox options for the won-value field: "Not sure" first, then the Opportunity currency fields by label. */
export function wonValueFieldOptions(
  fields: readonly { name: string; type: string; label?: string }[],
  notSureLabel: string,
): { value: string; label: string }[] {
  const money = fields
    .filter((f) => isCurrencyFieldType(f.type))
    .map((f) => ({ value: f.name, label: f.label ?? f.name }));
  money.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  return [{ value: SETTINGS_NOT_SURE, label: notSureLabel }, ...money];
}
