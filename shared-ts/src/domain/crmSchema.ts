/**
 * The names NavSync's own fields and tables have in each CRM: ONE definition used by the engine, the clients,
 * the doubles, the LWCs/PCF and the metadata checks. Salesforce names are the source (unnamespaced) API names;
 * a managed-package install prefixes them with `navsync__` (see `sfName`). Dataverse names carry the publisher
 * prefix `navsync_`; choice values use the publisher's option-value prefix 61373.
 */
export const SF_NAMESPACE = 'navsync';

export const SF = {
  person: {
    // Same fields on Contact and Lead.
    notAtCompany: 'Not_At_Company__c',
    memberUrn: 'LinkedIn_Member_URN__c',
    profileUrl: 'Sales_Navigator_URL__c',
    photoUrl: 'LinkedIn_Photo_URL__c',
    matchSource: 'Match_Source__c',
    syncedAt: 'LinkedIn_Synced_At__c',
    validatedAt: 'LinkedIn_Validated_At__c',
    /** The sync match's per-criterion score (domain/matching/storedScore), for the badge's "why this match". */
    matchScore: 'LinkedIn_Match_Score__c',
  },
  account: {
    companyUrn: 'LinkedIn_Company_URN__c',
  },
  task: {
    activityType: 'LinkedIn_Activity_Type__c',
    activityKey: 'LinkedIn_Activity_Key__c',
    personName: 'LinkedIn_Person_Name__c',
    personUrn: 'LinkedIn_Person_URN__c',
  },
  /** Single-record settings object the admin LWC edits through the UI API. */
  settings: {
    object: 'NavSync_Settings__c',
    autoSyncAllSeats: 'Auto_Sync_All_Seats__c',
    pipelineStage: 'Pipeline_Stage__c',
    wonValueField: 'Won_Value_Field__c',
    writeBackEnabled: 'Write_Back_Enabled__c',
    writeBackItems: 'Write_Back_Items__c',
    dataValidationEnabled: 'Data_Validation_Enabled__c',
    connected: 'Connected__c',
    lastSyncedAt: 'Last_Synced_At__c',
    lastRunSummary: 'Last_Run_Summary__c',
    exportCursor: 'Export_Cursor__c',
    /** Which engine run works on this connection, until when (`<owner>|<ISO expiry>`); empty = none. */
    runLease: 'Run_Lease__c',
  },
  /** One record per seat holder. */
  seat: {
    object: 'NavSync_Seat__c',
    user: 'User__c',
    enabled: 'Enabled__c',
    writeBackOptOut: 'Write_Back_Opt_Out__c',
  },
} as const;

/** Picklist values as stored (API values); labels come from the i18n catalogue. */
export const SF_VALUES = {
  notAtCompany: { notAtCompany: 'Not at Company', ignore: 'Ignore' },
  matchSource: { sync: 'Sync', manual: 'Manual' },
  activityType: { inmail: 'InMail', message: 'Message', note: 'Note', call: 'Call' },
} as const;

/** A source API name as it appears in an org where the managed package is installed. */
export function sfName(apiName: string, namespace: string | null = SF_NAMESPACE): string {
  if (!namespace || !/__(c|r)$/.test(apiName)) return apiName;
  return `${namespace}__${apiName}`;
}

export const DV_PREFIX = 'navsync';
export const DV_OPTION_PREFIX = 61373;

export const DV = {
  person: {
    // Same columns on contact and lead.
    notAtCompany: 'navsync_notatcompany',
    memberUrn: 'navsync_memberurn',
    profileUrl: 'navsync_salesnavurl',
    photoUrl: 'navsync_photourl',
    matchSource: 'navsync_matchsource',
    syncedAt: 'navsync_syncedat',
    validatedAt: 'navsync_validatedat',
    /** See SF.person.matchScore. */
    matchScore: 'navsync_matchscore',
  },
  account: {
    companyUrn: 'navsync_companyurn',
  },
  /** Custom activity tables for write-back; phone calls and notes use the standard phonecall and annotation. */
  activity: {
    inmailTable: 'navsync_inmail',
    messageTable: 'navsync_linkedinmessage',
    activityKey: 'navsync_activitykey',
    personName: 'navsync_personname',
    personUrn: 'navsync_personurn',
  },
  settings: {
    table: 'navsync_settings',
    autoSyncAllSeats: 'navsync_autosyncallseats',
    pipelineStage: 'navsync_pipelinestage',
    wonValueField: 'navsync_wonvaluefield',
    writeBackEnabled: 'navsync_writebackenabled',
    writeBackItems: 'navsync_writebackitems',
    dataValidationEnabled: 'navsync_datavalidationenabled',
    embeddedProfileEnabled: 'navsync_embeddedprofileenabled',
    photoRefreshEnabled: 'navsync_photorefreshenabled',
    connected: 'navsync_connected',
    lastSyncedAt: 'navsync_lastsyncedat',
    lastRunSummary: 'navsync_lastrunsummary',
    exportCursor: 'navsync_exportcursor',
    runLease: 'navsync_runlease',
  },
  seat: {
    table: 'navsync_seat',
    user: 'navsync_userid',
    enabled: 'navsync_enabled',
    writeBackOptOut: 'navsync_writebackoptout',
  },
} as const;

/** Choice values (61373 prefix + 0000…). `noFeedback` is the default of navsync_notatcompany. */
export const DV_VALUES = {
  notAtCompany: { noFeedback: 613730000, notAtCompany: 613730001, ignore: 613730002 },
  matchSource: { sync: 613730000, manual: 613730001 },
} as const;
