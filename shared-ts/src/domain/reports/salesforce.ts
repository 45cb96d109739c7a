import { t } from '../i18n/index';
import type { SfCriteria, SfCrossFilter, ReportDefinition } from './definitions';
import { SF_REPORT_FOLDER } from './definitions';
import { xmlEscape } from './xml';

/**
 * Salesforce renderings of a report definition: the facts a metadata checker compares against
 * `reports/NavSync_Reports/<Name>.report-meta.xml` and `objects/Contact/listViews/<Name>.listView-meta.xml`
 * (salesforce-api.md §1–2), and the XML itself. Field API names are written without namespace, as in source.
 */

export interface SalesforceReportFacts {
  /** `NavSync_Reports/<DeveloperName>`: the report's full name in package.xml. */
  fullName: string;
  folder: string;
  developerName: string;
  /** Report name (English, ≤ 40 characters) and description. */
  name: string;
  description: string;
  reportType: string;
  format: 'Tabular';
  columns: string[];
  filters: SfCriteria[];
  crossFilters: SfCrossFilter[];
  params: { name: string; value: string }[];
  /** `organization` for "All …", `user` for "My …". */
  scope: string;
  sortColumn?: string;
  sortOrder?: 'Asc' | 'Desc';
  timeFrameColumn: string;
}

function sfReportQueryOf(def: ReportDefinition) {
  const sf = def.family.salesforce;
  if (!sf || !def.salesforce.reportDeveloperName) throw new Error(`${def.id} is not a Salesforce report`);
  return sf;
}

export function salesforceReportFacts(def: ReportDefinition): SalesforceReportFacts {
  const sf = sfReportQueryOf(def);
  const scope = sf.report.scopes[def.scope];
  if (!scope) throw new Error(`${def.id}: no Salesforce scope for "${def.scope}"`);
  const columns: string[] = [];
  for (const c of def.family.columns) {
    for (const token of c.salesforceReport ?? []) if (!columns.includes(token)) columns.push(token);
  }
  const sortCol = def.family.columns.find((c) => c.key === def.family.sort.column);
  const sortToken = sortCol && sortCol.salesforceReport ? sortCol.salesforceReport[0] : undefined;
  const developerName = def.salesforce.reportDeveloperName as string;
  return {
    fullName: `${SF_REPORT_FOLDER.developerName}/${developerName}`,
    folder: SF_REPORT_FOLDER.developerName,
    developerName,
    name: t(def.shortTitleKey, 'en'),
    description: t(def.descriptionKey, 'en'),
    reportType: sf.report.reportType,
    format: 'Tabular',
    columns,
    filters: sf.report.filters,
    crossFilters: sf.report.crossFilters,
    params: sf.report.params,
    scope,
    ...(sortToken ? { sortColumn: sortToken, sortOrder: def.family.sort.descending ? 'Desc' : 'Asc' } : {}),
    timeFrameColumn: sf.report.timeFrameColumn,
  } as SalesforceReportFacts;
}

function sfXmlElement(name: string, value: string | number | boolean): string {
  return `<${name}>${xmlEscape(String(value))}</${name}>`;
}

function sfCriteriaXml(c: SfCriteria, withColumnToColumn: boolean): string {
  return (
    '<criteriaItems>' +
    sfXmlElement('column', c.column) +
    (withColumnToColumn ? sfXmlElement('columnToColumn', false) : '') +
    sfXmlElement('isUnlocked', c.isUnlocked) +
    sfXmlElement('operator', c.operator) +
    sfXmlElement('value', c.value) +
    '</criteriaItems>'
  );
}

/** `.report-meta.xml`, elements in the order real retrieves emit (salesforce-api.md §1.2). */
export function renderSalesforceReportXml(def: ReportDefinition): string {
  const f = salesforceReportFacts(def);
  const parts: string[] = [];
  for (const c of f.columns) parts.push(`<columns>${sfXmlElement('field', c)}</columns>`);
  for (const x of f.crossFilters) {
    parts.push(
      '<crossFilters>' +
        x.criteria.map((c) => sfCriteriaXml(c, false)).join('') +
        sfXmlElement('operation', x.operation) +
        sfXmlElement('primaryTableColumn', x.primaryTableColumn) +
        sfXmlElement('relatedTable', x.relatedTable) +
        sfXmlElement('relatedTableJoinColumn', x.relatedTableJoinColumn) +
        '</crossFilters>',
    );
  }
  parts.push(sfXmlElement('description', f.description));
  if (f.filters.length) parts.push(`<filter>${f.filters.map((c) => sfCriteriaXml(c, true)).join('')}</filter>`);
  parts.push(sfXmlElement('format', f.format));
  parts.push(sfXmlElement('name', f.name));
  for (const p of f.params)
    parts.push(`<params>${sfXmlElement('name', p.name)}${sfXmlElement('value', p.value)}</params>`);
  parts.push(sfXmlElement('reportType', f.reportType));
  parts.push(sfXmlElement('scope', f.scope));
  parts.push(sfXmlElement('showDetails', true));
  if (f.sortColumn)
    parts.push(sfXmlElement('sortColumn', f.sortColumn), sfXmlElement('sortOrder', f.sortOrder as string));
  parts.push(
    `<timeFrameFilter>${sfXmlElement('dateColumn', f.timeFrameColumn)}${sfXmlElement('interval', 'INTERVAL_CUSTOM')}</timeFrameFilter>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Report xmlns="http://soap.sforce.com/2006/04/metadata">\n    ' +
    parts.join('\n    ') +
    '\n</Report>\n'
  );
}

export interface SalesforceListViewFacts {
  /** `Contact.<fullName>` in package.xml. */
  object: 'Contact';
  fullName: string;
  label: string;
  columns: string[];
  filterScope: 'Everything' | 'Mine';
  filters: { field: string; operation: string; value: string }[];
}

export function salesforceListViewFacts(def: ReportDefinition): SalesforceListViewFacts {
  const sf = def.family.salesforce;
  if (!sf || !sf.listView || !def.salesforce.listViewName) throw new Error(`${def.id} is not a Salesforce list view`);
  return {
    object: 'Contact',
    fullName: def.salesforce.listViewName,
    label: t(def.shortTitleKey, 'en'),
    columns: def.family.columns.map((c) => c.salesforceListView).filter((c): c is string => c !== undefined),
    filterScope: sf.listView.filterScopes[def.scope],
    filters: sf.listView.filters,
  };
}

/** `.listView-meta.xml` (salesforce-api.md §2). Custom fields are bare API names in list views. */
export function renderSalesforceListViewXml(def: ReportDefinition): string {
  const f = salesforceListViewFacts(def);
  const parts = [sfXmlElement('fullName', f.fullName)];
  for (const c of f.columns) parts.push(sfXmlElement('columns', c));
  parts.push(sfXmlElement('filterScope', f.filterScope));
  for (const x of f.filters) {
    parts.push(
      `<filters>${sfXmlElement('field', x.field)}${sfXmlElement('operation', x.operation)}${sfXmlElement('value', x.value)}</filters>`,
    );
  }
  parts.push(sfXmlElement('label', f.label));
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<ListView xmlns="http://soap.sforce.com/2006/04/metadata">\n    ' +
    parts.join('\n    ') +
    '\n</ListView>\n'
  );
}
