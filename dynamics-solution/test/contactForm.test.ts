import { XrmMockGenerator } from 'xrm-mock';
import { DV, DV_VALUES } from '@navsync/shared-ts';
import { IGNORE_ID, NOTIFICATION_ID, UPDATE_ID, onLoad } from '../src/webresources/forms/contactForm';

const FLAG = DV.person.notAtCompany;

function setUp(flag: number | null, languageId = 1033) {
  XrmMockGenerator.initialise();
  XrmMockGenerator.Attribute.createOptionSet(FLAG, flag ?? (undefined as any), [
    { text: 'No feedback', value: DV_VALUES.notAtCompany.noFeedback },
    { text: 'Not at company', value: DV_VALUES.notAtCompany.notAtCompany },
    { text: 'Ignore', value: DV_VALUES.notAtCompany.ignore },
  ]);
  if (flag === null) XrmMockGenerator.formContext.getAttribute(FLAG).setValue(null);
  XrmMockGenerator.Attribute.createLookup(
    { name: 'parentcustomerid', value: [{ id: '{A1}', name: 'Contoso B.V.', entityType: 'account' }] },
    { name: 'parentcustomerid' } as any,
  );
  jest.spyOn(Xrm.Utility, 'getGlobalContext').mockReturnValue({ userSettings: { languageId } } as any);
  const save = jest.spyOn(XrmMockGenerator.formContext.data, 'save').mockResolvedValue(undefined as any);
  const form = XrmMockGenerator.formContext;
  return { form, save, accountControl: form.getControl('parentcustomerid') as any, ui: form.ui as any };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => jest.restoreAllMocks());

describe('contact form script', () => {
  test('shows nothing when the contact has no feedback', () => {
    const { ui, accountControl } = setUp(DV_VALUES.notAtCompany.noFeedback);
    onLoad(XrmMockGenerator.getEventContext());
    expect(ui.formNotifications ?? []).toHaveLength(0);
    expect(accountControl.getNotifications()).toHaveLength(0);
  });

  test('shows nothing for an empty flag or after the rep chose Ignore', () => {
    for (const value of [null, DV_VALUES.notAtCompany.ignore]) {
      const { ui } = setUp(value);
      onLoad(XrmMockGenerator.getEventContext());
      expect(ui.formNotifications ?? []).toHaveLength(0);
    }
  });

  test('warns on the form, naming the account, with Update account and Ignore on the account field', () => {
    const { ui, accountControl } = setUp(DV_VALUES.notAtCompany.notAtCompany);
    onLoad(XrmMockGenerator.getEventContext());
    expect(ui.formNotifications).toEqual([
      expect.objectContaining({
        uniqueId: NOTIFICATION_ID,
        level: 'WARNING',
        message: 'LinkedIn shows that Contoso B.V. is no longer this contact’s employer.',
      }),
    ]);
    const notes = accountControl.getNotifications();
    expect(notes.map((n: any) => [n.uniqueId, n.notificationLevel, n.messages[0]])).toEqual([
      [UPDATE_ID, 'RECOMMENDATION', 'Update account'],
      [IGNORE_ID, 'RECOMMENDATION', 'Ignore'],
    ]);
  });

  test('speaks the user’s language (German user)', () => {
    const { ui, accountControl } = setUp(DV_VALUES.notAtCompany.notAtCompany, 1031);
    onLoad(XrmMockGenerator.getEventContext());
    expect(ui.formNotifications[0].message).toBe(
      'Laut LinkedIn ist Contoso B.V. nicht mehr der Arbeitgeber dieses Kontakts.',
    );
    expect(accountControl.getNotifications()[0].messages[0]).toBe('Firma aktualisieren');
  });

  test('Update account: the picked account replaces the old one, the flag resets to No feedback, the form saves', async () => {
    const { form, save, ui, accountControl } = setUp(DV_VALUES.notAtCompany.notAtCompany);
    const lookup = jest
      .spyOn(Xrm.Utility, 'lookupObjects')
      .mockResolvedValue([{ id: '{B2}', name: 'Fabrikam GmbH', entityType: 'account' }]);
    onLoad(XrmMockGenerator.getEventContext());
    accountControl.applyNotification(); // the rep clicks the first recommendation
    await flush();
    expect(lookup).toHaveBeenCalledWith(expect.objectContaining({ entityTypes: ['account'], allowMultiSelect: false }));
    expect(form.getAttribute('parentcustomerid').getValue()).toEqual([
      { id: '{B2}', name: 'Fabrikam GmbH', entityType: 'account' },
    ]);
    expect(form.getAttribute(FLAG).getValue()).toBe(DV_VALUES.notAtCompany.noFeedback);
    expect(save).toHaveBeenCalledTimes(1);
    expect(ui.formNotifications ?? []).toHaveLength(0);
    expect(accountControl.getNotifications()).toHaveLength(0);
  });

  test('Update account cancelled: nothing changes and nothing is saved', async () => {
    const { form, save, accountControl } = setUp(DV_VALUES.notAtCompany.notAtCompany);
    jest.spyOn(Xrm.Utility, 'lookupObjects').mockResolvedValue([]);
    onLoad(XrmMockGenerator.getEventContext());
    accountControl.applyNotification();
    await flush();
    expect(form.getAttribute(FLAG).getValue()).toBe(DV_VALUES.notAtCompany.notAtCompany);
    expect((form.getAttribute('parentcustomerid').getValue() as Xrm.LookupValue[])[0].name).toBe('Contoso B.V.');
    expect(save).not.toHaveBeenCalled();
  });

  test('Ignore: the flag becomes Ignore, the warning goes away and the form saves', async () => {
    const { form, save, ui, accountControl } = setUp(DV_VALUES.notAtCompany.notAtCompany);
    onLoad(XrmMockGenerator.getEventContext());
    accountControl.clearNotification(UPDATE_ID); // make Ignore the first recommendation, as if clicked
    accountControl.applyNotification();
    await flush();
    expect(form.getAttribute(FLAG).getValue()).toBe(DV_VALUES.notAtCompany.ignore);
    expect(save).toHaveBeenCalledTimes(1);
    expect(ui.formNotifications ?? []).toHaveLength(0);
  });

  test('reacts when the flag changes while the form is open', () => {
    const { form, ui } = setUp(DV_VALUES.notAtCompany.noFeedback);
    onLoad(XrmMockGenerator.getEventContext());
    form.getAttribute(FLAG).setValue(DV_VALUES.notAtCompany.notAtCompany);
    form.getAttribute(FLAG).fireOnChange();
    expect(ui.formNotifications).toHaveLength(1);
  });
});
