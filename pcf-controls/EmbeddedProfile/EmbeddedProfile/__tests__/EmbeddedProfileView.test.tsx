import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DV, DV_VALUES, format, t } from '@navsync/shared-ts';
import { setIconOptions } from '@fluentui/react';
import { createMockContext } from '../__mocks__/mockContext';
import { EmbeddedProfile } from '../index';

// Icons come from the host (Dataverse registers Fluent's icon font); the test page has none.
setIconOptions({ disableWarnings: true });

const p = DV.person;
const tr = (key: string, params?: Record<string, string | number>) => format(t(key), params);

async function mount(options: Parameters<typeof createMockContext>[0]) {
  const mock = createMockContext(options);
  const control = new EmbeddedProfile();
  control.init(mock.context);
  const view = render(control.updateView(mock.context));
  await waitFor(() => expect(screen.queryByText(tr('profile.loading'))).toBeNull());
  return { ...mock, control, view };
}

describe('Embedded Profile control (rendered)', () => {
  test('shows photo, name and the Sales Navigator link of a matched contact', async () => {
    await mount({
      row: {
        fullname: 'Eva Jansen',
        [p.profileUrl]: 'https://www.linkedin.com/in/eva-jansen',
        [p.photoUrl]: 'https://media.licdn.com/eva.jpg',
        [p.matchSource]: DV_VALUES.matchSource.sync,
      },
    });
    expect(screen.getAllByText('Eva Jansen').length).toBeGreaterThan(0);
    expect(screen.getByRole('img', { name: tr('profile.photoAlt', { name: 'Eva Jansen' }) }).getAttribute('src')).toBe(
      'https://media.licdn.com/eva.jpg',
    );
    const link = screen.getByText(tr('profile.viewInSalesNavigator')).closest('a');
    expect(link?.getAttribute('href')).toBe('https://www.linkedin.com/in/eva-jansen');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('button', { name: tr('profile.unmatch') })).toBeTruthy();
  });

  test('a person who left the account gets the banner; Ignore writes Ignore and the banner disappears', async () => {
    const { webAPI } = await mount({
      row: {
        fullname: 'Eva Jansen',
        [p.profileUrl]: 'https://www.linkedin.com/in/eva-jansen',
        [p.notAtCompany]: DV_VALUES.notAtCompany.notAtCompany,
        '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso B.V.',
      },
    });
    expect(
      screen.getByText(tr('profile.notAtCompanyBanner', { name: 'Eva Jansen', company: 'Contoso B.V.' })),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: tr('profile.ignore') }));
    await waitFor(() =>
      expect(webAPI.updateRecord).toHaveBeenCalledWith('contact', expect.any(String), {
        [p.notAtCompany]: DV_VALUES.notAtCompany.ignore,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: tr('profile.ignore') })).toBeNull());
  });

  test('manual match: a pasted URL is stored and the link appears; a bad URL shows why', async () => {
    const { webAPI } = await mount({ row: { fullname: 'Eva Jansen' } });
    const input = screen.getByLabelText(tr('profile.matchLabel'));
    fireEvent.change(input, { target: { value: 'https://example.org/in/eva' } });
    fireEvent.click(screen.getByRole('button', { name: tr('profile.matchButton') }));
    expect(await screen.findByText(tr('profile.urlNotLinkedIn'))).toBeTruthy();
    expect(webAPI.updateRecord).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'linkedin.com/in/eva-jansen' } });
    fireEvent.click(screen.getByRole('button', { name: tr('profile.matchButton') }));
    const link = await screen.findByText(tr('profile.viewInSalesNavigator'));
    expect(link.closest('a')?.getAttribute('href')).toBe('https://www.linkedin.com/in/eva-jansen');
    expect(webAPI.updateRecord).toHaveBeenCalledWith(
      'contact',
      expect.any(String),
      expect.objectContaining({ [p.matchSource]: DV_VALUES.matchSource.manual }),
    );
    // One bar says it, not two ("Matched by hand…" and the badge's own "A user matched this record…").
    expect(await screen.findByText(tr('profile.matchSaved'))).toBeTruthy();
    expect(screen.queryByText(tr('badge.matchedByHandDesc'))).toBeNull();
    expect(document.querySelectorAll('.ms-MessageBar')).toHaveLength(1);
  });

  test('a new record asks to be saved first', async () => {
    await mount({ id: null });
    // Fluent's MessageBar renders its text after a short delay (for screen-reader announcements).
    expect(await screen.findByText(tr('dataverse.saveFirst'))).toBeTruthy();
  });

  test('with an API key the official Sales Navigator frame replaces the card', async () => {
    const { view } = await mount({ row: { fullname: 'Eva Jansen' }, inputs: { displayServicesApiKey: 'client123' } });
    const frame = view.container.querySelector('iframe');
    expect(frame?.getAttribute('src')).toMatch(
      /^https:\/\/www\.linkedin\.com\/sales\/widget\/profile-matching\?apiKey=client123/,
    );
  });

  test('the Sales Navigator frame gets the same sandbox as the Salesforce LWC frame', async () => {
    const { view } = await mount({ row: { fullname: 'Eva Jansen' }, inputs: { displayServicesApiKey: 'client123' } });
    const lwc = readFileSync(
      join(__dirname, '../../../../force-app/main/default/lwc/embeddedProfile/embeddedProfile.html'),
      'utf8',
    );
    const lwcSandbox = /<iframe[^>]*\ssandbox="([^"]+)"/.exec(lwc)?.[1];
    expect(lwcSandbox).toBeTruthy();
    expect(view.container.querySelector('iframe')?.getAttribute('sandbox')).toBe(lwcSandbox);
  });

  // Values a rep, an import or an associations file can leave in the profile URL column.
  const HOSTILE = [
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)//https://www.linkedin.com/in/eva',
    'data:text/html,<script>alert(1)</script>',
    'https://evil.example/in/eva-jansen',
    'https://www.linkedin.com.evil.example/in/eva-jansen',
    'http://www.linkedin.com/in/eva-jansen',
    '//www.linkedin.com/in/eva-jansen',
    'www.linkedin.com/in/eva-jansen',
    'https://www.linkedin.com/company/contoso',
    'https://www.linkedin.com/in/eva-jansen" onmouseover="alert(1)',
  ];

  test.each(HOSTILE)('a stored profile URL %j is shown as "no profile link", never as a link', async (stored) => {
    const { view } = await mount({
      row: {
        fullname: 'Eva Jansen',
        [p.profileUrl]: stored,
        [p.memberUrn]: 'urn:li:member:1',
        [p.matchSource]: DV_VALUES.matchSource.sync,
      },
    });
    expect(await screen.findByText(tr('profile.noProfileLink'))).toBeTruthy();
    expect(screen.queryByText(tr('profile.viewInSalesNavigator'))).toBeNull();
    for (const a of Array.from(view.container.querySelectorAll('a[href]'))) {
      expect(a.getAttribute('href')).toMatch(/^https:\/\/www\.linkedin\.com\//);
    }
    expect(view.container.innerHTML).not.toContain(stored);
  });

  test('a stored profile URL is linked in its canonical form only', async () => {
    await mount({
      row: {
        fullname: 'Eva Jansen',
        [p.profileUrl]: 'https://nl.linkedin.com/in/Eva-Jansen/?trk=x#frag',
        [p.matchSource]: DV_VALUES.matchSource.sync,
      },
    });
    const link = screen.getByText(tr('profile.viewInSalesNavigator')).closest('a');
    expect(link?.getAttribute('href')).toBe('https://www.linkedin.com/in/eva-jansen');
    expect(screen.queryByText(tr('profile.noProfileLink'))).toBeNull();
  });

  test('a photo from anywhere but LinkedIn’s media CDN is not loaded', async () => {
    const { view } = await mount({
      row: {
        fullname: 'Eva Jansen',
        [p.photoUrl]: 'https://tracker.example/pixel.gif',
        [p.profileUrl]: 'https://www.linkedin.com/in/eva-jansen',
      },
    });
    expect(view.container.querySelector('img')).toBeNull();
    expect(view.container.innerHTML).not.toContain('tracker.example');
  });

  test('renders in the user’s language with lang set on the control (German user)', async () => {
    const de = (key: string, params?: Record<string, string | number>) => format(t(key, 'de'), params);
    const { view } = await mount({ row: { fullname: 'Eva Jansen' }, locale: 'de' });
    expect(view.container.querySelector('.navsync-ep')?.getAttribute('lang')).toBe('de');
    expect(screen.getByRole('button', { name: de('profile.matchButton') })).toBeTruthy();
  });

  describe('why this match', () => {
    // As the sync stores it: e-mail 35 (same value), current company 25, last name 20, first name 12, title 8.
    const STORED = 'p1|h|100|em35x|fn12x|ln20x|cc25x|ct8x';
    const scored = {
      fullname: 'Eva Jansen',
      [p.memberUrn]: 'urn:li:member:1',
      [p.profileUrl]: 'https://www.linkedin.com/in/eva-jansen',
      [p.matchSource]: DV_VALUES.matchSource.sync,
      [p.matchScore]: STORED,
    };
    const lineTexts = (container: HTMLElement) =>
      Array.from(container.querySelectorAll('.navsync-ep-why li')).map((li) => li.textContent ?? '');

    test.each(['en', 'de'] as const)(
      'a sync match explains its stored score: per-criterion points adding up to the total shown (%s)',
      async (locale) => {
        const say = (key: string, params?: Record<string, string | number>) => format(t(key, locale), params);
        const { view, webAPI } = await mount({ row: scored, locale });
        expect(String(webAPI.retrieveRecord.mock.calls[0][2])).toContain(p.matchScore);
        const toggle = screen.getByRole('button', { name: say('badge.whyTitle') });
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(view.container.querySelector('.navsync-ep-why')).toBeNull();

        fireEvent.click(toggle);
        expect(toggle.getAttribute('aria-expanded')).toBe('true');
        const panel = view.container.querySelector('.navsync-ep-why') as HTMLElement;
        expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
        expect(
          screen.getByText(`${say('badge.whyTotal', { total: 100 })} · ${say('matching.confidenceHigh')}`),
        ).toBeTruthy();
        const line = (criterion: string, points: number) =>
          say('common.labelValue', {
            label: say(`matching.criterion${criterion}`),
            value: say('badge.whyShare', { points, share: points }),
          }) + ` (${say('matching.levelExact')})`;
        const shown: [string, number][] = [
          ['Email', 35],
          ['CurrentCompany', 25],
          ['LastName', 20],
          ['FirstName', 12],
          ['CurrentTitle', 8],
        ];
        expect(lineTexts(panel)).toEqual(shown.map(([c, n]) => line(c, n)));
        expect(shown.reduce((sum, [, n]) => sum + n, 0)).toBe(100);
        expect(
          screen.getByText(
            say('badge.whyNotCompared', {
              criteria: ['Phone', 'PastCompany', 'PastTitle'].map((c) => say(`matching.criterion${c}`)).join(', '),
            }),
          ),
        ).toBeTruthy();

        fireEvent.click(toggle);
        expect(toggle.getAttribute('aria-expanded')).toBe('false');
        expect(view.container.querySelector('.navsync-ep-why')).toBeNull();
      },
    );

    test('a match by hand says there is no score to explain', async () => {
      await mount({ row: { ...scored, [p.matchSource]: DV_VALUES.matchSource.manual } });
      fireEvent.click(screen.getByRole('button', { name: tr('badge.whyTitle') }));
      expect(screen.getByText(tr('badge.whyManual'))).toBeTruthy();
      expect(screen.queryByText(tr('badge.whyTotal', { total: 100 }), { exact: false })).toBeNull();
    });

    test.each([
      ['no stored score', null],
      ['a stored text that is not a score', 'p1|h|99|em35x'],
      ['an account score on a person', 'a1|h|30|nm30x'],
    ])('a sync match with %s offers no explanation', async (_what, stored) => {
      await mount({ row: { ...scored, [p.matchScore]: stored } });
      expect(screen.getByRole('button', { name: tr('profile.unmatch') })).toBeTruthy();
      expect(screen.queryByRole('button', { name: tr('badge.whyTitle') })).toBeNull();
    });

    test('a record that is not matched has nothing to explain', async () => {
      await mount({ row: { fullname: 'Eva Jansen', [p.matchScore]: STORED } });
      expect(screen.queryByRole('button', { name: tr('badge.whyTitle') })).toBeNull();
    });
  });

  describe('on account and opportunity forms', () => {
    test('an account shows the company card with its LinkedIn page from the stored company URN', async () => {
      const { view } = await mount({
        entity: 'account',
        row: { name: 'Contoso B.V.', [DV.account.companyUrn]: 'urn:li:organization:1035' },
      });
      expect(screen.getAllByText('Contoso B.V.').length).toBeGreaterThan(0);
      expect(screen.getAllByText(tr('profile.companyLinked')).length).toBeGreaterThan(0);
      expect(screen.getByText(tr('profile.viewCompany')).closest('a')?.getAttribute('href')).toBe(
        'https://www.linkedin.com/company/1035',
      );
      // No person parts: no manual match field, no person badge.
      expect(screen.queryByLabelText(tr('profile.matchLabel'))).toBeNull();
      expect(view.container.querySelectorAll('a[href]')).toHaveLength(1);
    });

    test('an account without (or with a malformed) company URN is "not linked", with no link', async () => {
      const { view } = await mount({
        entity: 'account',
        row: { name: 'Contoso B.V.', [DV.account.companyUrn]: 'javascript:alert(1)' },
      });
      expect(screen.getAllByText(tr('profile.companyNotLinked')).length).toBeGreaterThan(0);
      expect(view.container.querySelector('a[href]')).toBeNull();
    });

    test('an opportunity lists its contact first, then the account’s people, each with badge and only LinkedIn links', async () => {
      const account = 'a0000000-0000-0000-0000-00000000000a';
      const eva = 'c0000000-0000-0000-0000-000000000001';
      const { view } = await mount({
        entity: 'opportunity',
        row: { name: 'Renewal 2027', _parentcontactid_value: eva, _parentaccountid_value: account },
        others: {
          [`contact:${eva}`]: {
            fullname: 'Eva Jansen',
            [p.profileUrl]: 'https://www.linkedin.com/in/eva-jansen',
            [p.matchSource]: DV_VALUES.matchSource.sync,
          },
          'contact:c0000000-0000-0000-0000-000000000002': {
            fullname: 'Anna de Vries',
            _parentcustomerid_value: account,
            [p.profileUrl]: 'javascript:alert(1)',
          },
          'contact:c0000000-0000-0000-0000-000000000003': {
            fullname: 'Someone Else',
            _parentcustomerid_value: 'elsewhere',
          },
        },
      });
      expect(screen.getByText(tr('profile.peopleTitle'))).toBeTruthy();
      const names = Array.from(view.container.querySelectorAll('.navsync-ep-people li')).map(
        (li) => li.textContent ?? '',
      );
      expect(names).toHaveLength(2);
      expect(names[0]).toContain('Eva Jansen');
      expect(names[0]).toContain(tr('badge.matchedBySync'));
      expect(names[1]).toContain('Anna de Vries');
      expect(names[1]).toContain(tr('badge.notMatched'));
      const hrefs = Array.from(view.container.querySelectorAll('a[href]')).map((a) => a.getAttribute('href'));
      expect(hrefs).toEqual(['https://www.linkedin.com/in/eva-jansen']);
    });

    test('an opportunity without contacts says so', async () => {
      await mount({ entity: 'opportunity', row: { name: 'New deal' } });
      expect(screen.getByText(tr('profile.noPeople'))).toBeTruthy();
    });
  });
});
