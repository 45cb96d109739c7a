import * as React from 'react';
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
    expect(screen.getByRole('img', { name: tr('profile.photoAlt', { name: 'Eva Jansen' }) }).getAttribute('src')).toBe('https://media.licdn.com/eva.jpg');
    const link = screen.getByText(tr('profile.viewInSalesNavigator')).closest('a');
    expect(link?.getAttribute('href')).toBe('https://www.linkedin.com/in/eva-jansen');
    expect(link?.getAttribute('target')).toBe('_blank');
    expect(screen.getByRole('button', { name: tr('profile.unmatch') })).toBeTruthy();
  });

  test('a person who left the account gets the banner; Ignore writes Ignore and the banner disappears', async () => {
    const { webAPI } = await mount({
      row: { fullname: 'Eva Jansen', [p.profileUrl]: 'https://www.linkedin.com/in/eva-jansen', [p.notAtCompany]: DV_VALUES.notAtCompany.notAtCompany, '_parentcustomerid_value@OData.Community.Display.V1.FormattedValue': 'Contoso B.V.' },
    });
    expect(screen.getByText(tr('profile.notAtCompanyBanner', { name: 'Eva Jansen', company: 'Contoso B.V.' }))).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: tr('profile.ignore') }));
    await waitFor(() => expect(webAPI.updateRecord).toHaveBeenCalledWith('contact', expect.any(String), { [p.notAtCompany]: DV_VALUES.notAtCompany.ignore }));
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
    expect(webAPI.updateRecord).toHaveBeenCalledWith('contact', expect.any(String), expect.objectContaining({ [p.matchSource]: DV_VALUES.matchSource.manual }));
  });

  test('a new record asks to be saved first', async () => {
    await mount({ id: null });
    expect(screen.getByText(tr('dataverse.saveFirst'))).toBeTruthy();
  });

  test('with an API key the official Sales Navigator frame replaces the card', async () => {
    const { view } = await mount({ row: { fullname: 'Eva Jansen' }, inputs: { displayServicesApiKey: 'client123' } });
    const frame = view.container.querySelector('iframe');
    expect(frame?.getAttribute('src')).toMatch(/^https:\/\/www\.linkedin\.com\/sales\/widget\/profile-matching\?apiKey=client123/);
  });
});
