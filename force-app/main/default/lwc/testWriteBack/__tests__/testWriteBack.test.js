import { createElement } from '@lwc/engine-dom';
import TestWriteBack from 'c/testWriteBack';
import { createRecord, deleteRecord } from 'lightning/uiRecordApi';
import taskStatuses from '@salesforce/apex/NavSyncTestWriteBack.taskStatuses';
import createTasks from '@salesforce/apex/NavSyncTestWriteBack.createTasks';
import deleteActivities from '@salesforce/apex/NavSyncTestWriteBack.deleteActivities';
import { label } from 'c/navsyncLabels';

jest.mock('@salesforce/apex/NavSyncTestWriteBack.taskStatuses', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/NavSyncTestWriteBack.createTasks', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/NavSyncTestWriteBack.deleteActivities', () => ({ default: jest.fn() }), { virtual: true });

const validationError = require('./data/createContactValidationError.json');
const tasksResult = require('./data/createTasksResult.json');
const statuses = require('./data/taskStatuses.json');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

function mount(enabledKinds) {
  const element = createElement('c-test-write-back', { is: TestWriteBack });
  element.enabledKinds = enabledKinds;
  document.body.appendChild(element);
  return element;
}

async function run(element) {
  $(element, 'run').click();
  for (let i = 0; i < 4; i++) {
    // eslint-disable-next-line no-await-in-loop
    await flush();
  }
}

describe('c-test-write-back', () => {
  beforeEach(() => {
    taskStatuses.mockResolvedValue(statuses);
    createRecord.mockResolvedValue({ id: '003000000000001AAA' });
    createTasks.mockResolvedValue(tasksResult);
  });

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
    expect($(element, 'no-kinds').textContent).toBe(label('testWriteBack.noItems'));
    await expect(element).toBeAccessible();
  });

  it("creates the core's test contact and one task per enabled kind, and lists each result", async () => {
    const element = mount(['inmail', 'note']);
    await flush();
    await run(element);

    const contact = createRecord.mock.calls[0][0];
    expect(contact.apiName).toBe('Contact');
    expect(contact.fields.FirstName).toBe('NavSync');
    expect(contact.fields.LastName).toMatch(/^Test Write-Back \d{8}t\d{6}z$/);
    expect(contact.fields.Email).toBeUndefined();

    const tasks = createTasks.mock.calls[0][0].tasks;
    expect(tasks.map((t) => t.LinkedIn_Activity_Type__c)).toEqual(['InMail', 'Note']);
    tasks.forEach((t) => {
      expect(t.sobjectType).toBe('Task');
      expect(t.WhoId).toBe('003000000000001AAA');
      expect(t.Status).toBe('Completed');
      expect(t.LinkedIn_Activity_Key__c.length).toBeGreaterThan(0);
      expect(t.LinkedIn_Activity_Key__c.length).toBeLessThanOrEqual(255);
    });
    expect(new Set(tasks.map((t) => t.LinkedIn_Activity_Key__c)).size).toBe(2);
    expect(tasks[0].Subject).toMatch(/NavSync test \(InMail\)$/);

    expect($(element, 'contact-link').getAttribute('href')).toBe('/lightning/r/Contact/003000000000001AAA/view');
    const rows = element.shadowRoot.querySelectorAll('li[data-kind="inmail"], li[data-kind="note"]');
    expect(rows).toHaveLength(2);
    expect(rows[0].querySelector('.step').textContent).toBe('Write a test InMail: ');
    expect(rows[0].querySelector('.status').textContent.trim()).toBe(label('salesforce.testWriteBackSaved'));
    expect(rows[0].querySelector('a.view').getAttribute('href')).toBe('/lightning/r/Task/00T000000000001AAA/view');
    expect(rows[1].querySelector('a.view')).toBeNull();
    expect(rows[1].querySelector('.status').textContent).toContain(
      'The value “Not Started” is not allowed for Status.',
    );
    await expect(element).toBeAccessible();
  });

  it("explains an e-mail validation rule in the core's words, and the next run gives the contact an e-mail", async () => {
    createRecord.mockRejectedValueOnce(validationError);
    const element = mount(['inmail']);
    await flush();
    await run(element);
    expect(createTasks).not.toHaveBeenCalled();
    expect($(element, 'failed-at').textContent).toBe('Test Write-Back failed at: Create the test contact');
    expect($(element, 'cause').textContent).toBe(
      'A validation rule in your CRM requires an e-mail address on contacts, so NavSync could not save the test contact.',
    );
    expect($(element, 'remedy').textContent).toBe(label('testWriteBack.remedyEmailRule'));
    expect($(element, 'detail').textContent).toContain('Email is required for every contact.');
    expect($(element, 'remove')).toBeNull();
    await expect(element).toBeAccessible();

    createTasks.mockResolvedValueOnce([tasksResult[0]]);
    await run(element);
    expect(createRecord.mock.calls[1][0].fields.Email).toMatch(/^navsync-test-.+@example\.com$/);
    expect($(element, 'failure')).toBeNull();
  });

  it('removes the test tasks and the test contact with one click', async () => {
    deleteActivities.mockResolvedValue(1);
    const element = mount(['inmail', 'note']);
    await flush();
    await run(element);
    $(element, 'remove').click();
    await flush();
    await flush();
    expect(deleteActivities).toHaveBeenCalledWith({ taskIds: ['00T000000000001AAA'] });
    expect(deleteRecord).toHaveBeenCalledWith('003000000000001AAA');
    expect($(element, 'removed').textContent).toBe(label('salesforce.testWriteBackRemoved'));
    expect(element.shadowRoot.querySelectorAll('li')).toHaveLength(0);
  });

  it('keeps the list and explains the failure when removal is refused', async () => {
    deleteActivities.mockRejectedValue({
      body: { message: 'insufficient access rights on object id' },
      status: 403,
    });
    const element = mount(['inmail', 'note']);
    await flush();
    await run(element);
    $(element, 'remove').click();
    await flush();
    expect(deleteRecord).not.toHaveBeenCalled();
    expect($(element, 'failed-at').textContent).toBe('Test Write-Back failed at: Remove the test records');
    expect($(element, 'detail').textContent).toContain('insufficient access rights on object id');
    expect(element.shadowRoot.querySelectorAll('li[data-kind="inmail"]')).toHaveLength(1);
  });
});
