import {
  DV,
  DV_PREFIX,
  decodeLastRun,
  settingsFromDataverse,
  settingsToDataverse,
  type LastRun,
  type NavSyncSettings,
  type SettingsOrgFacts,
} from '@navsync/shared-ts';
import { entitySetName } from '../../solution/names';
import type { WebApi } from '../dataValidation/webApi';

/**
 * Reads and writes the single navsync_settings row, and reads what the org offers for the two choices that depend
 * on it (opportunity sales stages, opportunity money columns).
 */

const SET = entitySetName(DV.settings.table);
const ID = `${DV.settings.table}id`;
const COLUMNS = [ID, ...Object.values(DV.settings).filter((c) => c !== DV.settings.table)];

export interface LoadedSettings {
  id: string | null;
  settings: NavSyncSettings;
  /** What the engine wrote about its last run (null before the first run). */
  lastRun: LastRun | null;
}

type Label = { UserLocalizedLabel?: { Label?: string } | null };

export class SettingsGateway {
  private readonly api: WebApi;
  constructor(api: WebApi) {
    this.api = api;
  }

  async load(): Promise<LoadedSettings> {
    const res = await this.api.request('GET', `${SET}?$select=${COLUMNS.join(',')}&$top=1`);
    const row = ((res.body as { value?: Record<string, unknown>[] }).value ?? [])[0];
    const summary = row?.[DV.settings.lastRunSummary];
    return {
      id: row ? String(row[ID]) : null,
      settings: settingsFromDataverse(row ?? null),
      lastRun: decodeLastRun(typeof summary === 'string' ? summary : null),
    };
  }

  /** Creates the row on first save, updates it afterwards; returns the row id. */
  async save(id: string | null, settings: NavSyncSettings): Promise<string> {
    const body = settingsToDataverse(settings);
    if (id) {
      await this.api.request('PATCH', `${SET}(${id})`, body);
      return id;
    }
    const res = await this.api.request(
      'POST',
      SET,
      { [`${DV_PREFIX}_name`]: 'NavSync', ...body },
      { Prefer: 'return=representation' },
    );
    return String((res.body as Record<string, unknown>)[ID]);
  }

  /** navsync_notatcompany exists once data validation was turned on (it stays when it is turned off). */
  async hasNotAtCompanyColumn(): Promise<boolean> {
    const res = await this.api.request(
      'GET',
      `EntityDefinitions(LogicalName='contact')/Attributes?$select=LogicalName&$filter=LogicalName eq '${DV.person.notAtCompany}'`,
      undefined,
      { Consistency: 'Strong' },
    );
    return ((res.body as { value?: unknown[] }).value ?? []).length > 0;
  }

  async setConnected(id: string, connected: boolean): Promise<void> {
    await this.api.request('PATCH', `${SET}(${id})`, { [DV.settings.connected]: connected });
  }

  async orgFacts(): Promise<
    SettingsOrgFacts & { stageLabels: Record<string, string>; fieldLabels: Record<string, string> }
  > {
    const stagesRes = await this.api.request(
      'GET',
      "EntityDefinitions(LogicalName='opportunity')/Attributes(LogicalName='salesstage')/Microsoft.Dynamics.CRM.PicklistAttributeMetadata?$select=LogicalName&$expand=OptionSet($select=Options)",
    );
    const options =
      (stagesRes.body as { OptionSet?: { Options?: { Value: number; Label?: Label }[] } }).OptionSet?.Options ?? [];
    const moneyRes = await this.api.request(
      'GET',
      "EntityDefinitions(LogicalName='opportunity')/Attributes/Microsoft.Dynamics.CRM.MoneyAttributeMetadata?$select=LogicalName,DisplayName,AttributeOf",
    );
    // Each money column has a computed "_base" twin (AttributeOf set): admins pick the real column.
    const money = (
      (moneyRes.body as { value?: { LogicalName: string; AttributeOf?: string | null; DisplayName?: Label }[] })
        .value ?? []
    ).filter((a) => !a.AttributeOf);
    const stageLabels: Record<string, string> = {};
    const fieldLabels: Record<string, string> = {};
    for (const o of options) stageLabels[String(o.Value)] = o.Label?.UserLocalizedLabel?.Label ?? String(o.Value);
    for (const m of money) fieldLabels[m.LogicalName] = m.DisplayName?.UserLocalizedLabel?.Label ?? m.LogicalName;
    return {
      stages: options.map((o) => ({ name: String(o.Value) })),
      opportunityFields: money.map((m) => ({ name: m.LogicalName, type: 'money' })),
      stageLabels,
      fieldLabels,
    };
  }
}
