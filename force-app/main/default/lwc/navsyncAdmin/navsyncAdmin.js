import { LightningElement, wire } from 'lwc';
import { getListRecordsByName } from 'lightning/uiListsApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { refreshApex } from '@salesforce/apex';
import startCleanup from '@salesforce/apex/NavSyncCleanup.start';
import {
  ACTIVITY_KINDS,
  ACTIVITY_KIND_LABEL,
  SETTINGS_NOT_SURE,
  ERROR_CODES,
  RUN_STATUS_LABEL,
  RUN_STEP_LABEL,
  decodeLastRun,
  pipelineStageOptions,
  settingsFromSalesforce,
  settingsToSalesforce,
  validateSettings,
  wonValueFieldOptions,
  writeBackKinds,
} from 'c/navsyncCore';
import { label } from 'c/navsyncLabels';
import LOCALE from '@salesforce/i18n/locale';
import { inNamespace, namespaceOf } from 'c/navsyncNamespace';
import { errorText } from 'c/navsyncErrors';
import SETTINGS_OBJECT from '@salesforce/schema/NavSync_Settings__c';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';
import AUTO_SYNC from '@salesforce/schema/NavSync_Settings__c.Auto_Sync_All_Seats__c';
import STAGE from '@salesforce/schema/NavSync_Settings__c.Pipeline_Stage__c';
import WON_FIELD from '@salesforce/schema/NavSync_Settings__c.Won_Value_Field__c';
import WRITE_BACK from '@salesforce/schema/NavSync_Settings__c.Write_Back_Enabled__c';
import WRITE_BACK_ITEMS from '@salesforce/schema/NavSync_Settings__c.Write_Back_Items__c';
import DATA_VALIDATION from '@salesforce/schema/NavSync_Settings__c.Data_Validation_Enabled__c';
import CONNECTED from '@salesforce/schema/NavSync_Settings__c.Connected__c';
import LAST_SYNCED from '@salesforce/schema/NavSync_Settings__c.Last_Synced_At__c';
import LAST_RUN from '@salesforce/schema/NavSync_Settings__c.Last_Run_Summary__c';

// In a subscriber org every packaged field carries the package namespace; the schema import knows it.
const NAMESPACE = namespaceOf(AUTO_SYNC);
const SETTINGS_FIELDS = [
  AUTO_SYNC,
  STAGE,
  WON_FIELD,
  WRITE_BACK,
  WRITE_BACK_ITEMS,
  DATA_VALIDATION,
  CONNECTED,
  LAST_SYNCED,
];
const qualified = (f) => `${f.objectApiName}.${f.fieldApiName}`;

export default class NavsyncAdmin extends LightningElement {
  settingsId;
  draft;
  lastRun = null;
  loadError;
  saveError;
  errors = [];
  saving = false;
  saved = false;
  confirmingDisconnect = false;
  cleanUp = false;
  disconnected = false;
  personAccounts = false;
  stages = [];
  opportunityFields = [];

  @wire(getListRecordsByName, {
    objectApiName: SETTINGS_OBJECT,
    // The package's own list view: namespaced in a subscriber org.
    listViewApiName: inNamespace('All', NAMESPACE),
    fields: SETTINGS_FIELDS.map(qualified),
    // Long text: optional, so the settings still load where it cannot be listed.
    optionalFields: [qualified(LAST_RUN)],
    pageSize: 1,
  })
  wiredSettings(result) {
    // Kept for refreshApex: after a create, a remount must see the new record, not the cached empty list.
    this.settingsResult = result;
    const { data, error } = result;
    if (data) {
      const record = data.records && data.records.length ? data.records[0] : null;
      this.settingsId = record ? record.id : null;
      this.draft = this.fromRecord(record);
      const run = record && record.fields[LAST_RUN.fieldApiName];
      this.lastRun = decodeLastRun(run ? run.value : null);
      this.loadError = undefined;
    } else if (error) {
      this.loadError = error;
    }
  }

  @wire(getObjectInfo, { objectApiName: ACCOUNT_OBJECT })
  wiredAccount({ data }) {
    // Person accounts change how contacts are stored; NavSync does not support them (and says so).
    this.personAccounts = Boolean(data && data.fields && data.fields.IsPersonAccount);
  }

  @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
  opportunityInfo;

  @wire(getPicklistValues, { recordTypeId: '$opportunityInfo.data.defaultRecordTypeId', fieldApiName: STAGE_FIELD })
  wiredStages({ data }) {
    if (data) {
      this.stages = data.values.map((v, i) => ({ name: v.value, label: v.label, sortOrder: i }));
    }
  }

  fromRecord(record) {
    return settingsFromSalesforce(record, NAMESPACE);
  }

  get isLoading() {
    return !this.draft && !this.loadError;
  }

  get loadErrorText() {
    return `${label('errors.apiError')} ${errorText(this.loadError)}`.trim();
  }

  get connectionText() {
    return this.draft && this.draft.connected && !this.disconnected
      ? label('admin.connectedSalesforce')
      : label('admin.notConnected');
  }

  get lastSyncedAt() {
    return this.draft ? this.draft.lastSyncedAt : null;
  }

  /** How the admin connects the sync engine (an External Client App of the org; NavSync cannot ship its secret). */
  get engineSetupSteps() {
    return ['step1', 'step2', 'step3', 'step4'].map((k) => ({ key: k, text: label(`engineSetup.${k}`) }));
  }

  get isConnected() {
    return Boolean(this.draft && this.draft.connected && !this.disconnected);
  }

  /** Connected, never synced: the first sync can take up to a day, so say so instead of "Not synced yet" alone. */
  get showFirstSync() {
    return this.isConnected && !this.lastSyncedAt && !this.lastRun;
  }

  /**
   * The engine's last run (the core's one definition, also on the Dataverse page) in the admin's language: when,
   * the result, each step, and a failed step's code, message and remedy from the error catalogue.
   */
  get lastRunView() {
    const run = this.lastRun;
    if (!run) {
      return null;
    }
    const failed = run.steps.some((s) => s.status === 'failed');
    const when = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(run.at));
    return {
      heading: label('admin.lastRun', { when }),
      result: label(run.ok ? RUN_STATUS_LABEL.ok : failed ? RUN_STATUS_LABEL.failed : RUN_STATUS_LABEL.partial),
      steps: run.steps.map((s) => {
        const entry =
          Object.values(ERROR_CODES).find((e) => e.code === s.code) || (s.code ? ERROR_CODES.UNKNOWN : null);
        return {
          key: s.name,
          text: label('common.labelValue', {
            label: label(RUN_STEP_LABEL(s.name)),
            value: label(RUN_STATUS_LABEL[s.status]),
          }),
          error: entry ? label('common.labelValue', { label: s.code, value: label(entry.message) }) : null,
          remedy: entry ? label('admin.lastRunRemedy', { remedy: label(entry.remedy, { objects: '' }) }) : null,
        };
      }),
    };
  }

  get opportunityFieldList() {
    const info = this.opportunityInfo && this.opportunityInfo.data;
    if (!info) {
      return [];
    }
    return Object.values(info.fields).map((f) => ({ name: f.apiName, type: f.dataType, label: f.label }));
  }

  get stageOptions() {
    return pipelineStageOptions(this.stages, label('common.notSure'));
  }

  get wonValueOptions() {
    return wonValueFieldOptions(this.opportunityFieldList, label('common.notSure'));
  }

  get stageValue() {
    return this.draft.pipelineStage || SETTINGS_NOT_SURE;
  }

  get wonValue() {
    return this.draft.wonValueField || SETTINGS_NOT_SURE;
  }

  get autoSyncOptions() {
    return [
      { label: label('common.yes'), value: 'yes' },
      { label: label('common.no'), value: 'no' },
    ];
  }

  get autoSyncValue() {
    return this.draft.autoSyncAllSeats ? 'yes' : 'no';
  }

  get kindOptions() {
    return ACTIVITY_KINDS.map((k) => ({ label: label(ACTIVITY_KIND_LABEL[k]), value: k }));
  }

  get kindValues() {
    return writeBackKinds({ writeBackEnabled: true, writeBackItems: this.draft.writeBackItems });
  }

  get enabledKinds() {
    return writeBackKinds(this.draft);
  }

  get labels() {
    return {
      title: label('admin.title'),
      lastSynced: label('admin.lastSynced'),
      lastSyncedNever: label('admin.lastSyncedNever'),
      autoSync: label('admin.autoSync'),
      stage: label('admin.pipelineStage'),
      wonValue: label('admin.wonValueField'),
      writeBack: label('admin.writeBack'),
      writeBackItems: label('admin.writeBackItems'),
      dataValidation: label('admin.dataValidation'),
      save: label('common.save'),
      saved: label('admin.saved'),
      disconnect: label('admin.disconnect'),
      disconnectConfirm: label('admin.disconnectConfirm'),
      cleanUp: label('admin.cleanUp'),
      cancel: label('common.cancel'),
      disconnected: label('admin.disconnected'),
      personAccounts: label('admin.personAccountsNotSupported'),
      firstSync: label('admin.firstSync'),
      engineSetupTitle: label('engineSetup.title'),
      engineSetupIntro: label('engineSetup.intro'),
      loading: label('common.loading'),
    };
  }

  errorFor(field) {
    const e = this.errors.find((x) => x.field === field);
    return e ? label(e.key, e.params) : '';
  }

  get stageError() {
    return this.errorFor('pipelineStage');
  }

  get wonValueError() {
    return this.errorFor('wonValueField');
  }

  get writeBackItemsError() {
    return this.errorFor('writeBackItems');
  }

  get dataValidationError() {
    return this.errorFor('dataValidationEnabled');
  }

  change(patch) {
    this.draft = { ...this.draft, ...patch };
    this.saved = false;
  }

  handleAutoSync(event) {
    this.change({ autoSyncAllSeats: event.detail.value === 'yes' });
  }

  handleStage(event) {
    this.change({ pipelineStage: event.detail.value });
  }

  handleWonValue(event) {
    this.change({ wonValueField: event.detail.value });
  }

  handleWriteBack(event) {
    this.change({ writeBackEnabled: event.target.checked });
  }

  handleItems(event) {
    this.change({ writeBackItems: event.detail.value });
  }

  handleDataValidation(event) {
    this.change({ dataValidationEnabled: event.target.checked });
  }

  async handleSave() {
    const result = validateSettings(this.draft, {
      stages: this.stages,
      opportunityFields: this.opportunityInfo && this.opportunityInfo.data ? this.opportunityFieldList : undefined,
    });
    this.errors = result.errors;
    if (!result.ok) {
      return;
    }
    const fields = settingsToSalesforce(result.settings, { namespace: NAMESPACE });
    this.saving = true;
    this.saveError = undefined;
    try {
      if (this.settingsId) {
        await updateRecord({ fields: { Id: this.settingsId, ...fields } });
      } else {
        const created = await createRecord({ apiName: SETTINGS_OBJECT.objectApiName, fields });
        this.settingsId = created.id;
      }
      this.saved = true;
      this.toast('success', label('admin.saved'));
      await refreshApex(this.settingsResult);
    } catch (e) {
      this.failed(e);
    } finally {
      this.saving = false;
    }
  }

  /** A failed write: the platform's reason on the page and in a toast. */
  failed(error) {
    this.saveError = `${label('errors.apiError')} ${errorText(error)}`.trim();
    this.toast('error', this.saveError);
  }

  toast(variant, message) {
    this.dispatchEvent(new ShowToastEvent({ title: label('admin.title'), message, variant }));
  }

  handleDisconnectStart() {
    this.confirmingDisconnect = true;
  }

  handleDisconnectCancel() {
    this.confirmingDisconnect = false;
    this.cleanUp = false;
  }

  handleCleanUp(event) {
    this.cleanUp = event.target.checked;
  }

  async handleDisconnectConfirm() {
    this.saveError = undefined;
    try {
      if (this.settingsId) {
        await updateRecord({ fields: { Id: this.settingsId, [CONNECTED.fieldApiName]: false } });
      }
      if (this.cleanUp) {
        await startCleanup();
      }
      this.disconnected = true;
      this.confirmingDisconnect = false;
      this.toast('success', label('admin.disconnected'));
      await refreshApex(this.settingsResult);
    } catch (e) {
      this.failed(e);
    }
  }
}
