import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import USER_ID from '@salesforce/user/Id';
import LANG from '@salesforce/i18n/lang';
import taskStatuses from '@salesforce/apex/NavSyncTestWriteBack.taskStatuses';
import createTasks from '@salesforce/apex/NavSyncTestWriteBack.createTasks';
import deleteActivities from '@salesforce/apex/NavSyncTestWriteBack.deleteActivities';
import {
  ACTIVITY_KIND_LABEL,
  diagnoseTestWriteBack,
  planTestActivities,
  planTestWriteBack,
  resolveLocale,
  salesforceTask,
  testContactSalesforce,
} from 'c/navsyncCore';
import { label } from 'c/navsyncLabels';
import { namespaceOf } from 'c/navsyncNamespace';
import { errorDetails } from 'c/navsyncErrors';
import CONTACT_OBJECT from '@salesforce/schema/Contact';
import ACTIVITY_KEY from '@salesforce/schema/Task.LinkedIn_Activity_Key__c';

const NAMESPACE = namespaceOf(ACTIVITY_KEY);

/** A UI API / Apex error as the core's failure input: status code, message and the fields it names. */
function failureOf(error, step, kind) {
  return { crm: 'salesforce', step, kind, ...errorDetails(error) };
}

export default class TestWriteBack extends NavigationMixin(LightningElement) {
  /** Activity kinds enabled for write-back (from the settings page). */
  @api enabledKinds = [];

  running = false;
  contactId;
  contactUrl;
  taskIds = [];
  rows = [];
  failure;
  removed = false;
  /** The last run failed on a rule that wants an e-mail address: the next run gives the contact one. */
  withEmail = false;

  get locale() {
    return resolveLocale(LANG);
  }

  get labels() {
    return {
      title: label('salesforce.testWriteBackTitle'),
      intro: label('salesforce.testWriteBackIntro'),
      run: label('salesforce.testWriteBackRun'),
      running: label('salesforce.testWriteBackRunning'),
      remove: label('salesforce.testWriteBackRemove'),
      removed: label('salesforce.testWriteBackRemoved'),
      viewInSalesforce: label('salesforce.viewInSalesforce'),
      contactStep: label('common.labelColon', { label: label('testWriteBack.stepContact') }),
      noItems: label('testWriteBack.noItems'),
    };
  }

  get hasKinds() {
    return Boolean(this.enabledKinds && this.enabledKinds.length);
  }

  get runDisabled() {
    return this.running || !this.hasKinds;
  }

  get hasCreated() {
    return Boolean(this.contactId);
  }

  recordUrl(recordId, objectApiName) {
    return this[NavigationMixin.GenerateUrl]({
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName, actionName: 'view' },
    });
  }

  /** The core's diagnosis in the admin's words: what failed, why, and what to do. */
  explain(failure) {
    const d = diagnoseTestWriteBack(failure);
    const step =
      failure.step === 'activity'
        ? label('testWriteBack.stepActivity', { kind: label(ACTIVITY_KIND_LABEL[failure.kind]) })
        : label(failure.step === 'contact' ? 'testWriteBack.stepContact' : 'testWriteBack.stepCleanup');
    return {
      cause: d.cause,
      failedAt: label('testWriteBack.failedAt', { step }),
      message: label(d.messageKey, d.params),
      remedy: label(d.remedyKey, { objects: '', ...d.params }),
      code: d.code,
      detail: d.detail,
    };
  }

  async handleRun() {
    this.running = true;
    this.failure = undefined;
    this.removed = false;
    this.rows = [];
    const locale = this.locale;
    const plan = planTestWriteBack({
      crm: 'salesforce',
      settings: { writeBackEnabled: true, writeBackItems: this.enabledKinds },
      ownerId: USER_ID,
      runAt: new Date().toISOString(),
      locale,
      includeEmail: this.withEmail,
    });
    try {
      let contact;
      try {
        contact = await createRecord({
          apiName: CONTACT_OBJECT.objectApiName,
          fields: testContactSalesforce(plan.contact),
        });
      } catch (e) {
        this.failure = this.explain(failureOf(e, 'contact'));
        this.withEmail = this.failure.cause === 'emailValidationRule';
        return;
      }
      this.contactId = contact.id;
      this.contactUrl = await this.recordUrl(contact.id, CONTACT_OBJECT.objectApiName);
      const statuses = await taskStatuses();
      const plans = planTestActivities(plan, 'salesforce', contact.id, locale);
      const tasks = plans.map((p) => {
        const t = salesforceTask(p, {
          completedStatus: statuses.completed,
          openStatus: statuses.open,
          namespace: NAMESPACE,
        });
        return { sobjectType: 'Task', ...t.fields, ...t.createOnlyFields };
      });
      const results = await createTasks({ tasks });
      // One result per task, in order (Apex inserts with allOrNone false).
      const byTask = plans.map((p, i) => results[i] || { message: '' });
      const urls = await Promise.all(byTask.map((r) => (r.recordId ? this.recordUrl(r.recordId, 'Task') : null)));
      this.taskIds = byTask.filter((r) => r.recordId).map((r) => r.recordId);
      this.rows = byTask.map((r, i) => {
        const kind = plans[i].type;
        const row = {
          key: kind,
          step: label('common.labelColon', {
            label: label('testWriteBack.stepActivity', { kind: label(ACTIVITY_KIND_LABEL[kind]) }),
          }),
          ok: Boolean(r.recordId),
          url: urls[i],
          status: label('salesforce.testWriteBackSaved'),
        };
        if (!r.recordId) {
          const why = this.explain({
            crm: 'salesforce',
            step: 'activity',
            kind,
            code: r.statusCode,
            message: r.message || '',
            fields: r.fields || [],
          });
          row.status = `${why.message} ${why.remedy}`;
        }
        return row;
      });
    } catch (e) {
      this.failure = this.explain(failureOf(e, 'activity', this.enabledKinds[0]));
    } finally {
      this.running = false;
    }
  }

  async handleRemove() {
    this.failure = undefined;
    try {
      if (this.taskIds.length) {
        await deleteActivities({ taskIds: this.taskIds });
      }
      await deleteRecord(this.contactId);
      this.contactId = undefined;
      this.contactUrl = undefined;
      this.taskIds = [];
      this.rows = [];
      this.removed = true;
    } catch (e) {
      this.failure = this.explain(failureOf(e, 'cleanup'));
    }
  }
}
