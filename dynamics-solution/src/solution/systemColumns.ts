import type { TableDef } from './model';

/**
 * The columns Dataverse itself gives a table it creates, as an exported solution lists them (studied in public
 * exports, see test/export-shape.json): an import of a table without them is not what the platform would have
 * written, and views and forms refer to them (createdon, ownerid, statecode). Labels are the platform's own names;
 * VersionNumber is not listed because exports leave it out.
 */
export interface SystemColumn {
  /** PhysicalName as exports write it (the logical name is its lower case). */
  physical: string;
  type: string;
  label: string;
  description: string;
  required?: 'systemrequired' | 'required' | 'none';
  create: 0 | 1;
  update: 0 | 1;
  mask?: string;
  format?: string;
  /** datetime: 1 = user local. */
  behavior?: 1;
  maxLength?: number;
  min?: number;
  max?: number;
  lookupStyle?: 'single' | 'multi';
  /** Object type codes a lookup may point at (8 user, 9 team, 1 account, 2 contact). */
  lookupTypes?: number[];
  /** A picklist that uses a platform option set. */
  optionSetName?: string;
  /** A picklist with its own options: [value, label], and the default. */
  options?: [number, string][];
  defaultValue?: number;
}

const GRID = 'ValidForAdvancedFind|ValidForForm|ValidForGrid';
const readOnly = { create: 0, update: 0 } as const;
const writable = { create: 1, update: 1 } as const;

/** Every new table: who and when, import and time-zone bookkeeping. */
const AUDIT: SystemColumn[] = [
  {
    physical: 'CreatedBy',
    type: 'lookup',
    label: 'Created By',
    description: 'Unique identifier of the user who created the record.',
    ...readOnly,
    mask: GRID,
    lookupStyle: 'single',
  },
  {
    physical: 'CreatedOn',
    type: 'datetime',
    label: 'Created On',
    description: 'Date and time when the record was created.',
    ...readOnly,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'CreatedOnBehalfBy',
    type: 'lookup',
    label: 'Created By (Delegate)',
    description: 'Unique identifier of the delegate user who created the record.',
    ...readOnly,
    mask: GRID,
    lookupStyle: 'single',
  },
  {
    physical: 'ModifiedBy',
    type: 'lookup',
    label: 'Modified By',
    description: 'Unique identifier of the user who modified the record.',
    ...readOnly,
    mask: GRID,
    lookupStyle: 'single',
  },
  {
    physical: 'ModifiedOn',
    type: 'datetime',
    label: 'Modified On',
    description: 'Date and time when the record was modified.',
    ...readOnly,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'ModifiedOnBehalfBy',
    type: 'lookup',
    label: 'Modified By (Delegate)',
    description: 'Unique identifier of the delegate user who modified the record.',
    ...readOnly,
    mask: GRID,
    lookupStyle: 'single',
  },
  {
    physical: 'ImportSequenceNumber',
    type: 'int',
    label: 'Import Sequence Number',
    description: 'Sequence number of the import that created this record.',
    create: 1,
    update: 0,
    mask: 'ValidForAdvancedFind',
    min: -2147483648,
    max: 2147483647,
  },
  {
    physical: 'OverriddenCreatedOn',
    type: 'datetime',
    label: 'Record Created On',
    description: 'Date and time that the record was migrated.',
    create: 1,
    update: 0,
    mask: 'ValidForAdvancedFind|ValidForGrid',
    format: 'date',
    behavior: 1,
  },
  {
    physical: 'TimeZoneRuleVersionNumber',
    type: 'int',
    label: 'Time Zone Rule Version Number',
    description: 'For internal use only.',
    ...writable,
    min: -1,
    max: 2147483647,
  },
  {
    physical: 'UTCConversionTimeZoneCode',
    type: 'int',
    label: 'UTC Conversion Time Zone Code',
    description: 'Time zone code that was in use when the record was created.',
    ...writable,
    min: -1,
    max: 2147483647,
  },
];

/** A user- or team-owned table: the owner and the owner's business unit, user and team. */
const USER_OWNED: SystemColumn[] = [
  {
    physical: 'OwnerId',
    type: 'owner',
    label: 'Owner',
    description: 'Owner Id',
    required: 'systemrequired',
    ...writable,
    mask: `${GRID}|RequiredForForm`,
    lookupStyle: 'single',
    lookupTypes: [8, 9],
  },
  {
    physical: 'OwningBusinessUnit',
    type: 'lookup',
    label: 'Owning Business Unit',
    description: 'Unique identifier for the business unit that owns the record',
    ...readOnly,
    lookupStyle: 'single',
  },
  {
    physical: 'OwningTeam',
    type: 'lookup',
    label: 'Owning Team',
    description: 'Unique identifier for the team that owns the record.',
    ...readOnly,
    lookupStyle: 'single',
  },
  {
    physical: 'OwningUser',
    type: 'lookup',
    label: 'Owning User',
    description: 'Unique identifier for the user that owns the record.',
    ...readOnly,
    lookupStyle: 'single',
  },
];

/** An organization-owned table has no owner: its rows belong to the organization. */
const ORG_OWNED: SystemColumn[] = [
  {
    physical: 'OrganizationId',
    type: 'lookup',
    label: 'Organization Id',
    description: 'Unique identifier for the organization',
    ...readOnly,
    mask: 'ValidForAdvancedFind',
    lookupStyle: 'single',
  },
];

const PARTY = (physical: string, label: string, description: string, types: number[] = [8, 1, 2]): SystemColumn => ({
  physical,
  type: 'partylist',
  label,
  description,
  ...writable,
  mask: 'ValidForForm|ValidForGrid',
  lookupStyle: 'multi',
  lookupTypes: types,
});

/** What an activity table carries besides the above: the activity columns every exported custom activity lists. */
const ACTIVITY: SystemColumn[] = [
  {
    physical: 'ActivityAdditionalParams',
    type: 'ntext',
    label: 'Activity Additional Parameters',
    description: 'Additional information provided by the external application as JSON. For internal use only.',
    ...writable,
    mask: GRID,
    format: 'textarea',
    maxLength: 8192,
  },
  {
    physical: 'ActivityTypeCode',
    type: 'picklist',
    label: 'Activity Type',
    description: 'Type of activity.',
    required: 'systemrequired',
    ...readOnly,
    mask: 'ObjectTypeCode|ValidForAdvancedFind|ValidForGrid',
    optionSetName: 'activitypointer_activitytypecode',
  },
  {
    physical: 'ActualDurationMinutes',
    type: 'int',
    label: 'Actual Duration',
    description: 'Actual duration of the activity in minutes.',
    ...writable,
    mask: GRID,
    format: 'duration',
    min: 0,
    max: 2147483647,
  },
  {
    physical: 'ActualEnd',
    type: 'datetime',
    label: 'Actual End',
    description: 'Actual end time of the activity.',
    ...writable,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'ActualStart',
    type: 'datetime',
    label: 'Actual Start',
    description: 'Actual start time of the activity.',
    ...writable,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  PARTY('BCC', 'BCC', 'Blind Carbon-copy (bcc) recipients of the activity.'),
  PARTY('CC', 'CC', 'Carbon-copy (cc) recipients of the activity.'),
  {
    physical: 'Community',
    type: 'picklist',
    label: 'Social Channel',
    description:
      'Shows how contact about the social activity originated, such as from Twitter or Facebook. This field is read-only.',
    ...writable,
    mask: 'ValidForAdvancedFind|ValidForGrid',
    optionSetName: 'socialprofile_community',
  },
  PARTY('Customers', 'Customers', 'Customer with which the activity is associated.', [1, 2]),
  {
    physical: 'DeliveryLastAttemptedOn',
    type: 'datetime',
    label: 'Date Delivery Last Attempted',
    description: 'Date and time when the delivery of the activity was last attempted.',
    ...readOnly,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'DeliveryPriorityCode',
    type: 'picklist',
    label: 'Delivery Priority',
    description: 'Priority of delivery of the activity to the email server.',
    create: 1,
    update: 0,
    mask: GRID,
    options: [
      [0, 'Low'],
      [1, 'Normal'],
      [2, 'High'],
    ],
    defaultValue: 1,
  },
  {
    physical: 'Description',
    type: 'ntext',
    label: 'Description',
    description: 'Description of the activity.',
    ...writable,
    mask: `${GRID}|RequiredForForm`,
    format: 'text',
    maxLength: 2000,
  },
  {
    physical: 'ExchangeItemId',
    type: 'nvarchar',
    label: 'Exchange Item ID',
    description: 'The message id of activity which is returned from Exchange Server.',
    ...writable,
    mask: 'ValidForAdvancedFind',
    format: 'text',
    maxLength: 200,
  },
  {
    physical: 'ExchangeWebLink',
    type: 'nvarchar',
    label: 'Exchange WebLink',
    description: 'Shows the web link of Activity of type email.',
    ...writable,
    mask: 'ValidForAdvancedFind',
    format: 'text',
    maxLength: 1250,
  },
  PARTY('From', 'From', 'Person who the activity is from.'),
  {
    physical: 'InstanceTypeCode',
    type: 'picklist',
    label: 'Recurring Instance Type',
    description: 'Type of instance of a recurring series.',
    required: 'systemrequired',
    ...readOnly,
    mask: 'ValidForAdvancedFind|ValidForGrid',
    options: [
      [0, 'Not Recurring'],
      [1, 'Recurring Master'],
      [2, 'Recurring Instance'],
      [3, 'Recurring Exception'],
      [4, 'Recurring Future Exception'],
    ],
    defaultValue: 0,
  },
  {
    physical: 'IsBilled',
    type: 'bit',
    label: 'Is Billed',
    description: 'Information regarding whether the activity was billed as part of resolving a case.',
    ...writable,
    mask: 'ValidForAdvancedFind',
  },
  { physical: 'IsMapiPrivate', type: 'bit', label: 'Is Private', description: 'For internal use only.', ...writable },
  {
    physical: 'IsRegularActivity',
    type: 'bit',
    label: 'Is Regular Activity',
    description: 'Information regarding whether the activity is a regular activity type or event type.',
    required: 'systemrequired',
    ...readOnly,
    mask: 'ValidForAdvancedFind',
  },
  {
    physical: 'IsWorkflowCreated',
    type: 'bit',
    label: 'Is Workflow Created',
    description: 'Information regarding whether the activity was created from a workflow rule.',
    ...writable,
    mask: 'ValidForAdvancedFind',
  },
  {
    physical: 'LastOnHoldTime',
    type: 'datetime',
    label: 'Last On Hold Time',
    description: 'Contains the date and time stamp of the last on hold time.',
    ...writable,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'LeftVoiceMail',
    type: 'bit',
    label: 'Left Voice Mail',
    description: 'Left the voice mail',
    ...writable,
    mask: GRID,
  },
  {
    physical: 'OnHoldTime',
    type: 'int',
    label: 'On Hold Time (Minutes)',
    description: 'Shows how long, in minutes, that the record was on hold.',
    ...readOnly,
    mask: GRID,
    min: -2147483648,
    max: 2147483647,
  },
  PARTY('OptionalAttendees', 'Optional Attendees', 'List of optional attendees for the activity.'),
  PARTY('Organizer', 'Organizer', 'Person who organized the activity.', [8]),
  PARTY('Partners', 'Outsource Vendors', 'Outsource vendor with which activity is associated.', [1, 2]),
  {
    physical: 'PostponeActivityProcessingUntil',
    type: 'datetime',
    label: 'Delay activity processing until',
    description: 'For internal use only.',
    ...readOnly,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'PriorityCode',
    type: 'picklist',
    label: 'Priority',
    description: 'Priority of the activity.',
    ...writable,
    mask: GRID,
    options: [
      [0, 'Low'],
      [1, 'Normal'],
      [2, 'High'],
    ],
    defaultValue: 1,
  },
  {
    physical: 'ProcessId',
    type: 'uniqueidentifier',
    label: 'Process',
    description: 'Unique identifier of the Process.',
    ...writable,
  },
  {
    physical: 'RegardingObjectId',
    type: 'lookup',
    label: 'Regarding',
    description: 'Unique identifier of the object with which the activity is associated.',
    ...writable,
    mask: GRID,
    lookupStyle: 'single',
  },
  PARTY('RequiredAttendees', 'Required Attendees', 'List of required attendees for the activity.'),
  PARTY('Resources', 'Resources', 'Users or facility/equipment that are required for the activity.', [8]),
  {
    physical: 'ScheduledDurationMinutes',
    type: 'int',
    label: 'Scheduled Duration',
    description: 'Scheduled duration of the activity, specified in minutes.',
    ...writable,
    mask: GRID,
    format: 'duration',
    min: 0,
    max: 2147483647,
  },
  {
    physical: 'ScheduledEnd',
    type: 'datetime',
    label: 'Due Date',
    description: 'Scheduled end time of the activity.',
    ...writable,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'ScheduledStart',
    type: 'datetime',
    label: 'Start Date',
    description: 'Scheduled start time of the activity.',
    ...writable,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'SenderMailboxId',
    type: 'lookup',
    label: "Sender's Mailbox",
    description: 'Unique identifier of the mailbox associated with the sender of the email message.',
    ...readOnly,
    lookupStyle: 'single',
  },
  {
    physical: 'SentOn',
    type: 'datetime',
    label: 'Date Sent',
    description: 'Date and time when the activity was sent.',
    ...readOnly,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'SeriesId',
    type: 'uniqueidentifier',
    label: 'Series Id',
    description: 'Uniqueidentifier specifying the id of recurring series of an instance.',
    ...readOnly,
  },
  {
    physical: 'SLAId',
    type: 'lookup',
    label: 'SLA',
    description: 'Choose the service level agreement (SLA) that you want to apply to the case record.',
    ...writable,
    mask: GRID,
    lookupStyle: 'single',
  },
  {
    physical: 'SLAInvokedId',
    type: 'lookup',
    label: 'Last SLA applied',
    description: 'Last SLA that was applied to this case. This field is for internal use only.',
    ...readOnly,
    lookupStyle: 'single',
  },
  {
    physical: 'SortDate',
    type: 'datetime',
    label: 'Sort Date',
    description: 'Shows the date and time by which the activities are sorted.',
    ...writable,
    mask: GRID,
    format: 'datetime',
    behavior: 1,
  },
  {
    physical: 'StageId',
    type: 'uniqueidentifier',
    label: '(Deprecated) Process Stage',
    description: 'Unique identifier of the Stage.',
    ...writable,
    mask: 'ValidForGrid',
  },
  PARTY('To', 'To', 'Person who is the receiver of the activity.'),
  {
    physical: 'TraversedPath',
    type: 'nvarchar',
    label: '(Deprecated) Traversed Path',
    description: 'For internal use only.',
    ...writable,
    format: 'text',
    maxLength: 1250,
  },
];

/** The system columns of a table NavSync creates, by kind (an activity is user-owned). */
export function systemColumns(table: TableDef): SystemColumn[] {
  if (table.activity) return [...ACTIVITY, ...AUDIT, ...USER_OWNED];
  return [...AUDIT, ...(table.ownership === 'OrgOwned' ? ORG_OWNED : USER_OWNED)];
}

/** The primary key column: `<table>id`, or `activityid` for an activity. */
export function primaryKeyName(table: TableDef): string {
  return table.activity ? 'activityid' : `${table.logicalName}id`;
}

/** statecode/statuscode: Active/Inactive, or an activity's Open/Completed/Canceled/Scheduled (catalogue keys). */
export interface StateDef {
  value: number;
  invariant: string;
  labelKey: string;
  status: number;
}

export function statesOf(table: TableDef): StateDef[] {
  if (table.activity) {
    return [
      { value: 0, invariant: 'Open', labelKey: 'dataverse.stateOpen', status: 1 },
      { value: 1, invariant: 'Completed', labelKey: 'dataverse.stateCompleted', status: 2 },
      { value: 2, invariant: 'Canceled', labelKey: 'dataverse.stateCanceled', status: 3 },
      { value: 3, invariant: 'Scheduled', labelKey: 'dataverse.stateScheduled', status: 4 },
    ];
  }
  return [
    { value: 0, invariant: 'Active', labelKey: 'dataverse.stateActive', status: 1 },
    { value: 1, invariant: 'Inactive', labelKey: 'dataverse.stateInactive', status: 2 },
  ];
}
