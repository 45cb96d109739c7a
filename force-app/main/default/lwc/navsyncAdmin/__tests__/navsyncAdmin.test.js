import { createElement } from '@lwc/engine-dom';
import NavsyncAdmin from 'c/navsyncAdmin';
import { getListRecordsByName } from 'lightning/uiListsApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { createRecord, updateRecord } from 'lightning/uiRecordApi';
import startCleanup from '@salesforce/apex/NavSyncCleanup.start';
import { label } from 'c/navsyncLabels';

jest.mock('@salesforce/apex/NavSyncCleanup.start', () => ({ default: jest.fn() }), { virtual: true });

const settingsList = require('./data/settingsList.json');
const opportunityInfo = require('./data/opportunityInfo.json');
const stagePicklist = require('./data/stagePicklist.json');
const accountInfoPersonAccounts = require('./data/accountInfoPersonAccounts.json');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function mount() {
  const element = createElement('c-navsync-admin', { is: NavsyncAdmin });
  document.body.appendChild(element);
  return element;
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

async function mountLoaded(list = settingsList) {
  const element = mount();
  getListRecordsByName.emit(list, (config) => config.objectApiName.objectApiName === 'NavSync_Settings__c');
  getObjectInfo.emit(opportunityInfo, (config) => config.objectApiName.objectApiName === 'Opportunity');
  await flush();
  getPicklistValues.emit(stagePicklist);
  await flush();
  return element;
}

function fire(element, id, detail, target) {
  const el = $(element, id);
  if (target) {
    Object.assign(el, target);
  }
  el.dispatchEvent(new CustomEvent('change', { detail }));
}

describe('c-navsync-admin', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner until the settings arrive', async () => {
    const element = mount();
    await flush();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    expect($(element, 'save')).toBeNull();
  });

  it('shows the API error when the settings cannot be read', async () => {
    const element = mount();
    getListRecordsByName.error();
    await flush();
    expect($(element, 'load-error').textContent).toContain(label('errors.apiError'));
    expect(label('errors.apiError')).toBe('The CRM API reported an error. Please try again later.');
    await expect(element).toBeAccessible();
  });

  it('shows the connection status, last sync and the stored settings', async () => {
    const element = await mountLoaded();
    expect($(element, 'connection').textContent).toBe('Connected to Salesforce');
    expect($(element, 'last-synced').querySelector('lightning-formatted-date-time').value).toBe(
      '2026-11-22T06:00:00.000Z',
    );
    expect($(element, 'auto-sync').value).toBe('no');
    expect($(element, 'stage').value).toBe('Proposal/Price Quote');
    expect($(element, 'won-value').value).toBe('Amount');
    expect($(element, 'write-back').checked).toBe(true);
    expect($(element, 'write-back-items').value).toEqual(['inmail', 'note']);
    expect($(element, 'data-validation').checked).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('offers the org stages and only the currency fields, each after "Not sure"', async () => {
    const element = await mountLoaded();
    const stages = $(element, 'stage').options.map((o) => o.value);
    expect(stages.slice(1)).toEqual(['Prospecting', 'Qualification', 'Proposal/Price Quote', 'Negotiation/Review']);
    expect($(element, 'stage').options[0].label).toBe(label('common.notSure'));
    const won = $(element, 'won-value').options.map((o) => o.value);
    expect(won.slice(1)).toEqual(['Amount', 'ExpectedRevenue']);
    expect(
      $(element, 'won-value')
        .options.map((o) => o.label)
        .slice(1),
    ).toEqual(['Amount', 'Expected Amount']);
  });

  it('hands the enabled write-back kinds to Test Write-Back', async () => {
    const element = await mountLoaded();
    expect(element.shadowRoot.querySelector('c-test-write-back').enabledKinds).toEqual(['inmail', 'note']);
    fire(element, 'write-back', undefined, { checked: false });
    await flush();
    expect(element.shadowRoot.querySelector('c-test-write-back').enabledKinds).toEqual([]);
  });

  it('saves the edited settings to the settings record', async () => {
    const element = await mountLoaded();
    fire(element, 'auto-sync', { value: 'yes' });
    fire(element, 'stage', { value: '__notSure__' });
    fire(element, 'write-back-items', { value: ['inmail', 'message', 'note', 'call'] });
    await flush();
    $(element, 'save').click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: 'a01000000000001AAA',
        Auto_Sync_All_Seats__c: true,
        Pipeline_Stage__c: null,
        Won_Value_Field__c: 'Amount',
        Write_Back_Enabled__c: true,
        Write_Back_Items__c: 'InMail;Message;Note;Call',
        Data_Validation_Enabled__c: true,
      },
    });
    expect($(element, 'saved').textContent).toBe(label('admin.saved'));
  });

  it('refuses write-back with no items and says why, without saving', async () => {
    const element = await mountLoaded();
    fire(element, 'write-back-items', { value: [] });
    await flush();
    $(element, 'save').click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    expect($(element, 'items-error').textContent).toBe(label('settings.errNoItems'));
    await expect(element).toBeAccessible();
  });

  it('refuses a won-value field that is not a currency field', async () => {
    const element = await mountLoaded();
    fire(element, 'won-value', { value: 'Probability' });
    await flush();
    $(element, 'save').click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    expect($(element, 'won-value-error').textContent).toBe(
      label('settings.errWonFieldNotCurrency', { field: 'Probability' }),
    );
  });

  it('creates the settings record on first save in a fresh org', async () => {
    createRecord.mockResolvedValue({ id: 'a01000000000009AAA' });
    const element = await mountLoaded({ ...settingsList, count: 0, records: [] });
    expect($(element, 'connection').textContent).toBe(label('admin.notConnected'));
    expect($(element, 'last-synced-never').textContent).toBe(label('admin.lastSyncedNever'));
    fire(element, 'data-validation', undefined, { checked: false });
    await flush();
    $(element, 'save').click();
    await flush();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'NavSync_Settings__c',
      fields: expect.objectContaining({
        Auto_Sync_All_Seats__c: true,
        Write_Back_Items__c: 'InMail;Message;Note;Call',
      }),
    });
  });

  it('shows the API error when saving fails', async () => {
    updateRecord.mockRejectedValueOnce({ body: { message: 'UNABLE_TO_LOCK_ROW' }, status: 400 });
    const element = await mountLoaded();
    const toasts = [];
    element.addEventListener('lightning__showtoast', (e) => toasts.push(e.detail));
    $(element, 'save').click();
    await flush();
    expect($(element, 'save-error').textContent).toBe(`${label('errors.apiError')} UNABLE_TO_LOCK_ROW`);
    expect(toasts).toEqual([
      expect.objectContaining({ variant: 'error', message: `${label('errors.apiError')} UNABLE_TO_LOCK_ROW` }),
    ]);
  });

  it('disconnects after confirmation and starts the clean-up only when asked', async () => {
    const element = await mountLoaded();
    $(element, 'disconnect').click();
    await flush();
    expect($(element, 'disconnect-confirm').textContent).toBe(label('admin.disconnectConfirm'));
    fire(element, 'clean-up', undefined, { checked: true });
    await flush();
    $(element, 'disconnect-confirm-button').click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: 'a01000000000001AAA', Connected__c: false } });
    expect(startCleanup).toHaveBeenCalledTimes(1);
    expect($(element, 'disconnected').textContent).toBe(label('admin.disconnected'));
    expect($(element, 'connection').textContent).toBe(label('admin.notConnected'));
  });

  it('disconnects without clean-up by default, and Cancel keeps the connection', async () => {
    const element = await mountLoaded();
    $(element, 'disconnect').click();
    await flush();
    $(element, 'disconnect-cancel').click();
    await flush();
    expect($(element, 'disconnect')).not.toBeNull();
    $(element, 'disconnect').click();
    await flush();
    $(element, 'disconnect-confirm-button').click();
    await flush();
    expect(startCleanup).not.toHaveBeenCalled();
    expect(updateRecord).toHaveBeenCalledTimes(1);
  });

  it('says person accounts are not supported when the org has them', async () => {
    const element = await mountLoaded();
    getObjectInfo.emit(accountInfoPersonAccounts, (config) => config.objectApiName.objectApiName === 'Account');
    await flush();
    expect($(element, 'person-accounts').textContent.trim()).toBe(
      'Person accounts are not supported. NavSync syncs business accounts and their contacts only.',
    );
    await expect(element).toBeAccessible();
  });
});
