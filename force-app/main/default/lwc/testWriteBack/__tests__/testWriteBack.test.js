import { createElement } from '@lwc/engine-dom';
import TestWriteBack from 'c/testWriteBack';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import createActivities from '@salesforce/apex/NavSyncTestWriteBack.createActivities';
import deleteActivities from '@salesforce/apex/NavSyncTestWriteBack.deleteActivities';
import { label } from 'c/navsyncLabels';

jest.mock('@salesforce/apex/NavSyncTestWriteBack.createActivities', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/NavSyncTestWriteBack.deleteActivities', () => ({ default: jest.fn() }), { virtual: true });

const validationError = require('./data/createContactValidationError.json');
const activitiesResult = require('./data/createActivitiesResult.json');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

function mount(enabledKinds) {
    const element = createElement('c-test-write-back', { is: TestWriteBack });
    element.enabledKinds = enabledKinds;
    document.body.appendChild(element);
    return element;
}

describe('c-test-write-back', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('explains that nothing can be tested while no item is written back', async () => {
        const element = mount([]);
        await flush();
        expect($(element, 'run')).toBeNull();
        expect($(element, 'no-kinds').textContent).toBe(label('testWriteBack.noKinds'));
        await expect(element).toBeAccessible();
    });

    it('creates the test contact and one activity per enabled kind, and lists each result', async () => {
        createRecord.mockResolvedValue({ id: '003000000000001AAA' });
        createActivities.mockResolvedValue(activitiesResult);
        const element = mount(['inmail', 'note']);
        await flush();
        $(element, 'run').click();
        await flush();
        await flush();

        expect(createRecord).toHaveBeenCalledWith({
            apiName: 'Contact',
            fields: { FirstName: 'NavSync', LastName: label('testWriteBack.testContactName') }
        });
        const call = createActivities.mock.calls[0][0];
        expect(call.contactId).toBe('003000000000001AAA');
        expect(call.activities.map((a) => a.kind)).toEqual(['InMail', 'Note']);
        expect(new Set(call.activities.map((a) => a.activityKey)).size).toBe(2);
        call.activities.forEach((a) => expect(a.activityKey.length).toBeLessThanOrEqual(255));

        expect($(element, 'contact-link').getAttribute('href')).toBe('/lightning/r/Contact/003000000000001AAA/view');
        const rows = element.shadowRoot.querySelectorAll('li');
        expect(rows).toHaveLength(2);
        expect(rows[0].querySelector('.kind').textContent).toBe(label('writeback.kindInmail'));
        expect(rows[0].querySelector('a.view').getAttribute('href')).toBe('/lightning/r/Task/00T000000000001AAA/view');
        expect(rows[1].querySelector('.message').textContent).toBe('Tasks need a due date in the future.');
        expect(rows[1].querySelector('a.view')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the validation rule that stopped the test contact, and writes no activity', async () => {
        createRecord.mockRejectedValue(validationError);
        const element = mount(['inmail']);
        await flush();
        $(element, 'run').click();
        await flush();
        expect(createActivities).not.toHaveBeenCalled();
        expect($(element, 'error').textContent).toContain('Email is required for every contact.');
        expect($(element, 'remove')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('removes the test activities and the test contact with one click', async () => {
        createRecord.mockResolvedValue({ id: '003000000000001AAA' });
        createActivities.mockResolvedValue(activitiesResult);
        deleteActivities.mockResolvedValue(1);
        const element = mount(['inmail', 'note']);
        await flush();
        $(element, 'run').click();
        await flush();
        await flush();
        $(element, 'remove').click();
        await flush();
        expect(deleteActivities).toHaveBeenCalledWith({ taskIds: ['00T000000000001AAA'] });
        expect(deleteRecord).toHaveBeenCalledWith('003000000000001AAA');
        expect($(element, 'removed').textContent).toBe(label('testWriteBack.removed'));
        expect(element.shadowRoot.querySelectorAll('li')).toHaveLength(0);
    });

    it('keeps the list and shows the error when removal fails', async () => {
        createRecord.mockResolvedValue({ id: '003000000000001AAA' });
        createActivities.mockResolvedValue(activitiesResult);
        deleteActivities.mockRejectedValue({ body: { message: 'insufficient access rights on object id' }, status: 400 });
        const element = mount(['inmail', 'note']);
        await flush();
        $(element, 'run').click();
        await flush();
        await flush();
        $(element, 'remove').click();
        await flush();
        expect(deleteRecord).not.toHaveBeenCalled();
        expect($(element, 'error').textContent).toBe('insufficient access rights on object id');
        expect(element.shadowRoot.querySelectorAll('li')).toHaveLength(2);
    });
});
