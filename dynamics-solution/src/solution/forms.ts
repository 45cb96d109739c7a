import { DATAVERSE_LCID, LOCALES, nameGuid, t } from '@navsync/shared-ts';
import type { ColumnDef, TableDef } from './model';
import { esc } from './xml';

/**
 * The main form of a table NavSync creates, as an export writes it (FormXml, forms type="main"): one "General" tab
 * with the primary name, NavSync's columns and the owner (an activity also shows Regarding, Description and Actual
 * End). Form, tab and section names in the five languages, from the catalogue (dataverse.form*).
 */

/** Form control class ids by column type (the platform's standard controls, as exported forms name them). */
const CONTROL_CLASS: Record<string, string> = {
  nvarchar: '{4273EDBD-AC1D-40d3-9FB2-095C621B552D}',
  url: '{71716B6C-711E-476c-8AB8-5D11542BFB47}',
  ntext: '{E0DECE4B-6FC8-4a8f-A065-082708572369}',
  datetime: '{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}',
  bit: '{B0C6723A-8503-4fd7-BB28-C8A06AC933C2}',
  picklist: '{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}',
  int: '{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}',
  lookup: '{270BD3DB-D9AF-4782-9025-509E298DEC0A}',
  owner: '{270BD3DB-D9AF-4782-9025-509E298DEC0A}',
  regarding: '{F3015350-44A2-4AA0-97B5-00166532B5E9}',
};

/** A cell shows its column's own display name: exports write an empty label per language. */
const CELL_LABELS = LOCALES.map((l) => `<label description="" languagecode="${DATAVERSE_LCID[l]}" />`).join('');

function labels(key: string): string {
  return LOCALES.map((l) => `<label description="${esc(t(key, l))}" languagecode="${DATAVERSE_LCID[l]}" />`).join('');
}

function names(key: string, element: 'LocalizedName' | 'Description'): string {
  return LOCALES.map((l) => `<${element} description="${esc(t(key, l))}" languagecode="${DATAVERSE_LCID[l]}" />`).join(
    '',
  );
}

/** The form's fields, top to bottom: [column, control class]. */
export function mainFormFields(table: TableDef): [string, string][] {
  const fields: [string, string][] = [[table.primaryName as string, CONTROL_CLASS.nvarchar]];
  if (table.activity) fields.push(['regardingobjectid', CONTROL_CLASS.regarding]);
  for (const c of table.columns) fields.push([c.logicalName, classOf(c)]);
  if (table.activity) fields.push(['description', CONTROL_CLASS.ntext], ['actualend', CONTROL_CLASS.datetime]);
  if (table.activity || table.ownership !== 'OrgOwned') fields.push(['ownerid', CONTROL_CLASS.owner]);
  return fields;
}

function classOf(c: ColumnDef): string {
  if (c.type === 'nvarchar' && c.format === 'url') return CONTROL_CLASS.url;
  return CONTROL_CLASS[c.type] ?? CONTROL_CLASS.nvarchar;
}

export function mainFormId(table: TableDef): string {
  return nameGuid(`navsync.form.${table.logicalName}.main`);
}

/** The table's `<FormXml>` with its main form. */
export function renderForms(table: TableDef, version: string): string {
  const id = (part: string) => `{${nameGuid(`navsync.form.${table.logicalName}.main.${part}`)}}`;
  const rows = mainFormFields(table)
    .map(
      ([field, classId]) =>
        `<row><cell id="${id(`cell.${field}`)}" showlabel="true"><labels>${CELL_LABELS}</labels>` +
        `<control id="${esc(field)}" classid="${classId}" datafieldname="${esc(field)}" /></cell></row>`,
    )
    .join('');
  const form =
    `<form><tabs><tab verticallayout="true" id="${id('tab')}" IsUserDefined="1"><labels>${labels('dataverse.formTabGeneral')}</labels>` +
    `<columns><column width="100%"><sections><section showlabel="false" showbar="false" IsUserDefined="0" id="${id('section')}">` +
    `<labels>${labels('dataverse.formTabGeneral')}</labels><rows>${rows}</rows></section></sections></column></columns>` +
    `</tab></tabs></form>`;
  return (
    `<FormXml><forms type="main"><systemform><formid>{${mainFormId(table)}}</formid>` +
    `<IntroducedVersion>${version}</IntroducedVersion><FormPresentation>1</FormPresentation>` +
    `<FormActivationState>1</FormActivationState>${form}<IsCustomizable>1</IsCustomizable><CanBeDeleted>1</CanBeDeleted>` +
    `<LocalizedNames>${names('dataverse.formMain', 'LocalizedName')}</LocalizedNames>` +
    `<Descriptions>${names('dataverse.formMainDescription', 'Description')}</Descriptions></systemform></forms></FormXml>`
  );
}
