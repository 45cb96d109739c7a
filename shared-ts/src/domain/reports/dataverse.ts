import { DATAVERSE_LCID, LOCALES } from '../i18n/locales';
import { t } from '../i18n/index';
import type { DvCondition, DvFilter, DvLink, ReportColumn, ReportDefinition } from './definitions';
import { xmlAttrs } from './xml';

/**
 * Dataverse renderings of a report definition: the FetchXML + layoutxml of a system view (savedquery) and the
 * FetchXML of a FetchXML-based report. Pure string building; every name and value is XML-escaped.
 */

/** Columns shown in Dataverse, in display order. */
export function dataverseColumns(def: ReportDefinition): ReportColumn[] {
  return def.family.columns.filter((c) => c.dataverse !== undefined);
}

/** Layout cell name: `attr` for the root table, `alias.attr` for a linked table. */
export function dataverseCellName(column: ReportColumn): string {
  const dv = column.dataverse;
  if (!dv) throw new Error(`Column ${column.key} has no Dataverse attribute`);
  return dv.link ? `${dv.link}.${dv.attribute}` : dv.attribute;
}

function dvQueryOf(def: ReportDefinition) {
  const dv = def.family.dataverse;
  if (!dv) throw new Error(`${def.id} has no Dataverse rendering`);
  return dv.query;
}

function renderDvCondition(c: DvCondition): string {
  return `<condition${xmlAttrs([
    ['entityname', c.entityname],
    ['attribute', c.attribute],
    ['operator', c.operator],
    ['value', c.value],
  ])} />`;
}

function renderDvFilter(f: DvFilter): string {
  const inner = f.conditions.map(renderDvCondition).join('') + (f.filters ?? []).map(renderDvFilter).join('');
  return `<filter${xmlAttrs([['type', f.type]])}>${inner}</filter>`;
}

function dvAttributesOf(def: ReportDefinition, link: string | undefined): string[] {
  const names: string[] = [];
  for (const c of dataverseColumns(def)) {
    const dv = c.dataverse;
    if (dv && dv.link === link && !names.includes(dv.attribute)) names.push(dv.attribute);
  }
  return names;
}

function renderDvAttributes(names: string[]): string {
  return names.map((n) => `<attribute${xmlAttrs([['name', n]])} />`).join('');
}

function renderDvLink(def: ReportDefinition, link: DvLink): string {
  const body =
    renderDvAttributes(dvAttributesOf(def, link.alias)) +
    (link.filter ? renderDvFilter(link.filter) : '') +
    (link.links ?? []).map((l) => renderDvLink(def, l)).join('');
  return `<link-entity${xmlAttrs([
    ['name', link.name],
    ['from', link.from],
    ['to', link.to],
    ['alias', link.alias],
    ['link-type', link.linkType],
    ['visible', 'false'],
  ])}>${body}</link-entity>`;
}

/** The root filter with "My" added as `ownerid eq-userid` (owner = the user running the view). */
function dvRootFilter(def: ReportDefinition): DvFilter {
  const base = dvQueryOf(def).filter;
  if (def.scope === 'all') return base;
  return { ...base, conditions: [...base.conditions, { attribute: 'ownerid', operator: 'eq-userid' }] };
}

function dvSortAttribute(def: ReportDefinition): string {
  const column = def.family.columns.find((c) => c.key === def.family.sort.column);
  if (!column || !column.dataverse || column.dataverse.link) {
    throw new Error(`${def.id}: the sort column must be a root Dataverse column`);
  }
  return column.dataverse.attribute;
}

/**
 * FetchXML of the view or report. Every layout cell is fetched, plus the primary id.
 * `prefilter` marks the root entity for report pre-filtering (`CRM_Filtered<Entity>`).
 */
export function renderFetchXml(def: ReportDefinition, options: { prefilter?: boolean } = {}): string {
  const q = dvQueryOf(def);
  const rootAttrs = [q.primaryId, ...dvAttributesOf(def, undefined).filter((a) => a !== q.primaryId)];
  const entityAttrs: [string, string | undefined][] = [['name', q.entity]];
  if (options.prefilter) {
    entityAttrs.push(['enableprefiltering', '1'], ['prefilterparametername', q.prefilterParameter]);
  }
  const body =
    renderDvAttributes(rootAttrs) +
    `<order${xmlAttrs([
      ['attribute', dvSortAttribute(def)],
      ['descending', def.family.sort.descending ? 'true' : 'false'],
    ])} />` +
    renderDvFilter(dvRootFilter(def)) +
    q.links.map((l) => renderDvLink(def, l)).join('');
  return (
    `<fetch${xmlAttrs([
      ['version', '1.0'],
      ['output-format', 'xml-platform'],
      ['mapping', 'logical'],
      ['distinct', q.distinct ? 'true' : 'false'],
    ])}>` + `<entity${xmlAttrs(entityAttrs)}>${body}</entity></fetch>`
  );
}

/** layoutxml of the system view: one cell per Dataverse column; linked cells are not sortable. */
export function renderLayoutXml(def: ReportDefinition): string {
  const q = dvQueryOf(def);
  const cells = dataverseColumns(def)
    .map((c) => {
      const linked = c.dataverse && c.dataverse.link;
      return `<cell${xmlAttrs([
        ['name', dataverseCellName(c)],
        ['width', c.width],
        ['disableSorting', linked ? '1' : undefined],
      ])} />`;
    })
    .join('');
  return (
    `<grid${xmlAttrs([
      ['name', 'resultset'],
      ['object', q.objectTypeCode],
      ['jump', q.primaryName],
      ['select', '1'],
      ['icon', '1'],
      ['preview', '1'],
    ])}>` +
    `<row${xmlAttrs([
      ['name', 'result'],
      ['id', q.primaryId],
    ])}>${cells}</row></grid>`
  );
}

/** Labels in every language, as Dataverse localized labels. */
export function dataverseLocalizedLabels(key: string): { label: string; languageCode: number }[] {
  return LOCALES.map((locale) => ({ label: t(key, locale), languageCode: DATAVERSE_LCID[locale] }));
}

/** The body of `POST savedqueries` for a system view (Web API), names in the given language. */
export function renderSavedQuery(def: ReportDefinition, locale: (typeof LOCALES)[number] = 'en') {
  if (!def.dataverse.viewId) throw new Error(`${def.id} is not a Dataverse view`);
  const q = dvQueryOf(def);
  return {
    savedqueryid: def.dataverse.viewId,
    name: t(def.titleKey, locale),
    description: t(def.descriptionKey, locale),
    returnedtypecode: q.entity,
    querytype: 0,
    isdefault: false,
    isquickfindquery: false,
    fetchxml: renderFetchXml(def),
    layoutxml: renderLayoutXml(def),
  };
}

/**
 * The facts of a FetchXML-based report record (`POST reports` and its companions). The RDL body that carries
 * `fetchxml` is built by the Dataverse surface; the column headers it shows are `columns[].header`.
 */
export function renderDataverseReport(def: ReportDefinition, locale: (typeof LOCALES)[number] = 'en') {
  if (!def.dataverse.reportId) throw new Error(`${def.id} is not a Dataverse report`);
  const q = dvQueryOf(def);
  return {
    reportid: def.dataverse.reportId,
    name: t(def.titleKey, locale),
    description: t(def.descriptionKey, locale),
    filename: def.dataverse.reportFileName as string,
    reporttypecode: 1,
    languagecode: DATAVERSE_LCID[locale],
    ispersonal: false,
    entity: q.entity,
    prefilterParameter: q.prefilterParameter,
    /** 1 = Sales Reports. */
    categorycode: 1,
    /** 1 = Reports area, 3 = lists of the related record type. */
    visibilitycodes: [1, 3],
    fetchxml: renderFetchXml(def, { prefilter: true }),
    columns: dataverseColumns(def).map((c) => ({
      field: dataverseCellName(c),
      header: t(c.headerKey, locale),
      width: c.width,
    })),
  };
}
