import { createElement } from '@lwc/engine-dom';
import CrmBadge from 'c/crmBadge';
import { badgeState } from 'c/navsyncRecord';
import { label } from 'c/navsyncLabels';

const score = require('./data/matchScore.json');

const NOW = '2026-11-22T12:00:00.000Z';
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

const fields = (overrides) => ({
  notAtCompany: null,
  memberUrn: 'urn:li:person:AbC123xYz',
  profileUrl: 'https://www.linkedin.com/in/anneke-de-vries',
  photoUrl: null,
  matchSource: 'sync',
  syncedAt: '2026-11-21T06:00:00.000Z',
  ...overrides,
});

async function mount(info, props = {}) {
  const element = createElement('c-crm-badge', { is: CrmBadge });
  Object.assign(element, { info }, props);
  document.body.appendChild(element);
  await flush();
  return element;
}

describe('c-crm-badge', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('renders nothing until it has a badge', async () => {
    const element = await mount(undefined);
    expect($(element, 'state')).toBeNull();
  });

  it('shows the state, its description and when it was synced', async () => {
    const element = await mount(badgeState(fields(), NOW));
    expect($(element, 'state').textContent).toBe('Matched by sync');
    // Static text, not a live region: nothing is announced when the record page loads.
    expect($(element, 'state').getAttribute('role')).toBeNull();
    expect(element.shadowRoot.querySelector('.slds-assistive-text').textContent).toBe(label('badge.title'));
    expect($(element, 'state').className).toContain('slds-theme_success');
    expect($(element, 'description').textContent).toBe(label('badge.matchedBySyncDesc'));
    expect($(element, 'synced').textContent).toBe('Synced 1 day ago');
    await expect(element).toBeAccessible();
  });

  it('explains a sync match per criterion, strongest first, with the criteria that gave nothing', async () => {
    const element = await mount(badgeState(fields(), NOW), { score });
    $(element, 'why').click();
    await flush();
    expect($(element, 'why-total').textContent).toBe(`${label('badge.whyTotal', { total: 87 })} · High confidence`);
    const lines = [...element.shadowRoot.querySelectorAll('li')];
    expect(lines.map((l) => l.dataset.criterion)).toEqual(['email', 'currentCompany', 'lastName', 'firstName']);
    expect(lines[0].querySelector('.line').textContent.trim()).toBe('Email address: 40 points (46%)');
    expect(lines[1].querySelector('.evidence').textContent).toContain('Van Dijk Logistiek');
    expect($(element, 'why-not-compared').textContent).toBe(
      label('badge.whyNotCompared', { criteria: 'Phone number, Current job title' }),
    );
    await expect(element).toBeAccessible();
  });

  it('has no score to explain for a match by hand, and says so', async () => {
    const element = await mount(badgeState(fields({ matchSource: 'manual' }), NOW), { score });
    expect($(element, 'state').textContent).toBe('Matched by hand');
    $(element, 'why').click();
    await flush();
    expect($(element, 'why-manual').textContent).toBe(label('badge.whyManual'));
    expect(element.shadowRoot.querySelectorAll('li')).toHaveLength(0);
  });

  it('flags a match that has not been confirmed for more than a week', async () => {
    const element = await mount(badgeState(fields({ syncedAt: '2026-11-02T06:00:00.000Z' }), NOW));
    expect($(element, 'state').textContent).toBe(label('badge.stale'));
    expect($(element, 'state').className).toContain('slds-theme_warning');
    expect($(element, 'description').textContent).toBe(label('badge.staleDesc', { days: 20 }));
  });

  it('shows Not at company as an error state and no explanation', async () => {
    const element = await mount(badgeState(fields({ notAtCompany: 'notAtCompany' }), NOW), { score });
    expect($(element, 'state').textContent).toBe('Not at company');
    expect($(element, 'state').className).toContain('slds-theme_error');
    expect($(element, 'why')).toBeNull();
  });
});
