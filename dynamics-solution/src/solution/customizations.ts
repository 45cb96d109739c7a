import { CATALOGUES, DATAVERSE_LCID, LOCALES, t } from '@navsync/shared-ts';
import {
  CONTROL,
  entitySetName,
  ROLE,
  TABLES,
  WEB_RESOURCES,
  WEB_RESOURCE_TYPE,
  webResourceFile,
  webResourceId,
  type ColumnDef,
  type TableDef,
} from './model';
import { renderForms } from './forms';
import { primaryKeyName, statesOf, systemColumns, type SystemColumn } from './systemColumns';
import { renderViews } from './views';
import { esc } from './xml';

/** Renders customizations.xml (the zip shape: every table, column, role, web resource and control in one file). */

const VERSION = '1.0.0.0';

/** One element per language; a key the catalogue lacks falls back to a technical name, never to the raw key. */
function labels(key: string | undefined, fallback: string, element: string): string {
  const known = key !== undefined && CATALOGUES.en[key] !== undefined;
  return LOCALES.map(
    (l) =>
      `<${element} description="${esc(known && key ? t(key, l) : fallback)}" languagecode="${DATAVERSE_LCID[l]}" />`,
  ).join('');
}

/** Schema (physical) name: prefix kept lower case, the rest as the logical name (Dataverse accepts any casing). */
function schemaName(logicalName: string): string {
  return logicalName;
}

function optionSet(table: string, column: ColumnDef): string {
  const name = `${table}_${column.logicalName}`;
  if (column.type === 'bit') {
    return (
      `<optionset Name="${esc(name)}"><OptionSetType>bit</OptionSetType><IntroducedVersion>${VERSION}</IntroducedVersion>` +
      `<IsCustomizable>1</IsCustomizable><displaynames>${labels(column.labelKey, column.logicalName, 'displayname')}</displaynames>` +
      `<Descriptions /><options>` +
      `<option value="1"><labels>${labels('common.yes', 'Yes', 'label')}</labels></option>` +
      `<option value="0"><labels>${labels('common.no', 'No', 'label')}</labels></option>` +
      `</options></optionset>`
    );
  }
  const options = (column.options ?? [])
    .map((o) => `<option value="${o.value}"><labels>${labels(o.labelKey, String(o.value), 'label')}</labels></option>`)
    .join('');
  return (
    `<optionset Name="${esc(name)}"><OptionSetType>picklist</OptionSetType><IsGlobal>0</IsGlobal>` +
    `<IntroducedVersion>${VERSION}</IntroducedVersion><IsCustomizable>1</IsCustomizable>` +
    `<displaynames>${labels(column.labelKey, column.logicalName, 'displayname')}</displaynames><Descriptions />` +
    `<options>${options}</options></optionset>`
  );
}

function attribute(table: TableDef, column: ColumnDef): string {
  const parts: string[] = [
    `<Type>${column.type}</Type>`,
    `<Name>${esc(column.logicalName)}</Name>`,
    `<LogicalName>${esc(column.logicalName)}</LogicalName>`,
    `<RequiredLevel>none</RequiredLevel>`,
    `<DisplayMask>ValidForAdvancedFind|ValidForForm|ValidForGrid</DisplayMask>`,
    `<ValidForUpdateApi>1</ValidForUpdateApi><ValidForReadApi>1</ValidForReadApi><ValidForCreateApi>1</ValidForCreateApi>`,
    `<IsCustomField>1</IsCustomField><IsAuditEnabled>0</IsAuditEnabled><IsSecured>0</IsSecured>`,
    `<IntroducedVersion>${VERSION}</IntroducedVersion><IsCustomizable>1</IsCustomizable><IsRenameable>1</IsRenameable>`,
    `<CanModifySearchSettings>1</CanModifySearchSettings><CanModifyRequirementLevelSettings>1</CanModifyRequirementLevelSettings>`,
    `<CanModifyAdditionalSettings>1</CanModifyAdditionalSettings><SourceType>0</SourceType>`,
  ];
  switch (column.type) {
    case 'nvarchar':
      parts.push(`<Format>${column.format ?? 'text'}</Format><MaxLength>${column.maxLength ?? 100}</MaxLength>`);
      parts.push(`<Length>${(column.maxLength ?? 100) * 2}</Length>`);
      break;
    case 'ntext':
      parts.push(`<Format>textarea</Format><MaxLength>${column.maxLength ?? 2000}</MaxLength>`);
      break;
    case 'datetime':
      // Behavior 1 = user local; times are shown in each user's zone.
      parts.push(
        `<Format>datetime</Format><Behavior>1</Behavior><CanChangeDateTimeBehavior>0</CanChangeDateTimeBehavior>`,
      );
      break;
    case 'bit':
      parts.push(`<AppDefaultValue>0</AppDefaultValue>`, optionSet(table.logicalName, column));
      break;
    case 'picklist':
      parts.push(`<AppDefaultValue>-1</AppDefaultValue>`, optionSet(table.logicalName, column));
      break;
    case 'lookup':
      parts.push(`<LookupStyle>single</LookupStyle><LookupTypes />`);
      break;
    case 'int':
      parts.push(`<Format>none</Format><MinValue>-2147483648</MinValue><MaxValue>2147483647</MaxValue>`);
      break;
  }
  parts.push(`<displaynames>${labels(column.labelKey, column.logicalName, 'displayname')}</displaynames>`);
  parts.push(`<Descriptions>${labels(column.labelKey, column.logicalName, 'Description')}</Descriptions>`);
  return `<attribute PhysicalName="${esc(schemaName(column.logicalName))}">${parts.join('')}</attribute>`;
}

function primaryNameAttribute(table: TableDef): string {
  const name = table.primaryName as string;
  const isSubject = name === 'subject';
  return (
    `<attribute PhysicalName="${isSubject ? 'Subject' : esc(name)}"><Type>nvarchar</Type><Name>${esc(name)}</Name>` +
    `<LogicalName>${esc(name)}</LogicalName><RequiredLevel>${isSubject ? 'none' : 'required'}</RequiredLevel>` +
    `<DisplayMask>PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm</DisplayMask>` +
    `<IsCustomField>${isSubject ? 0 : 1}</IsCustomField><IntroducedVersion>${VERSION}</IntroducedVersion>` +
    `<IsCustomizable>1</IsCustomizable><Format>text</Format><MaxLength>${isSubject ? 200 : 100}</MaxLength>` +
    `<Length>${isSubject ? 400 : 200}</Length>` +
    `<displaynames>${labels('dataverse.colName', 'Name', 'displayname')}</displaynames>` +
    `<Descriptions>${labels('dataverse.colName', 'Name', 'Description')}</Descriptions></attribute>`
  );
}

/** A platform name in every language (Dataverse names its own columns; NavSync does not translate them). */
function platformLabels(text: string, element: string): string {
  return LOCALES.map((l) => `<${element} description="${esc(text)}" languagecode="${DATAVERSE_LCID[l]}" />`).join('');
}

function commonAttributeParts(c: {
  type: string;
  logical: string;
  required: string;
  mask?: string;
  create: number;
  update: number;
  custom: 0 | 1;
}): string {
  return (
    `<Type>${c.type}</Type><Name>${c.logical}</Name><LogicalName>${c.logical}</LogicalName>` +
    `<RequiredLevel>${c.required}</RequiredLevel>${c.mask ? `<DisplayMask>${c.mask}</DisplayMask>` : ''}` +
    `<ImeMode>auto</ImeMode><ValidForUpdateApi>${c.update}</ValidForUpdateApi><ValidForReadApi>1</ValidForReadApi>` +
    `<ValidForCreateApi>${c.create}</ValidForCreateApi><IsCustomField>${c.custom}</IsCustomField>` +
    `<IsAuditEnabled>0</IsAuditEnabled><IsSecured>0</IsSecured><IntroducedVersion>${VERSION}</IntroducedVersion>` +
    `<IsCustomizable>1</IsCustomizable><IsRenameable>1</IsRenameable><CanModifySearchSettings>1</CanModifySearchSettings>` +
    `<CanModifyRequirementLevelSettings>1</CanModifyRequirementLevelSettings>` +
    `<CanModifyAdditionalSettings>1</CanModifyAdditionalSettings><SourceType>0</SourceType>`
  );
}

function systemAttribute(table: TableDef, c: SystemColumn): string {
  const logical = c.physical.toLowerCase();
  const parts = [commonAttributeParts({ ...c, logical, required: c.required ?? 'none', custom: 0 })];
  if (c.format !== undefined) parts.push(`<Format>${c.format}</Format>`);
  if (c.behavior !== undefined) parts.push(`<Behavior>${c.behavior}</Behavior>`);
  if (c.maxLength !== undefined) parts.push(`<MaxLength>${c.maxLength}</MaxLength>`);
  if (c.type === 'nvarchar' && c.maxLength !== undefined) parts.push(`<Length>${c.maxLength * 2}</Length>`);
  if (c.min !== undefined) parts.push(`<MinValue>${c.min}</MinValue><MaxValue>${c.max}</MaxValue>`);
  if (c.lookupStyle) {
    const types = (c.lookupTypes ?? [])
      .map((code) => `<LookupType id="00000000-0000-0000-0000-000000000000">${code}</LookupType>`)
      .join('');
    parts.push(
      `<LookupStyle>${c.lookupStyle}</LookupStyle>${types ? `<LookupTypes>${types}</LookupTypes>` : '<LookupTypes />'}`,
    );
  }
  if (c.type === 'partylist') parts.push('<IsLogical>1</IsLogical>');
  if (c.type === 'bit') {
    parts.push(
      `<AppDefaultValue>0</AppDefaultValue><optionset Name="${esc(`${table.logicalName}_${logical}`)}">` +
        `<OptionSetType>bit</OptionSetType><IntroducedVersion>${VERSION}</IntroducedVersion><IsCustomizable>1</IsCustomizable>` +
        `<displaynames>${platformLabels(c.label, 'displayname')}</displaynames><Descriptions />` +
        `<options><option value="1"><labels>${labels('common.yes', 'Yes', 'label')}</labels></option>` +
        `<option value="0"><labels>${labels('common.no', 'No', 'label')}</labels></option></options></optionset>`,
    );
  }
  if (c.type === 'picklist' && c.optionSetName) {
    parts.push(`<AppDefaultValue>-1</AppDefaultValue><OptionSetName>${c.optionSetName}</OptionSetName>`);
  } else if (c.type === 'picklist') {
    const options = (c.options ?? [])
      .map(([value, label]) => `<option value="${value}"><labels>${platformLabels(label, 'label')}</labels></option>`)
      .join('');
    parts.push(
      `<AppDefaultValue>${c.defaultValue ?? -1}</AppDefaultValue><optionset Name="${esc(`${table.logicalName}_${logical}`)}">` +
        `<OptionSetType>picklist</OptionSetType><IntroducedVersion>${VERSION}</IntroducedVersion><IsCustomizable>1</IsCustomizable>` +
        `<displaynames>${platformLabels(c.label, 'displayname')}</displaynames><Descriptions />` +
        `<options>${options}</options></optionset>`,
    );
  }
  parts.push(`<displaynames>${platformLabels(c.label, 'displayname')}</displaynames>`);
  parts.push(`<Descriptions>${platformLabels(c.description, 'Description')}</Descriptions>`);
  return `<attribute PhysicalName="${esc(c.physical)}">${parts.join('')}</attribute>`;
}

function primaryKeyAttribute(table: TableDef): string {
  const logical = primaryKeyName(table);
  const physical = table.activity ? 'ActivityId' : logical;
  const c = {
    type: 'primarykey',
    logical,
    required: 'systemrequired',
    mask: 'ValidForAdvancedFind|RequiredForGrid',
    create: 1,
    update: 0,
    custom: 0 as const,
  };
  const label = table.labelKey ? undefined : table.logicalName;
  return (
    `<attribute PhysicalName="${esc(physical)}">${commonAttributeParts(c)}` +
    `<displaynames>${label ? platformLabels(label, 'displayname') : labels(table.labelKey, table.logicalName, 'displayname')}</displaynames>` +
    `<Descriptions>${platformLabels('Unique identifier for entity instances', 'Description')}</Descriptions></attribute>`
  );
}

/** statecode and statuscode with the table's states and their default status reasons. */
function stateAttributes(table: TableDef): string {
  const states = statesOf(table);
  const activity = table.activity === true;
  const stateName = activity ? 'Activity Status' : 'Status';
  const state =
    `<attribute PhysicalName="${activity ? 'StateCode' : 'statecode'}">` +
    commonAttributeParts({
      type: 'state',
      logical: 'statecode',
      required: 'systemrequired',
      mask: 'ValidForAdvancedFind|ValidForForm|ValidForGrid',
      create: 0,
      update: 1,
      custom: 0,
    }) +
    `<optionset Name="${esc(`${table.logicalName}_statecode`)}"><OptionSetType>state</OptionSetType>` +
    `<IntroducedVersion>${VERSION}</IntroducedVersion><IsCustomizable>1</IsCustomizable>` +
    `<displaynames>${platformLabels(stateName, 'displayname')}</displaynames><Descriptions /><states>` +
    states
      .map(
        (s) =>
          `<state value="${s.value}" defaultstatus="${s.status}" invariantname="${s.invariant}"><labels>${labels(s.labelKey, s.invariant, 'label')}</labels></state>`,
      )
      .join('') +
    `</states></optionset><displaynames>${platformLabels(stateName, 'displayname')}</displaynames>` +
    `<Descriptions>${platformLabels(`Status of the ${activity ? 'activity' : 'record'}.`, 'Description')}</Descriptions></attribute>`;
  const status =
    `<attribute PhysicalName="${activity ? 'StatusCode' : 'statuscode'}">` +
    commonAttributeParts({
      type: 'status',
      logical: 'statuscode',
      required: 'none',
      mask: 'ValidForAdvancedFind|ValidForForm|ValidForGrid',
      create: 1,
      update: 1,
      custom: 0,
    }) +
    `<optionset Name="${esc(`${table.logicalName}_statuscode`)}"><OptionSetType>status</OptionSetType>` +
    `<IntroducedVersion>${VERSION}</IntroducedVersion><IsCustomizable>1</IsCustomizable>` +
    `<displaynames>${platformLabels('Status Reason', 'displayname')}</displaynames><Descriptions /><statuses>` +
    states
      .map(
        (s) =>
          `<status value="${s.status}" state="${s.value}"><labels>${labels(s.labelKey, s.invariant, 'label')}</labels></status>`,
      )
      .join('') +
    `</statuses></optionset><displaynames>${platformLabels('Status Reason', 'displayname')}</displaynames>` +
    `<Descriptions>${platformLabels(`Reason for the status of the ${activity ? 'activity' : 'record'}.`, 'Description')}</Descriptions></attribute>`;
  return state + status;
}

function ownedEntityFlags(table: TableDef): string {
  const activity = table.activity === true;
  return (
    `<EntitySetName>${esc(entitySetName(table.logicalName))}</EntitySetName>` +
    `<IsDuplicateCheckSupported>0</IsDuplicateCheckSupported>` +
    `<IsActivity>${activity ? 1 : 0}</IsActivity>` +
    (activity ? `<ActivityTypeMask>CommunicationActivity</ActivityTypeMask>` : '') +
    `<IsActivityParty>0</IsActivityParty>` +
    `<HasRelatedNotes>${activity ? 'True' : 'False'}</HasRelatedNotes>` +
    `<HasRelatedActivities>False</HasRelatedActivities>` +
    `<OwnershipTypeMask>${table.ownership === 'OrgOwned' ? 'OrgOwned' : 'UserOwned'}</OwnershipTypeMask>` +
    `<IsMailMergeEnabled>0</IsMailMergeEnabled><IsRequiredOffline>0</IsRequiredOffline>`
  );
}

function entity(table: TableDef): string {
  // A new table carries what the platform gives it, as an export lists it; a system table only NavSync's columns.
  const platform = table.owned
    ? [primaryKeyAttribute(table), primaryNameAttribute(table), stateAttributes(table)].concat(
        systemColumns(table).map((c) => systemAttribute(table, c)),
      )
    : [];
  const attrs = platform.concat(table.columns.map((c) => attribute(table, c)));
  const originalName = table.labelKey ? t(table.labelKey, 'en') : table.logicalName;
  // Exports name a system table by its schema name (`Contact`), a new one by its logical name.
  const name = table.schemaName ?? table.logicalName;
  let info = `<attributes>${attrs.join('')}</attributes>`;
  if (table.owned) {
    info =
      `<LocalizedNames>${labels(table.labelKey, table.logicalName, 'LocalizedName')}</LocalizedNames>` +
      `<LocalizedCollectionNames>${labels(table.pluralKey, table.logicalName, 'LocalizedCollectionName')}</LocalizedCollectionNames>` +
      `<Descriptions>${labels(table.labelKey, table.logicalName, 'Description')}</Descriptions>` +
      info +
      ownedEntityFlags(table) +
      `<IsCustomizable>1</IsCustomizable><IntroducedVersion>${VERSION}</IntroducedVersion>`;
  }
  const formsAndViews = table.owned ? renderForms(table, VERSION) + renderViews(table, VERSION) : '';
  return (
    `<Entity><Name LocalizedName="${esc(table.schemaName ?? originalName)}" OriginalName="${table.schemaName ? '' : esc(originalName)}">` +
    `${esc(name)}</Name><EntityInfo><entity Name="${esc(name)}"${table.owned ? '' : ' unmodified="1"'}>${info}</entity></EntityInfo>` +
    `${formsAndViews}</Entity>`
  );
}

function relationships(): string {
  const out: string[] = [];
  for (const table of TABLES) {
    for (const c of table.columns.filter((col) => col.type === 'lookup')) {
      out.push(
        `<EntityRelationship Name="${esc(`${table.logicalName}_${c.logicalName}_${c.target as string}`)}">` +
          `<EntityRelationshipType>OneToMany</EntityRelationshipType><IsCustomizable>1</IsCustomizable>` +
          `<IntroducedVersion>${VERSION}</IntroducedVersion><IsHierarchical>0</IsHierarchical>` +
          `<ReferencingEntityName>${esc(table.logicalName)}</ReferencingEntityName>` +
          `<ReferencedEntityName>${esc(c.target as string)}</ReferencedEntityName>` +
          `<CascadeAssign>NoCascade</CascadeAssign><CascadeDelete>RemoveLink</CascadeDelete>` +
          `<CascadeReparent>NoCascade</CascadeReparent><CascadeShare>NoCascade</CascadeShare>` +
          `<CascadeUnshare>NoCascade</CascadeUnshare><IsValidForAdvancedFind>1</IsValidForAdvancedFind>` +
          `<ReferencingAttributeName>${esc(c.logicalName)}</ReferencingAttributeName>` +
          `<RelationshipDescription><Descriptions>${labels(c.labelKey, c.logicalName, 'Description')}</Descriptions></RelationshipDescription>` +
          `</EntityRelationship>`,
      );
    }
  }
  return `<EntityRelationships>${out.join('')}</EntityRelationships>`;
}

function roles(): string {
  const privileges = ROLE.privileges.map((p) => `<RolePrivilege name="${esc(p.name)}" level="${p.level}" />`).join('');
  return (
    `<Roles><Role id="{${ROLE.id}}" name="${esc(ROLE.name)}"><IsCustomizable>1</IsCustomizable>` +
    `<IntroducedVersion>${VERSION}</IntroducedVersion><RolePrivileges>${privileges}</RolePrivileges></Role></Roles>`
  );
}

function webResources(): string {
  const items = WEB_RESOURCES.map(
    (w) =>
      `<WebResource><WebResourceId>{${webResourceId(w.name)}}</WebResourceId><Name>${esc(w.name)}</Name>` +
      `<DisplayName>${esc(w.displayName)}</DisplayName><LanguageCode>1033</LanguageCode>` +
      `<WebResourceType>${WEB_RESOURCE_TYPE[w.kind]}</WebResourceType>` +
      `<IntroducedVersion>${VERSION}</IntroducedVersion><IsEnabledForMobileClient>0</IsEnabledForMobileClient>` +
      `<IsAvailableForMobileOffline>0</IsAvailableForMobileOffline><IsCustomizable>1</IsCustomizable>` +
      `<CanBeDeleted>1</CanBeDeleted><IsHidden>0</IsHidden><FileName>/${esc(webResourceFile(w.name))}</FileName></WebResource>`,
  ).join('');
  return `<WebResources>${items}</WebResources>`;
}

function customControls(): string {
  return (
    `<CustomControls><CustomControl><Name>${esc(CONTROL.name)}</Name>` +
    `<FileName>/Controls/${esc(CONTROL.name)}/ControlManifest.xml</FileName></CustomControl></CustomControls>`
  );
}

/** Fill the source skeleton's empty sections. Throws when a section is missing, so a skeleton edit is noticed. */
export function renderCustomizations(skeleton: string): string {
  const fills: [string, string][] = [
    ['<Entities />', `<Entities>${TABLES.map(entity).join('')}</Entities>`],
    ['<Roles />', roles()],
    ['<EntityRelationships />', relationships()],
    ['<WebResources />', webResources()],
    ['<CustomControls />', customControls()],
  ];
  let out = skeleton;
  for (const [marker, xml] of fills) {
    if (!out.includes(marker)) throw new Error(`Other/Customizations.xml has no ${marker} section to fill`);
    out = out.replace(marker, xml);
  }
  return out;
}
