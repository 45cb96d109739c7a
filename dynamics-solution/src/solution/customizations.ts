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

function ownedEntityFlags(table: TableDef): string {
  const activity = table.activity === true;
  return (
    `<EntitySetName>${esc(entitySetName(table.logicalName))}</EntitySetName>` +
    `<IsDuplicateCheckSupported>0</IsDuplicateCheckSupported>` +
    `<IsActivity>${activity ? 1 : 0}</IsActivity>` +
    (activity ? `<ActivityTypeMask>1</ActivityTypeMask>` : '') +
    `<IsActivityParty>0</IsActivityParty>` +
    `<HasRelatedNotes>${activity ? 'True' : 'False'}</HasRelatedNotes>` +
    `<HasRelatedActivities>False</HasRelatedActivities>` +
    `<OwnershipTypeMask>${table.ownership === 'OrgOwned' ? 'OrgOwned' : 'UserOwned'}</OwnershipTypeMask>` +
    `<IsMailMergeEnabled>0</IsMailMergeEnabled><IsRequiredOffline>0</IsRequiredOffline>`
  );
}

function entity(table: TableDef): string {
  const attrs = (table.owned ? [primaryNameAttribute(table)] : []).concat(
    table.columns.map((c) => attribute(table, c)),
  );
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
  return (
    `<Entity><Name LocalizedName="${esc(table.schemaName ?? originalName)}" OriginalName="${table.schemaName ? '' : esc(originalName)}">` +
    `${esc(name)}</Name><EntityInfo><entity Name="${esc(name)}"${table.owned ? '' : ' unmodified="1"'}>${info}</entity></EntityInfo>` +
    `</Entity>`
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
