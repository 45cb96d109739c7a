import { CATALOGUES, DATAVERSE_LCID, LOCALES, nameGuid, t } from '@navsync/shared-ts';
import type { TableDef } from './model';
import { primaryKeyName } from './systemColumns';
import { esc } from './xml';

/**
 * The default views Dataverse creates with a table, as exports write them (SavedQueries): Active and Inactive (an
 * activity: All, Closed, My Open), the Advanced Find, Associated, Lookup and Quick Find views, and the "My" view of a
 * table that has owners. Names in the five languages, from the catalogue (dataverse.view*).
 */

/** SavedQuery querytype values. */
export const QUERY_TYPE = { main: 0, advancedFind: 1, associated: 2, quickFind: 4, lookup: 64, offlineTemplate: 8192 };

export interface ViewDef {
  id: string;
  nameKey: string;
  queryType: number;
  isDefault: boolean;
  quickFind: boolean;
  /** FetchXML conditions of the view's `and` filter. */
  conditions: string[];
  cells: { name: string; width: number }[];
}

const ACTIVE = '<condition attribute="statecode" operator="eq" value="0" />';
const MINE = '<condition attribute="ownerid" operator="eq-userid" />';

export function viewsOf(table: TableDef): ViewDef[] {
  const name = table.primaryName as string;
  const owned = table.activity === true || table.ownership !== 'OrgOwned';
  const cells = table.activity
    ? [
        { name, width: 300 },
        { name: 'regardingobjectid', width: 150 },
        { name: 'actualend', width: 125 },
        { name: 'createdon', width: 125 },
      ]
    : [
        { name, width: 300 },
        { name: 'createdon', width: 125 },
      ];
  const view = (
    kind: string,
    nameKey: string,
    queryType: number,
    isDefault: boolean,
    conditions: string[],
  ): ViewDef => ({
    id: nameGuid(`navsync.view.${table.logicalName}.${kind}`),
    nameKey,
    queryType,
    isDefault,
    quickFind: queryType === QUERY_TYPE.quickFind,
    conditions,
    cells,
  });
  const views = table.activity
    ? [
        view('all', 'dataverse.viewAll', QUERY_TYPE.main, false, []),
        view('closed', 'dataverse.viewClosed', QUERY_TYPE.main, false, [
          '<condition attribute="statecode" operator="ne" value="0" />',
        ]),
        view('myOpen', 'dataverse.viewMyOpen', QUERY_TYPE.main, true, [MINE, ACTIVE]),
      ]
    : [
        view('active', 'dataverse.viewActive', QUERY_TYPE.main, true, [ACTIVE]),
        view('inactive', 'dataverse.viewInactive', QUERY_TYPE.main, false, [
          '<condition attribute="statecode" operator="eq" value="1" />',
        ]),
      ];
  views.push(
    view('advancedFind', 'dataverse.viewAdvancedFind', QUERY_TYPE.advancedFind, true, []),
    view('associated', 'dataverse.viewAssociated', QUERY_TYPE.associated, true, [ACTIVE]),
    view('lookup', 'dataverse.viewLookup', QUERY_TYPE.lookup, true, [ACTIVE]),
    view('quickFind', 'dataverse.viewQuickFind', QUERY_TYPE.quickFind, true, [ACTIVE]),
  );
  if (owned) views.push(view('my', 'dataverse.viewMy', QUERY_TYPE.offlineTemplate, true, [MINE]));
  return views;
}

function names(key: string, table: TableDef): string {
  return LOCALES.map((l) => {
    const plural = table.pluralKey && CATALOGUES.en[table.pluralKey] ? t(table.pluralKey, l) : table.logicalName;
    return `<LocalizedName description="${esc(t(key, l, { plural }))}" languagecode="${DATAVERSE_LCID[l]}" />`;
  }).join('');
}

function fetchXml(table: TableDef, v: ViewDef): string {
  const key = primaryKeyName(table);
  const attributes = [key, ...v.cells.map((c) => c.name)].map((a) => `<attribute name="${esc(a)}" />`).join('');
  const and = v.conditions.length ? `<filter type="and">${v.conditions.join('')}</filter>` : '';
  const quick = v.quickFind
    ? `<filter type="or" isquickfindfields="1"><condition attribute="${esc(table.primaryName as string)}" operator="like" value="{0}" /></filter>`
    : '';
  return (
    `<fetch version="1.0" mapping="logical"><entity name="${esc(table.logicalName)}">${attributes}` +
    `<order attribute="${esc(table.primaryName as string)}" descending="false" />${and}${quick}</entity></fetch>`
  );
}

function layoutXml(table: TableDef, v: ViewDef): string {
  const cells = v.cells.map((c) => `<cell name="${esc(c.name)}" width="${c.width}" />`).join('');
  return (
    `<grid name="resultset" jump="${esc(table.primaryName as string)}" select="1" icon="1" preview="1">` +
    `<row name="result" id="${esc(primaryKeyName(table))}">${cells}</row></grid>`
  );
}

/** The table's `<SavedQueries>` as an export writes them. */
export function renderViews(table: TableDef, version: string): string {
  const items = viewsOf(table).map(
    (v) =>
      `<savedquery><IsCustomizable>1</IsCustomizable><CanBeDeleted>0</CanBeDeleted>` +
      `<isquickfindquery>${v.quickFind ? 1 : 0}</isquickfindquery><isprivate>0</isprivate>` +
      `<isdefault>${v.isDefault ? 1 : 0}</isdefault><savedqueryid>{${v.id}}</savedqueryid>` +
      `<layoutxml>${layoutXml(table, v)}</layoutxml><querytype>${v.queryType}</querytype>` +
      `<fetchxml>${fetchXml(table, v)}</fetchxml><IntroducedVersion>${version}</IntroducedVersion>` +
      `<LocalizedNames>${names(v.nameKey, table)}</LocalizedNames></savedquery>`,
  );
  return `<SavedQueries><savedqueries>${items.join('')}</savedqueries></SavedQueries>`;
}
