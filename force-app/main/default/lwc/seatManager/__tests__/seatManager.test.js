import { createElement } from '@lwc/engine-dom';
import SeatManager from 'c/seatManager';
import { getListRecordsByName } from 'lightning/uiListsApi';
import { graphql } from 'lightning/graphql';
import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import { label } from 'c/navsyncLabels';

const seatList = require('./data/seatList.json');
const activeUsers = require('./data/activeUsers.json');

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

async function mountLoaded() {
  const element = createElement('c-seat-manager', { is: SeatManager });
  document.body.appendChild(element);
  getListRecordsByName.emit(seatList);
  graphql.emit(activeUsers);
  await flush();
  return element;
}

function toggle(input, checked) {
  input.checked = checked;
  input.dispatchEvent(new CustomEvent('change'));
}

describe('c-seat-manager', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows a spinner, then the API error when seats cannot be read', async () => {
    const element = createElement('c-seat-manager', { is: SeatManager });
    document.body.appendChild(element);
    await flush();
    expect(element.shadowRoot.querySelector('lightning-spinner')).not.toBeNull();
    getListRecordsByName.error();
    await flush();
    expect($(element, 'load-error').textContent).toContain(label('errors.apiError'));
    await expect(element).toBeAccessible();
  });

  it('says so when nobody has a seat yet', async () => {
    const element = createElement('c-seat-manager', { is: SeatManager });
    document.body.appendChild(element);
    getListRecordsByName.emit({ ...seatList, count: 0, records: [] });
    graphql.emit(activeUsers);
    await flush();
    expect($(element, 'no-seats').textContent).toBe(label('admin.seatsNone'));
    expect($(element, 'assign-users').options).toHaveLength(4);
  });

  it('lists the seat holders by name with their sync switch', async () => {
    const element = await mountLoaded();
    const names = [...element.shadowRoot.querySelectorAll('lightning-input.select')].map((i) => i.label);
    expect(names).toEqual(['Anneke de Vries', 'Bruno Marchetti']);
    const enabled = [...element.shadowRoot.querySelectorAll('lightning-input.enabled')].map((i) => i.checked);
    expect(enabled).toEqual([true, false]);
    await expect(element).toBeAccessible();
  });

  it('offers only active users without a seat, sorted by name', async () => {
    const element = await mountLoaded();
    expect($(element, 'assign-users').options.map((o) => o.label)).toEqual(['Dieter Huber', 'Élodie Laurent']);
  });

  it('assigns seats to the chosen users', async () => {
    createRecord.mockResolvedValueOnce({ id: 'a02000000000003AAA' });
    const element = await mountLoaded();
    $(element, 'assign-users').dispatchEvent(new CustomEvent('change', { detail: { value: ['005000000000003AAA'] } }));
    await flush();
    $(element, 'assign').click();
    await flush();
    expect(createRecord).toHaveBeenCalledWith({
      apiName: 'NavSync_Seat__c',
      fields: { User__c: '005000000000003AAA', Enabled__c: true, Write_Back_Opt_Out__c: null },
    });
    expect(element.shadowRoot.querySelectorAll('lightning-input.select')).toHaveLength(3);
    expect($(element, 'assign-users').options.map((o) => o.label)).toEqual(['Dieter Huber']);
  });

  it('refuses a user who already has a seat and names them', async () => {
    const element = await mountLoaded();
    $(element, 'assign-users').dispatchEvent(new CustomEvent('change', { detail: { value: ['005000000000001AAA'] } }));
    await flush();
    $(element, 'assign').click();
    await flush();
    expect(createRecord).not.toHaveBeenCalled();
    const alert = element.shadowRoot.querySelector('p[role="alert"]');
    expect(alert.textContent).toBe(label('settings.seatDuplicate', { user: 'Anneke de Vries' }));
    expect(alert.textContent).toBe('Anneke de Vries already has a seat.');
  });

  it('switches sync for one seat with its toggle', async () => {
    const element = await mountLoaded();
    toggle(element.shadowRoot.querySelectorAll('lightning-input.enabled')[1], true);
    await flush();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: 'a02000000000002AAA', Enabled__c: true } });
  });

  it('bulk-selects every seat and turns sync off for those that had it on', async () => {
    const element = await mountLoaded();
    expect($(element, 'disable-selected').disabled).toBe(true);
    $(element, 'select-all').click();
    await flush();
    expect($(element, 'selected-count').textContent).toBe(label('common.selectedCount', { count: 2 }));
    $(element, 'disable-selected').click();
    await flush();
    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: 'a02000000000001AAA', Enabled__c: false } });
    $(element, 'deselect-all').click();
    await flush();
    expect($(element, 'disable-selected').disabled).toBe(true);
  });

  it('removes the selected seats', async () => {
    const element = await mountLoaded();
    toggle(element.shadowRoot.querySelectorAll('lightning-input.select')[0], true);
    await flush();
    $(element, 'remove-selected').click();
    await flush();
    expect(deleteRecord).toHaveBeenCalledWith('a02000000000001AAA');
    expect([...element.shadowRoot.querySelectorAll('lightning-input.select')].map((i) => i.label)).toEqual([
      'Bruno Marchetti',
    ]);
  });

  it('shows the API error when a change fails and keeps the old state', async () => {
    updateRecord.mockRejectedValueOnce({ body: { message: 'ENTITY_IS_LOCKED' }, status: 400 });
    const element = await mountLoaded();
    toggle(element.shadowRoot.querySelectorAll('lightning-input.enabled')[1], true);
    await flush();
    expect(element.shadowRoot.querySelector('p[role="alert"]').textContent).toBe(
      `${label('errors.apiError')} ENTITY_IS_LOCKED`,
    );
    expect([...element.shadowRoot.querySelectorAll('lightning-input.enabled')].map((i) => i.checked)).toEqual([
      true,
      false,
    ]);
  });
});
