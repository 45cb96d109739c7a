import { esc } from '../../solution/xml';

/**
 * RDL (2010/01) body of a FetchXML-based report (dataverse-api.md §3.5–3.6): the MSCRMFETCH data source, the
 * report's FetchXML with pre-filtering wired through one parameter name, and a table with one column per field.
 */
export interface RdlReport {
  name: string;
  entity: string;
  prefilterParameter: string;
  fetchxml: string;
  columns: { field: string; header: string; width: number }[];
}

/** RDL field names must be identifiers; `pc.fullname` (a linked column) becomes `pc_fullname`. */
export function rdlFieldName(field: string): string {
  return field.replace(/[^A-Za-z0-9_]/g, '_');
}

function textbox(name: string, value: string, bold: boolean): string {
  const style = bold ? '<Style><FontWeight>Bold</FontWeight></Style>' : '<Style />';
  return (
    `<Textbox Name="${esc(name)}"><CanGrow>true</CanGrow><KeepTogether>true</KeepTogether><Paragraphs><Paragraph>` +
    `<TextRuns><TextRun><Value>${esc(value)}</Value>${style}</TextRun></TextRuns><Style /></Paragraph></Paragraphs>` +
    `<Style /></Textbox>`
  );
}

export function renderRdl(report: RdlReport): string {
  const inches = (px: number) => `${(px / 96).toFixed(2)}in`;
  const total = report.columns.reduce((sum, c) => sum + c.width, 0);
  const p = report.prefilterParameter;
  const fields = report.columns
    .map(
      (c) =>
        `<Field Name="${esc(rdlFieldName(c.field))}"><DataField>${esc(c.field)}</DataField><rd:TypeName>System.String</rd:TypeName></Field>`,
    )
    .join('');
  const headerCells = report.columns
    .map((c, i) => `<TablixCell><CellContents>${textbox(`h${i}`, c.header, true)}</CellContents></TablixCell>`)
    .join('');
  const dataCells = report.columns
    .map(
      (c, i) =>
        `<TablixCell><CellContents>${textbox(`d${i}`, `=Fields!${rdlFieldName(c.field)}.Value`, false)}</CellContents></TablixCell>`,
    )
    .join('');
  const allRows = `<fetch version="1.0" output-format="xml-platform" mapping="logical" distinct="false"><entity name="${report.entity}"><all-attributes /></entity></fetch>`;
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<Report xmlns="http://schemas.microsoft.com/sqlserver/reporting/2010/01/reportdefinition" xmlns:rd="http://schemas.microsoft.com/SQLServer/reporting/reportdesigner">` +
    `<AutoRefresh>0</AutoRefresh>` +
    `<DataSources><DataSource Name="CRM"><ConnectionProperties><DataProvider>MSCRMFETCH</DataProvider>` +
    `<ConnectString>https://org.crm.dynamics.com</ConnectString></ConnectionProperties>` +
    `<rd:DataSourceID>00000000-0000-0000-0000-000000000001</rd:DataSourceID></DataSource></DataSources>` +
    `<DataSets><DataSet Name="Main"><Query><DataSourceName>CRM</DataSourceName>` +
    `<QueryParameters><QueryParameter Name="${esc(p)}"><Value>=Parameters!${esc(p)}.Value</Value></QueryParameter></QueryParameters>` +
    `<CommandText>${esc(report.fetchxml)}</CommandText></Query><Fields>${fields}</Fields></DataSet></DataSets>` +
    `<ReportSections><ReportSection><Body><ReportItems><Tablix Name="Table1"><TablixBody><TablixColumns>` +
    report.columns.map((c) => `<TablixColumn><Width>${inches(c.width)}</Width></TablixColumn>`).join('') +
    `</TablixColumns><TablixRows>` +
    `<TablixRow><Height>0.25in</Height><TablixCells>${headerCells}</TablixCells></TablixRow>` +
    `<TablixRow><Height>0.25in</Height><TablixCells>${dataCells}</TablixCells></TablixRow>` +
    `</TablixRows></TablixBody>` +
    `<TablixColumnHierarchy><TablixMembers>${report.columns.map(() => '<TablixMember />').join('')}</TablixMembers></TablixColumnHierarchy>` +
    `<TablixRowHierarchy><TablixMembers><TablixMember><KeepWithGroup>After</KeepWithGroup></TablixMember>` +
    `<TablixMember><Group Name="Details" /></TablixMember></TablixMembers></TablixRowHierarchy>` +
    `<DataSetName>Main</DataSetName><Top>0in</Top><Left>0in</Left><Height>0.5in</Height><Width>${inches(total)}</Width><Style />` +
    `</Tablix></ReportItems><Height>0.5in</Height><Style /></Body><Width>${inches(total)}</Width>` +
    `<Page><PageHeight>8.5in</PageHeight><PageWidth>11in</PageWidth><Style /></Page></ReportSection></ReportSections>` +
    `<ReportParameters><ReportParameter Name="${esc(p)}"><DataType>String</DataType><Nullable>true</Nullable>` +
    `<DefaultValue><Values><Value>${esc(allRows)}</Value></Values></DefaultValue><AllowBlank>true</AllowBlank>` +
    `<Prompt>${esc(p)}</Prompt><Hidden>true</Hidden></ReportParameter></ReportParameters>` +
    `<Language>=User!Language</Language><rd:ReportUnitType>Inch</rd:ReportUnitType></Report>`
  );
}
