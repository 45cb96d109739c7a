import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import createActivities from '@salesforce/apex/NavSyncTestWriteBack.createActivities';
import deleteActivities from '@salesforce/apex/NavSyncTestWriteBack.deleteActivities';
import { ACTIVITY_KIND_LABEL, ACTIVITY_KIND_SF_TYPE } from 'c/navsyncCore';
import { label } from 'c/navsyncLabels';
import CONTACT_OBJECT from '@salesforce/schema/Contact';
import LAST_NAME from '@salesforce/schema/Contact.LastName';
import FIRST_NAME from '@salesforce/schema/Contact.FirstName';

/** Platform error → text: the UI API's `body.output.errors` / `fieldErrors`, an Apex `body.message`, or the API error. */
function errorText(error) {
    const body = error && error.body;
    if (body && body.output) {
        const messages = (body.output.errors || []).map((e) => e.message);
        Object.values(body.output.fieldErrors || {}).forEach((list) => list.forEach((e) => messages.push(e.message)));
        if (messages.length) {
            return messages.join(' ');
        }
    }
    return body && body.message ? body.message : label('errors.apiError');
}

export default class TestWriteBack extends NavigationMixin(LightningElement) {
    /** Activity kinds enabled for write-back (from the settings page). */
    @api enabledKinds = [];

    running = false;
    contactId;
    contactUrl;
    results = [];
    error;
    removed = false;

    get labels() {
        return {
            title: label('testWriteBack.title'),
            run: label('testWriteBack.run'),
            remove: label('testWriteBack.remove'),
            viewInCrm: label('testWriteBack.viewInCrm'),
            removed: label('testWriteBack.removed'),
            contact: label('testWriteBack.testContact'),
            noKinds: label('testWriteBack.noKinds')
        };
    }

    get hasKinds() {
        return this.enabledKinds && this.enabledKinds.length > 0;
    }

    get runDisabled() {
        return this.running || !this.hasKinds;
    }

    get hasCreated() {
        return Boolean(this.contactId);
    }

    async recordUrl(recordId, objectApiName) {
        return this[NavigationMixin.GenerateUrl]({
            type: 'standard__recordPage',
            attributes: { recordId, objectApiName, actionName: 'view' }
        });
    }

    async handleRun() {
        this.running = true;
        this.error = undefined;
        this.removed = false;
        this.results = [];
        const stamp = new Date().toISOString();
        try {
            const contact = await createRecord({
                apiName: CONTACT_OBJECT.objectApiName,
                fields: {
                    [FIRST_NAME.fieldApiName]: 'NavSync',
                    [LAST_NAME.fieldApiName]: label('testWriteBack.testContactName')
                }
            });
            this.contactId = contact.id;
            this.contactUrl = await this.recordUrl(contact.id, CONTACT_OBJECT.objectApiName);
            const activities = this.enabledKinds.map((kind) => ({
                kind: ACTIVITY_KIND_SF_TYPE[kind],
                subject: label('testWriteBack.activitySubject', { kind: label(ACTIVITY_KIND_LABEL[kind]) }),
                description: label('testWriteBack.activityBody'),
                activityKey: `navsync-test-${kind}-${stamp}`,
                completed: true
            }));
            const saved = await createActivities({ contactId: contact.id, activities });
            const urls = await Promise.all(saved.map((r) => (r.recordId ? this.recordUrl(r.recordId, 'Task') : null)));
            const rows = saved.map((r, i) => ({
                key: this.enabledKinds[i],
                kindLabel: label(ACTIVITY_KIND_LABEL[this.enabledKinds[i]]),
                ok: Boolean(r.recordId),
                recordId: r.recordId,
                url: urls[i],
                message: r.recordId ? label('testWriteBack.created') : r.message
            }));
            this.results = rows;
        } catch (e) {
            this.error = errorText(e);
        } finally {
            this.running = false;
        }
    }

    async handleRemove() {
        this.error = undefined;
        try {
            const taskIds = this.results.filter((r) => r.recordId).map((r) => r.recordId);
            if (taskIds.length) {
                await deleteActivities({ taskIds });
            }
            await deleteRecord(this.contactId);
            this.contactId = undefined;
            this.contactUrl = undefined;
            this.results = [];
            this.removed = true;
        } catch (e) {
            this.error = errorText(e);
        }
    }
}
