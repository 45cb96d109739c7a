import { DV, DV_VALUES, SF, SF_VALUES } from '../crmSchema';

/**
 * The at-risk / not-at-company views and reports, defined ONCE as data. Each definition says what a user sees
 * (title, columns, sort, "All" vs "My") and how each CRM asks for it; the renderers in dataverse.ts and
 * salesforce.ts turn it into FetchXML + layoutxml and Salesforce report / list-view metadata.
 */

export const REPORT_SCOPES = ['all', 'mine'] as const;
/** "all" = every record the user may see; "mine" = the record's owner is the current user. */
export type ReportScope = (typeof REPORT_SCOPES)[number];

export const REPORT_FAMILIES = [
  'contactsNotAtCompany',
  'opportunitiesAtRisk',
  'accountsWithContactsNotAtCompany',
  'unresolvedActivities',
] as const;
export type ReportFamily = (typeof REPORT_FAMILIES)[number];

/** A Dataverse query condition; `entityname` filters on a link-entity's column from the root filter. */
export interface DvCondition {
  attribute: string;
  operator: string;
  value?: string | number;
  entityname?: string;
}

export interface DvFilter {
  type: 'and' | 'or';
  conditions: DvCondition[];
  filters?: DvFilter[];
}

export interface DvLink {
  alias: string;
  name: string;
  /** Column on the linked table. */
  from: string;
  /** Column on the parent table. */
  to: string;
  linkType: 'inner' | 'outer';
  filter?: DvFilter;
  links?: DvLink[];
}

export interface DvQuery {
  entity: string;
  objectTypeCode: number;
  primaryId: string;
  primaryName: string;
  /** Needed when a one-to-many link (connections, contacts of an account) can repeat a row. */
  distinct: boolean;
  filter: DvFilter;
  links: DvLink[];
  /** Name of the report pre-filter parameter (`CRM_Filtered<Entity>`). */
  prefilterParameter: string;
}

export interface SfCriteria {
  column: string;
  operator: string;
  /** Comma-separated for several values; '' with `equals` means "is blank". */
  value: string;
  isUnlocked: boolean;
}

export interface SfCrossFilter {
  operation: 'with' | 'without';
  primaryTableColumn: string;
  relatedTable: string;
  relatedTableJoinColumn: string;
  /** Sub-filter on the related object: bare API field names. */
  criteria: SfCriteria[];
}

export interface SfReportQuery {
  reportType: string;
  filters: SfCriteria[];
  crossFilters: SfCrossFilter[];
  params: { name: string; value: string }[];
  timeFrameColumn: string;
  /** `<scope>` per report scope; only the scopes the family offers are present. */
  scopes: Partial<Record<ReportScope, string>>;
}

export interface SfListViewQuery {
  filterScopes: Record<ReportScope, 'Everything' | 'Mine'>;
  filters: { field: string; operation: string; value: string }[];
}

export interface ReportColumn {
  /** Stable id, unique within the family. */
  key: string;
  headerKey: string;
  /** Pixel width in the Dataverse grid. */
  width: number;
  /** Dataverse column: attribute of the root table, or of a link (by alias). Absent: not shown in Dataverse. */
  dataverse?: { attribute: string; link?: string };
  /** Salesforce report column tokens (one concept can be two tokens, e.g. first + last name). */
  salesforceReport?: string[];
  /** Salesforce list-view column token. */
  salesforceListView?: string;
}

export interface ReportFamilyDefinition {
  family: ReportFamily;
  /** Primary record type, as a user would name it. */
  entity: 'contact' | 'opportunity' | 'account' | 'task';
  scopes: readonly ReportScope[];
  columns: ReportColumn[];
  sort: { column: string; descending: boolean };
  dataverse?: { query: DvQuery; views: boolean; reports: boolean };
  salesforce?: { report: SfReportQuery; listView?: SfListViewQuery };
  /** Facts that could not be confirmed against a real org; each surface's engineer verifies them first. */
  unverified: string[];
}

const NOT_AT_COMPANY_DV = DV_VALUES.notAtCompany.notAtCompany;
const NOT_AT_COMPANY_SF = SF_VALUES.notAtCompany.notAtCompany;
const SF_CONTACT_FLAG = `Contact.${SF.person.notAtCompany}`;

const dvContactFlagIs = (entityname?: string): DvCondition => ({
  attribute: DV.person.notAtCompany,
  operator: 'eq',
  value: NOT_AT_COMPANY_DV,
  ...(entityname ? { entityname } : {}),
});

const sfContactFlagFilter: SfCriteria = {
  column: SF_CONTACT_FLAG,
  operator: 'equals',
  value: NOT_AT_COMPANY_SF,
  isUnlocked: true,
};

export const REPORT_FAMILY_DEFINITIONS: readonly ReportFamilyDefinition[] = [
  {
    family: 'contactsNotAtCompany',
    entity: 'contact',
    scopes: REPORT_SCOPES,
    columns: [
      {
        key: 'name',
        headerKey: 'reports.colName',
        width: 200,
        dataverse: { attribute: 'fullname' },
        salesforceReport: ['FIRST_NAME', 'LAST_NAME'],
        salesforceListView: 'FULL_NAME',
      },
      {
        key: 'account',
        headerKey: 'reports.colAccount',
        width: 180,
        dataverse: { attribute: 'parentcustomerid' },
        salesforceReport: ['ACCOUNT.NAME'],
        salesforceListView: 'ACCOUNT.NAME',
      },
      {
        key: 'jobTitle',
        headerKey: 'reports.colJobTitle',
        width: 150,
        dataverse: { attribute: 'jobtitle' },
        salesforceReport: ['TITLE'],
        salesforceListView: 'CONTACT.TITLE',
      },
      {
        key: 'email',
        headerKey: 'reports.colEmail',
        width: 200,
        dataverse: { attribute: 'emailaddress1' },
        salesforceReport: ['EMAIL'],
        salesforceListView: 'CONTACT.EMAIL',
      },
      {
        key: 'phone',
        headerKey: 'reports.colPhone',
        width: 130,
        dataverse: { attribute: 'telephone1' },
        salesforceReport: ['PHONE1'],
        salesforceListView: 'CONTACT.PHONE1',
      },
      {
        key: 'flag',
        headerKey: 'reports.colNotAtCompany',
        width: 130,
        dataverse: { attribute: DV.person.notAtCompany },
        salesforceReport: [SF_CONTACT_FLAG],
        salesforceListView: SF.person.notAtCompany,
      },
      {
        key: 'validatedAt',
        headerKey: 'reports.colValidatedAt',
        width: 130,
        dataverse: { attribute: DV.person.validatedAt },
        salesforceReport: [`Contact.${SF.person.validatedAt}`],
        salesforceListView: SF.person.validatedAt,
      },
      {
        key: 'owner',
        headerKey: 'reports.colOwner',
        width: 130,
        dataverse: { attribute: 'ownerid' },
        salesforceReport: ['OWNER_FULL_NAME'],
        salesforceListView: 'CORE.USERS.ALIAS',
      },
    ],
    sort: { column: 'name', descending: false },
    dataverse: {
      views: true,
      reports: true,
      query: {
        entity: 'contact',
        objectTypeCode: 2,
        primaryId: 'contactid',
        primaryName: 'fullname',
        distinct: false,
        filter: { type: 'and', conditions: [{ attribute: 'statecode', operator: 'eq', value: 0 }, dvContactFlagIs()] },
        links: [],
        prefilterParameter: 'CRM_FilteredContact',
      },
    },
    salesforce: {
      report: {
        reportType: 'ContactList',
        filters: [sfContactFlagFilter],
        crossFilters: [],
        params: [{ name: 'co', value: '1' }],
        timeFrameColumn: 'CREATED_DATE',
        scopes: { all: 'organization', mine: 'user' },
      },
      listView: {
        filterScopes: { all: 'Everything', mine: 'Mine' },
        filters: [{ field: SF.person.notAtCompany, operation: 'equals', value: NOT_AT_COMPANY_SF }],
      },
    },
    unverified: ['Salesforce ContactList scope "user" vs "my" for "My contacts" (salesforce-api.md §1.3)'],
  },
  {
    family: 'opportunitiesAtRisk',
    entity: 'opportunity',
    scopes: REPORT_SCOPES,
    columns: [
      {
        key: 'opportunity',
        headerKey: 'reports.colOpportunity',
        width: 200,
        dataverse: { attribute: 'name' },
        salesforceReport: ['OPPORTUNITY.NAME'],
      },
      {
        key: 'account',
        headerKey: 'reports.colAccount',
        width: 160,
        dataverse: { attribute: 'parentaccountid' },
        salesforceReport: ['ACCOUNT.NAME'],
      },
      { key: 'stage', headerKey: 'reports.colStage', width: 120, salesforceReport: ['STAGE_NAME'] },
      { key: 'value', headerKey: 'reports.colEstValue', width: 110, dataverse: { attribute: 'estimatedvalue' } },
      {
        key: 'closeDate',
        headerKey: 'reports.colCloseDate',
        width: 110,
        dataverse: { attribute: 'estimatedclosedate' },
        salesforceReport: ['CLOSE_DATE'],
      },
      {
        key: 'contact',
        headerKey: 'reports.colContact',
        width: 160,
        dataverse: { attribute: 'fullname', link: 'pc' },
        salesforceReport: ['FIRST_NAME', 'LAST_NAME'],
      },
      { key: 'role', headerKey: 'reports.colRole', width: 120, salesforceReport: ['ROLE', 'PRIMARY'] },
      {
        key: 'flag',
        headerKey: 'reports.colNotAtCompany',
        width: 130,
        dataverse: { attribute: DV.person.notAtCompany, link: 'pc' },
        salesforceReport: [SF_CONTACT_FLAG],
      },
      { key: 'owner', headerKey: 'reports.colOwner', width: 130, dataverse: { attribute: 'ownerid' } },
    ],
    sort: { column: 'closeDate', descending: false },
    dataverse: {
      views: true,
      reports: true,
      query: {
        entity: 'opportunity',
        objectTypeCode: 3,
        primaryId: 'opportunityid',
        primaryName: 'name',
        // Stakeholder connections are one-to-many: one opportunity may match through several contacts.
        distinct: true,
        filter: {
          type: 'and',
          conditions: [{ attribute: 'statecode', operator: 'eq', value: 0 }],
          // At risk when the primary contact OR any stakeholder (connection) is flagged.
          filters: [{ type: 'or', conditions: [dvContactFlagIs('pc'), dvContactFlagIs('sc')] }],
        },
        links: [
          { alias: 'pc', name: 'contact', from: 'contactid', to: 'parentcontactid', linkType: 'outer' },
          {
            alias: 'conn',
            name: 'connection',
            from: 'record1id',
            to: 'opportunityid',
            linkType: 'outer',
            links: [{ alias: 'sc', name: 'contact', from: 'contactid', to: 'record2id', linkType: 'outer' }],
          },
        ],
        prefilterParameter: 'CRM_FilteredOpportunity',
      },
    },
    salesforce: {
      report: {
        reportType: 'OpportunityContact',
        filters: [sfContactFlagFilter],
        crossFilters: [],
        params: [
          { name: 'include', value: 'open' },
          { name: 'co', value: '1' },
        ],
        timeFrameColumn: 'CLOSE_DATE',
        scopes: { all: 'organization', mine: 'user' },
      },
    },
    unverified: [
      'Salesforce OpportunityContact scope "user" (only "organization" observed, salesforce-api.md §1.3)',
      'Dataverse root-filter conditions on outer links via entityname in a system view',
    ],
  },
  {
    family: 'accountsWithContactsNotAtCompany',
    entity: 'account',
    scopes: REPORT_SCOPES,
    columns: [
      {
        key: 'account',
        headerKey: 'reports.colAccount',
        width: 200,
        dataverse: { attribute: 'name' },
        salesforceReport: ['ACCOUNT.NAME'],
      },
      {
        key: 'city',
        headerKey: 'reports.colCity',
        width: 120,
        dataverse: { attribute: 'address1_city' },
        salesforceReport: ['ADDRESS1_CITY'],
      },
      { key: 'industry', headerKey: 'reports.colIndustry', width: 120, salesforceReport: ['INDUSTRY'] },
      { key: 'contact', headerKey: 'reports.colContact', width: 160, dataverse: { attribute: 'fullname', link: 'ct' } },
      {
        key: 'jobTitle',
        headerKey: 'reports.colJobTitle',
        width: 150,
        dataverse: { attribute: 'jobtitle', link: 'ct' },
      },
      {
        key: 'owner',
        headerKey: 'reports.colOwner',
        width: 130,
        dataverse: { attribute: 'ownerid' },
        salesforceReport: ['USERS.NAME'],
      },
    ],
    sort: { column: 'account', descending: false },
    dataverse: {
      views: false,
      reports: true,
      query: {
        entity: 'account',
        objectTypeCode: 1,
        primaryId: 'accountid',
        primaryName: 'name',
        distinct: true,
        filter: { type: 'and', conditions: [{ attribute: 'statecode', operator: 'eq', value: 0 }] },
        links: [
          {
            alias: 'ct',
            name: 'contact',
            from: 'parentcustomerid',
            to: 'accountid',
            linkType: 'inner',
            filter: { type: 'and', conditions: [dvContactFlagIs()] },
          },
        ],
        prefilterParameter: 'CRM_FilteredAccount',
      },
    },
    salesforce: {
      report: {
        reportType: 'AccountList',
        filters: [],
        crossFilters: [
          {
            operation: 'with',
            primaryTableColumn: 'ACCOUNT_ID',
            relatedTable: 'Contact',
            relatedTableJoinColumn: 'Account',
            criteria: [
              { column: SF.person.notAtCompany, operator: 'equals', value: NOT_AT_COMPANY_SF, isUnlocked: false },
            ],
          },
        ],
        params: [{ name: 'co', value: '1' }],
        timeFrameColumn: 'CREATED_DATE',
        scopes: { all: 'organization', mine: 'user' },
      },
    },
    unverified: [
      'Salesforce AccountList column tokens ADDRESS1_CITY, INDUSTRY, USERS.NAME (observed in org dumps, not documented)',
    ],
  },
  {
    family: 'unresolvedActivities',
    entity: 'task',
    scopes: ['all'],
    columns: [
      { key: 'subject', headerKey: 'reports.colSubject', width: 200, salesforceReport: ['SUBJECT'] },
      {
        key: 'activityType',
        headerKey: 'reports.colActivityType',
        width: 120,
        salesforceReport: [`Activity.${SF.task.activityType}`],
      },
      {
        key: 'person',
        headerKey: 'reports.colLinkedInPerson',
        width: 160,
        salesforceReport: [`Activity.${SF.task.personName}`],
      },
      { key: 'dueDate', headerKey: 'reports.colDueDate', width: 110, salesforceReport: ['DUE_DATE'] },
      { key: 'status', headerKey: 'reports.colStatus', width: 110, salesforceReport: ['STATUS'] },
      { key: 'assigned', headerKey: 'reports.colAssigned', width: 130, salesforceReport: ['ASSIGNED'] },
      { key: 'account', headerKey: 'reports.colAccount', width: 160, salesforceReport: ['ACCOUNT'] },
      { key: 'created', headerKey: 'reports.colCreated', width: 110, salesforceReport: ['CREATED_DATE'] },
    ],
    sort: { column: 'created', descending: true },
    salesforce: {
      report: {
        reportType: 'Activity',
        filters: [
          {
            column: `Activity.${SF.task.activityType}`,
            operator: 'equals',
            value: Object.values(SF_VALUES.activityType).join(','),
            isUnlocked: true,
          },
          // No WhoId: neither a contact nor a lead.
          { column: 'CONTACT', operator: 'equals', value: '', isUnlocked: false },
          { column: 'LEAD', operator: 'equals', value: '', isUnlocked: false },
        ],
        crossFilters: [],
        params: [
          { name: 'closed', value: 'all' },
          { name: 'type', value: 't' },
          { name: 'co', value: '1' },
        ],
        timeFrameColumn: 'CREATED_DATE',
        scopes: { all: 'organization' },
      },
    },
    unverified: [],
  },
];

/** Short, stable words used in ids, titles and API names. */
const FAMILY_NAMES: Record<ReportFamily, { key: string; sfName: string }> = {
  contactsNotAtCompany: { key: 'contacts', sfName: 'NavSync_Contacts_Not_At_Company' },
  opportunitiesAtRisk: { key: 'opportunities', sfName: 'NavSync_Opportunities_At_Risk' },
  accountsWithContactsNotAtCompany: { key: 'accounts', sfName: 'NavSync_Accounts_With_Contacts_Not_At_Company' },
  unresolvedActivities: { key: 'unresolved', sfName: 'NavSync_Unresolved_Activities' },
};

/** Stable Dataverse record ids (kept across environments so the enable flow is idempotent). */
const DV_IDS: Partial<Record<string, { view?: string; report?: string }>> = {
  contactsAll: { view: '6e617673-796e-4301-8000-000000000001', report: '6e617673-796e-4302-8000-000000000001' },
  contactsMine: { view: '6e617673-796e-4301-8000-000000000002', report: '6e617673-796e-4302-8000-000000000002' },
  opportunitiesAll: { view: '6e617673-796e-4301-8000-000000000003', report: '6e617673-796e-4302-8000-000000000003' },
  opportunitiesMine: { view: '6e617673-796e-4301-8000-000000000004', report: '6e617673-796e-4302-8000-000000000004' },
  accountsAll: { report: '6e617673-796e-4302-8000-000000000005' },
  accountsMine: { report: '6e617673-796e-4302-8000-000000000006' },
};

/** The Salesforce report folder every NavSync report is packaged in. */
export const SF_REPORT_FOLDER = { developerName: 'NavSync_Reports', labelKey: 'reports.folder' } as const;

/** One concrete view/report: a family in one scope. */
export interface ReportDefinition {
  /** e.g. `contactsAll`, `opportunitiesMine`. */
  id: string;
  family: ReportFamilyDefinition;
  scope: ReportScope;
  /** Full title ("All Opportunities at Risk: Contact Left Company"). */
  titleKey: string;
  /** ≤ 40 characters in English: the Salesforce report name. */
  shortTitleKey: string;
  descriptionKey: string;
  dataverse: { viewId?: string; reportId?: string; reportFileName?: string };
  salesforce: { reportDeveloperName?: string; listViewName?: string };
}

function capitaliseScope(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function buildReportDefinitions(): ReportDefinition[] {
  const out: ReportDefinition[] = [];
  for (const family of REPORT_FAMILY_DEFINITIONS) {
    const names = FAMILY_NAMES[family.family];
    for (const scope of family.scopes) {
      const id = family.scopes.length === 1 ? names.key : `${names.key}${capitaliseScope(scope)}`;
      const suffix = family.scopes.length === 1 ? '' : scope === 'all' ? '_All' : '_Mine';
      const ids = DV_IDS[id] ?? {};
      const dv = family.dataverse;
      out.push({
        id,
        family,
        scope,
        titleKey: `reports.${id}`,
        shortTitleKey: `reports.${id}Short`,
        descriptionKey: `reports.${id}Desc`,
        dataverse: {
          viewId: dv && dv.views ? ids.view : undefined,
          reportId: dv && dv.reports ? ids.report : undefined,
          reportFileName: dv && dv.reports ? `${names.sfName}${suffix}.rdl` : undefined,
        },
        salesforce: {
          reportDeveloperName: family.salesforce ? `${names.sfName}${suffix}` : undefined,
          listViewName: family.salesforce && family.salesforce.listView ? `NavSync_Not_At_Company${suffix}` : undefined,
        },
      });
    }
  }
  return out;
}

/** Every view and report of both CRMs (the seven Salesforce reports, four Dataverse views, six Dataverse reports). */
export const REPORT_DEFINITIONS: readonly ReportDefinition[] = buildReportDefinitions();

export function reportDefinition(id: string): ReportDefinition {
  const found = REPORT_DEFINITIONS.find((d) => d.id === id);
  if (!found) throw new Error(`Unknown report definition: ${id}`);
  return found;
}

/** The definitions that render as Dataverse system views (savedquery). */
export function dataverseViewDefinitions(): ReportDefinition[] {
  return REPORT_DEFINITIONS.filter((d) => d.dataverse.viewId !== undefined);
}

/** The definitions that render as Dataverse FetchXML-based reports. */
export function dataverseReportDefinitions(): ReportDefinition[] {
  return REPORT_DEFINITIONS.filter((d) => d.dataverse.reportId !== undefined);
}

export function salesforceReportDefinitions(): ReportDefinition[] {
  return REPORT_DEFINITIONS.filter((d) => d.salesforce.reportDeveloperName !== undefined);
}

export function salesforceListViewDefinitions(): ReportDefinition[] {
  return REPORT_DEFINITIONS.filter((d) => d.salesforce.listViewName !== undefined);
}
