import { DATAVERSE_LCID, DV, DV_PREFIX, DV_VALUES, LOCALES, nameGuid } from '@navsync/shared-ts';

export { SOLUTION, entitySetName } from './names';

/**
 * What the NavSync solution ships, as data: publisher, tables and columns (names from crmSchema), the security
 * role, web resources and the PCF control. customizations.ts and solutionXml.ts render it; the solution checks
 * compare it with crmSchema. `navsync_notatcompany` is NOT here: turning data validation on creates it (and the
 * views/reports that filter on it) through the Web API.
 */

export type ColumnType = 'nvarchar' | 'ntext' | 'datetime' | 'bit' | 'picklist' | 'lookup' | 'int';

export interface ColumnDef {
  logicalName: string;
  type: ColumnType;
  /** i18n key of the display name; technical settings columns use their logical name instead. */
  labelKey?: string;
  maxLength?: number;
  format?: 'text' | 'url';
  options?: { value: number; labelKey: string }[];
  /** For lookups: the target table. */
  target?: string;
}

export interface TableDef {
  logicalName: string;
  /** How exports spell a system table NavSync extends (`Contact`); new tables use their logical name. */
  schemaName?: string;
  /** A table NavSync creates (behavior 0), or a system table it only adds columns to (behavior 2). */
  owned: boolean;
  activity?: boolean;
  ownership?: 'UserOwned' | 'OrgOwned';
  labelKey?: string;
  pluralKey?: string;
  /** Primary name column of an owned table (`subject` for activities). */
  primaryName?: string;
  columns: ColumnDef[];
}

const matchSourceOptions = [
  { value: DV_VALUES.matchSource.sync, labelKey: 'dataverse.optSync' },
  { value: DV_VALUES.matchSource.manual, labelKey: 'dataverse.optManual' },
];

/** Person columns shared by contact and lead, except the not-at-company choice (created on enable). */
function personColumns(): ColumnDef[] {
  const p = DV.person;
  return [
    { logicalName: p.memberUrn, type: 'nvarchar', maxLength: 100, labelKey: 'dataverse.colMemberUrn' },
    { logicalName: p.profileUrl, type: 'nvarchar', maxLength: 500, format: 'url', labelKey: 'dataverse.colProfileUrl' },
    { logicalName: p.photoUrl, type: 'nvarchar', maxLength: 1000, format: 'url', labelKey: 'dataverse.colPhotoUrl' },
    { logicalName: p.matchSource, type: 'picklist', options: matchSourceOptions, labelKey: 'dataverse.colMatchSource' },
    { logicalName: p.syncedAt, type: 'datetime', labelKey: 'dataverse.colSyncedAt' },
    { logicalName: p.validatedAt, type: 'datetime', labelKey: 'dataverse.colValidatedAt' },
    { logicalName: p.matchScore, type: 'nvarchar', maxLength: 255, labelKey: 'dataverse.colMatchScore' },
  ];
}

function activityColumns(): ColumnDef[] {
  const a = DV.activity;
  return [
    { logicalName: a.activityKey, type: 'nvarchar', maxLength: 200, labelKey: 'dataverse.colActivityKey' },
    { logicalName: a.personName, type: 'nvarchar', maxLength: 200, labelKey: 'dataverse.colPersonName' },
    { logicalName: a.personUrn, type: 'nvarchar', maxLength: 100, labelKey: 'dataverse.colPersonUrn' },
  ];
}

function settingsColumns(): ColumnDef[] {
  const s = DV.settings;
  const bit = (logicalName: string): ColumnDef => ({ logicalName, type: 'bit' });
  const text = (logicalName: string, maxLength: number): ColumnDef => ({ logicalName, type: 'nvarchar', maxLength });
  return [
    bit(s.autoSyncAllSeats),
    text(s.pipelineStage, 200),
    text(s.wonValueField, 200),
    bit(s.writeBackEnabled),
    text(s.writeBackItems, 200),
    bit(s.dataValidationEnabled),
    bit(s.embeddedProfileEnabled),
    bit(s.photoRefreshEnabled),
    bit(s.connected),
    { logicalName: s.lastSyncedAt, type: 'datetime' },
    { logicalName: s.lastRunSummary, type: 'ntext', maxLength: 100000 },
    { logicalName: s.exportCursor, type: 'nvarchar', maxLength: 1000 },
    text(s.runLease, 200),
  ];
}

export const TABLES: TableDef[] = [
  { logicalName: 'contact', schemaName: 'Contact', owned: false, columns: personColumns() },
  { logicalName: 'lead', schemaName: 'Lead', owned: false, columns: personColumns() },
  {
    logicalName: 'account',
    schemaName: 'Account',
    owned: false,
    columns: [
      { logicalName: DV.account.companyUrn, type: 'nvarchar', maxLength: 100, labelKey: 'dataverse.colCompanyUrn' },
    ],
  },
  // Phone calls from the mobile app go to the standard phonecall activity and keep the same idempotency key and
  // unresolved-person columns as the custom activities. Notes go to annotation, which takes no custom columns:
  // they are idempotent through their annotationid derived from the key, and unmatched notes are deferred.
  { logicalName: 'phonecall', schemaName: 'PhoneCall', owned: false, columns: activityColumns() },
  {
    logicalName: DV.activity.inmailTable,
    owned: true,
    activity: true,
    ownership: 'UserOwned',
    labelKey: 'dataverse.tableInMail',
    pluralKey: 'dataverse.tableInMails',
    primaryName: 'subject',
    columns: activityColumns(),
  },
  {
    logicalName: DV.activity.messageTable,
    owned: true,
    activity: true,
    ownership: 'UserOwned',
    labelKey: 'dataverse.tableMessage',
    pluralKey: 'dataverse.tableMessages',
    primaryName: 'subject',
    columns: activityColumns(),
  },
  {
    logicalName: DV.settings.table,
    owned: true,
    ownership: 'OrgOwned',
    labelKey: 'dataverse.tableSettings',
    pluralKey: 'dataverse.tableSettings',
    primaryName: `${DV_PREFIX}_name`,
    columns: settingsColumns(),
  },
  {
    logicalName: DV.seat.table,
    owned: true,
    ownership: 'OrgOwned',
    labelKey: 'dataverse.tableSeat',
    pluralKey: 'dataverse.tableSeats',
    primaryName: `${DV_PREFIX}_name`,
    columns: [
      { logicalName: DV.seat.user, type: 'lookup', target: 'systemuser', labelKey: 'dataverse.colSeatUser' },
      { logicalName: DV.seat.enabled, type: 'bit', labelKey: 'dataverse.colSeatEnabled' },
      // The kinds the rep opted out of writing back, comma-separated (shared seats rules).
      {
        logicalName: DV.seat.writeBackOptOut,
        type: 'nvarchar',
        maxLength: 200,
        labelKey: 'dataverse.colWriteBackOptOut',
      },
    ],
  },
];

export type WebResourceKind = 'html' | 'js';

export interface WebResourceDef {
  /** Web resource name (with the publisher prefix), also its path in the zip under /WebResources/. */
  name: string;
  displayName: string;
  kind: WebResourceKind;
  /** Where the built file is, relative to dynamics-solution/. */
  source: string;
}

export const WEB_RESOURCES: WebResourceDef[] = [
  {
    name: 'navsync_/settings/settings.html',
    displayName: 'NavSync settings page',
    kind: 'html',
    source: 'WebResources/navsync_/settings/settings.html',
  },
  {
    name: 'navsync_/settings/settings.js',
    displayName: 'NavSync settings page script',
    kind: 'js',
    source: 'WebResources/navsync_/settings/settings.js',
  },
  {
    name: 'navsync_/settings/dataValidation.js',
    displayName: 'NavSync data validation flow (the settings page loads it when the switch changes)',
    kind: 'js',
    source: 'WebResources/navsync_/settings/dataValidation.js',
  },
  {
    name: 'navsync_/forms/contactForm.js',
    displayName: 'NavSync contact form script',
    kind: 'js',
    source: 'WebResources/navsync_/forms/contactForm.js',
  },
  // The settings page's texts, one file per language (settings.html loads the user's).
  ...LOCALES.map((l): WebResourceDef => {
    const file = `navsync_/settings/texts.${DATAVERSE_LCID[l]}.js`;
    return {
      name: file,
      displayName: `NavSync settings page texts (${l})`,
      kind: 'js',
      source: `WebResources/${file}`,
    };
  }),
];

export const WEB_RESOURCE_TYPE: Record<WebResourceKind, number> = { html: 1, js: 3 };

/** The PCF control: `<prefix>_<namespace>.<constructor>` as the solution tooling names it (toolchain.md §7). */
export const CONTROL = {
  name: `${DV_PREFIX}_NavSync.EmbeddedProfile`,
  /** pcf-scripts production output, relative to the repository root. */
  buildDir: 'pcf-controls/EmbeddedProfile/out/controls/EmbeddedProfile',
} as const;

/**
 * The role reps need: their own InMail/message activities (user-owned, Basic depth: only records they own), read
 * of settings and seats. No write on seats: a seat row carries both who holds a seat and that holder's write-back
 * opt-out, and the table is organization-owned, where a write privilege could only be Global (every rep's row). The
 * admin page changes seats and opt-outs for them.
 */
export const ROLE = {
  name: 'NavSync User',
  id: nameGuid('navsync.role.user'),
  privileges: [
    ...['Create', 'Read', 'Write', 'Append', 'AppendTo'].flatMap((op) =>
      [DV.activity.inmailTable, DV.activity.messageTable].map((table) => ({
        name: `prv${op}${table}`,
        level: 'Basic',
      })),
    ),
    { name: `prvRead${DV.settings.table}`, level: 'Global' },
    { name: `prvRead${DV.seat.table}`, level: 'Global' },
  ],
} as const;

export function webResourceId(name: string): string {
  return nameGuid(`navsync.webresource.${name}`);
}

/** Where an export stores a web resource: its name without separators, then its id (`WebResources/navsync_settingssettingshtml<ID>`). */
export function webResourceFile(name: string): string {
  return `WebResources/${name.replace(/[^A-Za-z0-9_]/g, '')}${webResourceId(name).toUpperCase()}`;
}
