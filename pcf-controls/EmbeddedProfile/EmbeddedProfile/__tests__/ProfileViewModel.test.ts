import { DV, DV_VALUES } from '@navsync/shared-ts';
import { createMockContext } from '../__mocks__/mockContext';
import { WebApiProfileService } from '../services/ProfileService';
import { ProfileViewModel } from '../viewmodel/ProfileViewModel';
import { domainRules } from '../viewmodel/domainRules';
import { inputsOf, recordOf } from '../viewmodel/contextInputs';

const ID = '6f1a0000-0000-0000-0000-000000000001';
const p = DV.person;

function setUp(options: Parameters<typeof createMockContext>[0] = {}) {
  const mock = createMockContext(options);
  const vm = new ProfileViewModel(
    new WebApiProfileService(mock.context.webAPI, mock.context.utils),
    domainRules,
    recordOf(mock.context),
    inputsOf(mock.context),
    () => new Date('2026-11-22T12:00:00Z'),
  );
  const row = () => mock.rows.get(`${options.entity ?? 'contact'}:${ID}`) as Record<string, unknown>;
  return { ...mock, vm, row };
}

const matchedRow = {
  fullname: 'Eva Jansen',
  [p.profileUrl]: 'https://www.linkedin.com/in/eva-jansen',
  [p.memberUrn]: 'urn:li:member:123',
  [p.photoUrl]: 'https://media.licdn.com/eva.jpg',
  [p.matchSource]: DV_VALUES.matchSource.sync,
  [p.notAtCompany]: DV_VALUES.notAtCompany.noFeedback,
  _parentcustomerid_value: 'a1',
  '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso B.V.',
};

describe('Embedded Profile view model', () => {
  test('loads the person with photo, profile link, account name and a matched badge', async () => {
    const { vm, webAPI } = setUp({ row: matchedRow });
    await vm.load();
    expect(vm.state.phase).toBe('ready');
    expect(vm.state.person).toMatchObject({
      fullName: 'Eva Jansen',
      photoUrl: 'https://media.licdn.com/eva.jpg',
      accountName: 'Contoso B.V.',
    });
    expect(vm.state.badge?.state).toBe('matchedBySync');
    expect(vm.state.notAtCompany).toBe(false);
    expect(webAPI.retrieveRecord).toHaveBeenCalledWith('contact', ID, expect.stringContaining(p.notAtCompany));
  });

  test('a photo URL that is not on LinkedIn’s media origin is not shown', async () => {
    const { vm } = setUp({ row: { ...matchedRow, [p.photoUrl]: 'https://tracker.example.com/pixel.gif' } });
    await vm.load();
    expect(vm.state.person?.photoUrl).toBeNull();
  });

  test('a contact without the not-at-company column (data validation off) still loads', async () => {
    const { vm, webAPI } = setUp({ row: { ...matchedRow, __noNotAtCompanyColumn: true } });
    await vm.load();
    expect(vm.state.phase).toBe('ready');
    expect(vm.state.person?.notAtCompany).toBeNull();
    expect(webAPI.retrieveRecord).toHaveBeenCalledTimes(2);
    expect(webAPI.retrieveRecord.mock.calls[1][2]).not.toContain(p.notAtCompany);
  });

  test('leads never ask for the not-at-company column and read their account from parentaccountid', async () => {
    const { vm, webAPI } = setUp({
      entity: 'lead',
      row: {
        fullname: 'Luca Bianchi',
        '_parentaccountid_value@OData.Community.Display.V1.FormattedValue': 'Fabrikam S.p.A.',
      },
    });
    await vm.load();
    expect(webAPI.retrieveRecord).toHaveBeenCalledTimes(1);
    expect(webAPI.retrieveRecord.mock.calls[0][2]).not.toContain(p.notAtCompany);
    expect(vm.state.person?.accountName).toBe('Fabrikam S.p.A.');
  });

  test('a new (unsaved) record asks to save first and calls nothing', async () => {
    const { vm, webAPI } = setUp({ id: null });
    await vm.load();
    expect(vm.state.phase).toBe('newRecord');
    expect(webAPI.retrieveRecord).not.toHaveBeenCalled();
  });

  test('a failing Web API shows the catalogue error, and retry recovers', async () => {
    const { vm, webAPI } = setUp({ row: matchedRow });
    webAPI.retrieveRecord.mockRejectedValueOnce(new Error('HTTP 503'));
    await vm.load();
    expect(vm.state.phase).toBe('error');
    expect(vm.state.message?.key).toBe('profile.loadError');
    await vm.load();
    expect(vm.state.phase).toBe('ready');
  });

  test('manual match from a pasted Sales Navigator URL writes the normalised URL and source Manual (URN and photo come from the next sync)', async () => {
    const { vm, row, webAPI } = setUp({ row: { fullname: 'Eva Jansen' } });
    await vm.load();
    expect(vm.state.badge?.state).toBe('notMatched');
    expect(await vm.matchByUrl('nl.linkedin.com/sales/lead/ACwAAAB12345,NAME_SEARCH,abc?trk=x')).toBe(true);
    expect(webAPI.updateRecord).toHaveBeenCalledTimes(1);
    expect(row()[p.profileUrl]).toMatch(/^https:\/\/www\.linkedin\.com\/sales\/lead\/ACwAAAB12345/);
    expect(row()[p.memberUrn]).toBeNull();
    expect(row()[p.matchSource]).toBe(DV_VALUES.matchSource.manual);
    expect(vm.state.badge?.state).toBe('matchedByHand');
    expect(vm.state.message).toEqual({ kind: 'success', key: 'profile.matchSaved' });
  });

  test('a public profile URL is normalised (lower case, no trailing slash)', async () => {
    const { vm, row } = setUp({ row: { fullname: 'Eva Jansen' } });
    await vm.load();
    await vm.matchByUrl('https://www.linkedin.com/in/Eva-Jansen/');
    expect(row()[p.profileUrl]).toBe('https://www.linkedin.com/in/eva-jansen');
    expect(row()[p.memberUrn]).toBeNull();
  });

  test('a URL that is not a LinkedIn profile is refused with its reason and nothing is written', async () => {
    const { vm, webAPI } = setUp({ row: { fullname: 'Eva Jansen' } });
    await vm.load();
    for (const [input, key] of [
      ['https://example.com/in/eva', 'profile.urlNotLinkedIn'],
      ['https://www.linkedin.com/company/contoso', 'profile.urlCompany'],
      ['javascript:alert(1)', 'profile.urlScheme'],
      ['   ', 'profile.urlEmpty'],
    ]) {
      expect(await vm.matchByUrl(input)).toBe(false);
      expect(vm.state.matchError).toBe(key);
    }
    expect(webAPI.updateRecord).not.toHaveBeenCalled();
  });

  test('unmatch clears the association fields', async () => {
    const { vm, row } = setUp({ row: matchedRow });
    await vm.load();
    expect(await vm.unmatch()).toBe(true);
    for (const c of [p.profileUrl, p.memberUrn, p.photoUrl, p.matchSource, p.syncedAt]) expect(row()[c]).toBeNull();
    expect(vm.state.badge?.state).toBe('notMatched');
  });

  test('Not at company: the banner shows; Ignore stores Ignore and the banner goes', async () => {
    const { vm, row } = setUp({ row: { ...matchedRow, [p.notAtCompany]: DV_VALUES.notAtCompany.notAtCompany } });
    await vm.load();
    expect(vm.state.notAtCompany).toBe(true);
    await vm.ignore();
    expect(row()[p.notAtCompany]).toBe(DV_VALUES.notAtCompany.ignore);
    expect(vm.state.notAtCompany).toBe(false);
    expect(vm.state.badge?.state).toBe('ignored');
    await vm.undoIgnore();
    expect(row()[p.notAtCompany]).toBe(DV_VALUES.notAtCompany.notAtCompany);
    expect(vm.state.notAtCompany).toBe(true);
  });

  test('a match last confirmed more than a week ago shows as stale', async () => {
    const { vm } = setUp({ row: { ...matchedRow, [p.syncedAt]: '2026-11-01T06:00:00Z' } });
    await vm.load();
    expect(vm.state.badge?.state).toBe('stale');
    expect(vm.state.badge?.synced.key).toBe('badge.syncedDaysAgo');
  });

  test('Update account: the picked account is bound and the flag resets to No feedback', async () => {
    const { vm, row, lookupObjects } = setUp({
      row: {
        ...matchedRow,
        [p.notAtCompany]: DV_VALUES.notAtCompany.notAtCompany,
        __accountNames: { b2: 'Fabrikam GmbH' },
      },
      lookup: [{ id: '{b2}', name: 'Fabrikam GmbH', entityType: 'account' }],
    });
    await vm.load();
    expect(await vm.updateAccount()).toBe(true);
    expect(lookupObjects).toHaveBeenCalledWith(
      expect.objectContaining({ entityTypes: ['account'], allowMultiSelect: false }),
    );
    expect(row()._parentcustomerid_value).toBe('b2');
    expect(row()[p.notAtCompany]).toBe(DV_VALUES.notAtCompany.noFeedback);
    expect(vm.state.person?.accountName).toBe('Fabrikam GmbH');
    expect(vm.state.notAtCompany).toBe(false);
  });

  test('Update account cancelled in the lookup dialog changes nothing', async () => {
    const { vm, webAPI } = setUp({
      row: { ...matchedRow, [p.notAtCompany]: DV_VALUES.notAtCompany.notAtCompany },
      lookup: [],
    });
    await vm.load();
    expect(await vm.updateAccount()).toBe(false);
    expect(webAPI.updateRecord).not.toHaveBeenCalled();
    expect(vm.state.notAtCompany).toBe(true);
  });

  test('a refused write keeps the record as it was and shows the error', async () => {
    const { vm, webAPI, row } = setUp({ row: matchedRow });
    await vm.load();
    webAPI.updateRecord.mockRejectedValueOnce(new Error('403'));
    expect(await vm.unmatch()).toBe(false);
    expect(vm.state.message).toEqual({ kind: 'error', key: 'profile.saveError', params: { reason: '403' } });
    expect(row()[p.profileUrl]).toBe(matchedRow[p.profileUrl]);
    expect(vm.state.busy).toBe(false);
  });

  test('with a Display Services API key the official frame URL is built from the form inputs', async () => {
    const { vm } = setUp({
      row: matchedRow,
      inputs: { displayServicesApiKey: 'client123', firstName: 'Eva', lastName: 'Jansen', company: 'Contoso & Co' },
    });
    await vm.load();
    const url = new URL(vm.state.iframeUrl as string);
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/sales/widget/profile-matching');
    expect(url.searchParams.get('apiKey')).toBe('client123');
    expect(url.searchParams.get('companyName')).toBe('Contoso & Co');
    expect(url.searchParams.get('crmRecordId')).toBe(ID);
    expect(url.searchParams.get('crmType')).toBe('contact');
  });

  test('without an API key there is no frame (NavSync card instead)', async () => {
    const { vm } = setUp({ row: matchedRow });
    await vm.load();
    expect(vm.state.iframeUrl).toBeNull();
  });
});
