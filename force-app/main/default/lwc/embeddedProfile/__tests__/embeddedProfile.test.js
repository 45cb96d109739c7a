import { createElement } from '@lwc/engine-dom';
import EmbeddedProfile from 'c/embeddedProfile';
import { getRecord, updateRecord, notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { navigateCalls } from 'lightning/navigation';
import { label } from 'c/navsyncLabels';

const matchedBySync = require('./data/contactMatchedBySync.json');
const matchedBySyncScored = require('./data/contactMatchedBySyncScored.json');
const notAtCompany = require('./data/contactNotAtCompany.json');
const notMatched = require('./data/contactNotMatched.json');
const untrustedPhoto = require('./data/contactUntrustedPhoto.json');
const leadByHand = require('./data/leadMatchedByHand.json');
const recordError = require('./data/recordError.json');
const opportunity = require('./data/opportunity.json');

const NOW = Date.parse('2026-11-22T12:00:00.000Z');
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

async function mount(record, props = {}) {
  const element = createElement('c-embedded-profile', { is: EmbeddedProfile });
  Object.assign(
    element,
    { recordId: record ? record.id : '003000000000001AAA', objectApiName: record ? record.apiName : 'Contact' },
    props,
  );
  document.body.appendChild(element);
  if (record) {
    getRecord.emit(record);
  }
  await flush();
  return element;
}

async function paste(element, url) {
  const input = $(element, 'match-url');
  input.value = url;
  input.dispatchEvent(new CustomEvent('change'));
  await flush();
  $(element, 'match').click();
  await flush();
}

describe('c-embedded-profile', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    navigateCalls.length = 0;
    jest.restoreAllMocks();
    jest.clearAllMocks();
  });

  it('shows a spinner while the record loads, asking for NavSync fields as optional', async () => {
    const element = await mount(null);
    expect(element.shadowRoot.querySelector('lightning-spinner').alternativeText).toBe(label('profile.loading'));
    const config = getRecord.getLastConfig();
    expect(config.fields.map((f) => f.fieldApiName)).toEqual(['Name', 'FirstName', 'LastName', 'Title']);
    expect(config.optionalFields.map((f) => f.fieldApiName)).toContain('Not_At_Company__c');
  });

  it('says the profile could not be loaded when the record cannot be read', async () => {
    const element = await mount(null);
    getRecord.error(recordError.body, recordError.status, recordError.statusText);
    await flush();
    expect($(element, 'load-error').textContent).toBe('The Sales Navigator profile could not be loaded.');
    await expect(element).toBeAccessible();
  });

  it('shows photo, name, company, the badge and the Sales Navigator link of a synced contact', async () => {
    const element = await mount(matchedBySync);
    expect($(element, 'name').textContent).toBe('Anneke de Vries');
    expect($(element, 'subtitle').textContent).toBe('Hoofd Inkoop · Van Dijk Logistiek B.V.');
    expect($(element, 'photo').getAttribute('src')).toBe(matchedBySync.fields.LinkedIn_Photo_URL__c.value);
    expect($(element, 'photo').getAttribute('alt')).toBe('Profile photo of Anneke de Vries');
    const link = $(element, 'profile-link');
    expect(link.getAttribute('href')).toBe('https://www.linkedin.com/sales/lead/ACwAAAAbC123xYz');
    expect(link.textContent).toBe('View Anneke de Vries in Sales Navigator');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
    const badge = element.shadowRoot.querySelector('c-crm-badge');
    expect(badge.info.state).toBe('matchedBySync');
    expect(badge.info.daysSinceSync).toBe(1);
    expect($(element, 'not-at-company')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('explains a sync match with the score the sync stored on the record: points per criterion add up to the total', async () => {
    const element = await mount(matchedBySyncScored);
    const badge = element.shadowRoot.querySelector('c-crm-badge');
    const why = badge.shadowRoot.querySelector('[data-id="why"]');
    expect(why).not.toBeNull();
    why.click();
    await flush();
    const q = (id) => badge.shadowRoot.querySelector(`[data-id="${id}"]`);
    expect(q('why-total').textContent).toBe(`${label('badge.whyTotal', { total: 100 })} · High confidence`);
    const lines = [...badge.shadowRoot.querySelectorAll('[data-criterion]')];
    expect(lines.map((li) => li.dataset.criterion)).toEqual([
      'email',
      'currentCompany',
      'lastName',
      'firstName',
      'currentTitle',
    ]);
    const share = label('badge.whyShare', { points: 35, share: 35 });
    expect(lines[0].textContent).toBe(
      `${label('common.labelValue', { label: 'Email address', value: share })} (${label('matching.levelExact')})`,
    );
    const points = lines.map((li) => Number(/(\d+) points/.exec(li.textContent)[1]));
    expect(points).toEqual([35, 25, 20, 12, 8]);
    expect(points.reduce((a, b) => a + b, 0)).toBe(100);
    // Optional, so a user without access to the field still sees the page.
    expect(getRecord.getLastConfig().optionalFields.map((f) => f.fieldApiName)).toContain('LinkedIn_Match_Score__c');
    await expect(element).toBeAccessible();
  });

  it.each([
    ['missing', null],
    ['not a stored score', 'p1|h|99|em35x'],
  ])('offers no explanation when the stored score is %s, and still shows the rest', async (_, stored) => {
    const record = JSON.parse(JSON.stringify(matchedBySyncScored));
    record.fields.LinkedIn_Match_Score__c.value = stored;
    const element = await mount(record);
    const badge = element.shadowRoot.querySelector('c-crm-badge');
    expect(badge.info.state).toBe('matchedBySync');
    expect(badge.score).toBeFalsy();
    expect(badge.shadowRoot.querySelector('[data-id="why"]')).toBeNull();
    expect($(element, 'name').textContent).toBe('Anneke de Vries');
  });

  it('never shows a photo from a host outside the trusted LinkedIn origins', async () => {
    const element = await mount(untrustedPhoto);
    expect($(element, 'photo')).toBeNull();
    expect($(element, 'name').textContent).toBe('Anneke de Vries');
  });

  it('shows the Not at company banner; Ignore stores Ignore, Update account opens the edit page', async () => {
    const element = await mount(notAtCompany);
    const banner = $(element, 'not-at-company-text').textContent;
    expect(banner).toBe(
      label('profile.notAtCompanyBanner', { name: 'Anneke de Vries', company: 'Van Dijk Logistiek B.V.' }),
    );
    expect(banner).toBe('According to LinkedIn, Van Dijk Logistiek B.V. is a former employer of Anneke de Vries.');
    await expect(element).toBeAccessible();
    $(element, 'ignore').click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: '003000000000001AAA', Not_At_Company__c: 'Ignore' } });
    $(element, 'update-account').click();
    expect(navigateCalls[0].pageRef).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '003000000000001AAA', objectApiName: 'Contact', actionName: 'edit' },
    });
  });

  it('explains an unmatched contact and offers manual match right away', async () => {
    const element = await mount(notMatched);
    expect($(element, 'empty-title').textContent).toBe(label('profile.emptyTitle'));
    expect($(element, 'match-prompt').textContent).toBe(
      'Paste the Sales Navigator or LinkedIn profile URL of Anneke de Vries.',
    );
    expect($(element, 'profile-link')).toBeNull();
    expect($(element, 'unmatch')).toBeNull();
    expect(element.shadowRoot.querySelector('c-crm-badge').info.state).toBe('notMatched');
    await expect(element).toBeAccessible();
  });

  it("refuses a pasted company page with the core's reason and saves nothing", async () => {
    const element = await mount(notMatched);
    await paste(element, 'https://www.linkedin.com/company/van-dijk-logistiek/');
    expect($(element, 'match-error').textContent).toBe('This is a company page. Paste the URL of a person’s profile.');
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('refuses a pasted non-LinkedIn address', async () => {
    const element = await mount(notMatched);
    await paste(element, 'https://www.linkedln.com/in/anneke-de-vries');
    expect($(element, 'match-error').textContent).toBe(label('profile.urlNotLinkedIn'));
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('matches by hand with the normalised profile URL, marked Manual', async () => {
    const element = await mount(notMatched);
    await paste(element, '  nl.linkedin.com/in/Anneke-de-Vries/?originalSubdomain=nl ');
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: '003000000000001AAA',
        Sales_Navigator_URL__c: 'https://www.linkedin.com/in/anneke-de-vries',
        Match_Source__c: 'Manual',
        LinkedIn_Member_URN__c: null,
        LinkedIn_Photo_URL__c: null,
        LinkedIn_Synced_At__c: null,
      },
    });
    expect($(element, 'match-error')).toBeNull();
  });

  it('unmatches only after confirmation, clearing the association', async () => {
    const element = await mount(matchedBySync);
    $(element, 'unmatch').click();
    await flush();
    expect(updateRecord).not.toHaveBeenCalled();
    expect($(element, 'unmatch-confirm').textContent).toContain(label('profile.unmatchConfirm'));
    $(element, 'unmatch-yes').click();
    await flush();
    expect(updateRecord).toHaveBeenCalledWith({
      fields: {
        Id: '003000000000001AAA',
        LinkedIn_Member_URN__c: null,
        Sales_Navigator_URL__c: null,
        LinkedIn_Photo_URL__c: null,
        Match_Source__c: null,
        LinkedIn_Synced_At__c: null,
      },
    });
  });

  it("shows why a save failed, with the platform's reason", async () => {
    updateRecord.mockRejectedValueOnce({ body: { message: 'Record is locked for approval.' }, status: 400 });
    const element = await mount(notAtCompany);
    $(element, 'ignore').click();
    await flush();
    expect($(element, 'action-error').textContent).toBe(
      'The change could not be saved. Record is locked for approval.',
    );
  });

  it('refreshes the record from the badge action', async () => {
    const element = await mount(matchedBySync);
    $(element, 'refresh').click();
    await flush();
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: '003000000000001AAA' }]);
  });

  it('works on leads: company from the Company field, match by hand shown as such', async () => {
    const element = await mount(leadByHand);
    expect($(element, 'subtitle').textContent).toBe('Einkaufsleiterin · Müller & Söhne GmbH');
    expect(element.shadowRoot.querySelector('c-crm-badge').info.state).toBe('matchedByHand');
    expect($(element, 'profile-link').getAttribute('href')).toBe('https://www.linkedin.com/in/katrin-mueller');
    expect(getRecord.getLastConfig().optionalFields.map((f) => f.objectApiName)).toEqual(
      expect.arrayContaining(['Lead']),
    );
  });

  it('embeds the official Sales Navigator iframe when an API key is configured', async () => {
    const element = await mount(matchedBySync, { salesNavApiKey: '78abc12de', crmSourceType: 'navsync' });
    const iframe = $(element, 'widget');
    const url = new URL(iframe.getAttribute('src'));
    expect(url.origin + url.pathname).toBe('https://www.linkedin.com/sales/widget/profile-matching');
    expect(url.searchParams.get('apiKey')).toBe('78abc12de');
    expect(url.searchParams.get('crmRecordId')).toBe('003000000000001AAA');
    expect(url.searchParams.get('crmType')).toBe('contact');
    expect(url.searchParams.get('firstName')).toBe('Anneke');
    expect(url.searchParams.get('companyName')).toBe('Van Dijk Logistiek B.V.');
    expect(iframe.getAttribute('title')).toBe('Sales Navigator profile of Anneke de Vries');
    expect($(element, 'name')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the opportunity with its account, and no person actions', async () => {
    const element = await mount(opportunity);
    expect($(element, 'name').textContent).toBe('Rossi Meccanica – rinnovo 2027');
    expect($(element, 'subtitle').textContent).toBe('Rossi Meccanica S.p.A.');
    expect(element.shadowRoot.querySelector('c-crm-badge')).toBeNull();
    expect($(element, 'match-url')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('embeds the iframe for an opportunity with the account as company', async () => {
    const element = await mount(opportunity, { salesNavApiKey: '78abc12de' });
    const url = new URL($(element, 'widget').getAttribute('src'));
    expect(url.searchParams.get('crmType')).toBe('opportunity');
    expect(url.searchParams.get('companyName')).toBe('Rossi Meccanica S.p.A.');
    expect(url.searchParams.has('firstName')).toBe(false);
  });
});
