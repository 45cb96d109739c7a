import {
  DATAVERSE_LCID,
  DV,
  DV_VALUES,
  LOCALES,
  dataverseReportDefinitions,
  dataverseViewDefinitions,
  localeOfLcid,
  renderDataverseReport,
  renderSavedQuery,
  t,
  type Locale,
} from '@navsync/shared-ts';
import { renderRdl } from './rdl';

/**
 * What turning data validation on creates, as Web API payloads: the `navsync_notatcompany` choice column on
 * contact, the four system views and the six FetchXML-based reports (from the shared report definitions).
 */

/** A label in each given language; languages NavSync has no texts for get the English text, never no label. */
function label(key: string, lcids: number[]) {
  return {
    '@odata.type': 'Microsoft.Dynamics.CRM.Label',
    LocalizedLabels: lcids.map((lcid) => ({
      '@odata.type': 'Microsoft.Dynamics.CRM.LocalizedLabel',
      Label: t(key, localeOfLcid(lcid)),
      LanguageCode: lcid,
    })),
  };
}

/** Texts of the column, needed in every language at once (the settings page bundles them; its other texts load per language). */
export const COLUMN_TEXT_KEYS = {
  name: 'dataverse.colNotAtCompany',
  description: 'dataverse.colNotAtCompanyDesc',
  noFeedback: 'dataverse.optNoFeedback',
  notAtCompany: 'dataverse.optNotAtCompany',
  ignore: 'dataverse.optIgnore',
} as const;

/**
 * Labels for exactly the provisioned languages: some metadata calls reject an LCID the environment lacks, and a
 * language without a label shows the column nameless to its users.
 */
export function notAtCompanyColumn(lcids: number[] = LOCALES.map((l) => DATAVERSE_LCID[l])) {
  const v = DV_VALUES.notAtCompany;
  return {
    '@odata.type': 'Microsoft.Dynamics.CRM.PicklistAttributeMetadata',
    SchemaName: DV.person.notAtCompany,
    AttributeType: 'Picklist',
    AttributeTypeName: { Value: 'PicklistType' },
    SourceTypeMask: 0,
    RequiredLevel: {
      Value: 'None',
      CanBeChanged: true,
      ManagedPropertyLogicalName: 'canmodifyrequirementlevelsettings',
    },
    DisplayName: label(COLUMN_TEXT_KEYS.name, lcids),
    Description: label(COLUMN_TEXT_KEYS.description, lcids),
    DefaultFormValue: v.noFeedback,
    OptionSet: {
      '@odata.type': 'Microsoft.Dynamics.CRM.OptionSetMetadata',
      IsGlobal: false,
      OptionSetType: 'Picklist',
      Options: [
        { Value: v.noFeedback, Label: label(COLUMN_TEXT_KEYS.noFeedback, lcids) },
        { Value: v.notAtCompany, Label: label(COLUMN_TEXT_KEYS.notAtCompany, lcids) },
        { Value: v.ignore, Label: label(COLUMN_TEXT_KEYS.ignore, lcids) },
      ],
    },
  };
}

export function viewPayloads(locale: Locale = 'en') {
  return dataverseViewDefinitions().map((def) => renderSavedQuery(def, locale));
}

export interface ReportPayload {
  record: {
    reportid: string;
    name: string;
    description: string;
    reporttypecode: number;
    filename: string;
    languagecode: number;
    ispersonal: boolean;
    bodytext: string;
  };
  entity: string;
  categorycode: number;
  visibilitycodes: number[];
}

export function reportPayloads(locale: Locale = 'en'): ReportPayload[] {
  return dataverseReportDefinitions().map((def) => {
    const r = renderDataverseReport(def, locale);
    return {
      record: {
        reportid: r.reportid,
        name: r.name,
        description: r.description,
        reporttypecode: r.reporttypecode,
        filename: r.filename,
        languagecode: r.languagecode,
        ispersonal: r.ispersonal,
        bodytext: renderRdl({
          name: r.name,
          entity: r.entity,
          prefilterParameter: r.prefilterParameter,
          fetchxml: r.fetchxml,
          columns: r.columns,
        }),
      },
      entity: r.entity,
      categorycode: r.categorycode,
      visibilitycodes: r.visibilitycodes,
    };
  });
}

/** Everything at once, for `npm run print:dataverse-artifacts` and review. */
export function dataverseArtifacts(locale: Locale = 'en') {
  return { column: notAtCompanyColumn(), views: viewPayloads(locale), reports: reportPayloads(locale) };
}
