import { DV, DV_VALUES, t } from '@navsync/shared-ts';
import { userLocale } from '../locale';

/**
 * Contact form script (handler `NavSync.ContactForm.onLoad`, pass the execution context): when LinkedIn says the
 * contact is no longer at their account, show a form notification and two actions on the account field:
 * "Update account" (pick the new account; the flag goes back to No feedback until the next validation) and
 * "Ignore" (the rep's Ignore is never overwritten by the sync).
 */

/** The texts the form shows (its bundle carries only these, in five languages: it loads with every contact form). */
export const FORM_TEXT = {
  notAtCompany: 'dataverse.formNotAtCompany',
  updateAccount: 'dataverse.formUpdateAccount',
  ignore: 'dataverse.formIgnore',
} as const;

export const NOTIFICATION_ID = 'navsync-notatcompany';
export const UPDATE_ID = 'navsync-update-account';
export const IGNORE_ID = 'navsync-ignore';
const ACCOUNT = 'parentcustomerid';

type Form = Xrm.FormContext;

function flagAttribute(form: Form): Xrm.Attributes.OptionSetAttribute | null {
  return form.getAttribute<Xrm.Attributes.OptionSetAttribute>(DV.person.notAtCompany);
}

export function refresh(form: Form): void {
  const account = form.getControl<Xrm.Controls.LookupControl>(ACCOUNT);
  form.ui.clearFormNotification(NOTIFICATION_ID);
  account?.clearNotification(UPDATE_ID);
  account?.clearNotification(IGNORE_ID);
  if (flagAttribute(form)?.getValue() !== DV_VALUES.notAtCompany.notAtCompany) return;

  const locale = userLocale();
  const current = form.getAttribute<Xrm.Attributes.LookupAttribute>(ACCOUNT)?.getValue();
  const company = current?.[0]?.name ?? '';
  form.ui.setFormNotification(t(FORM_TEXT.notAtCompany, locale, { company }), 'WARNING', NOTIFICATION_ID);
  const action = (uniqueId: string, key: string, run: () => Promise<void>) => {
    const text = t(key, locale);
    account?.addNotification({
      uniqueId,
      messages: [text],
      notificationLevel: 'RECOMMENDATION',
      actions: [{ message: text, actions: [() => void run()] }],
    });
  };
  action(UPDATE_ID, FORM_TEXT.updateAccount, () => updateAccount(form));
  action(IGNORE_ID, FORM_TEXT.ignore, () => ignore(form));
}

export async function updateAccount(form: Form): Promise<void> {
  const picked = await Xrm.Utility.lookupObjects({
    entityTypes: ['account'],
    defaultEntityType: 'account',
    allowMultiSelect: false,
  });
  const chosen = picked?.[0];
  if (!chosen) return; // the rep closed the dialog: nothing changes
  form
    .getAttribute<Xrm.Attributes.LookupAttribute>(ACCOUNT)
    ?.setValue([{ id: chosen.id, name: chosen.name, entityType: 'account' }]);
  flagAttribute(form)?.setValue(DV_VALUES.notAtCompany.noFeedback);
  refresh(form);
  await form.data.save();
}

export async function ignore(form: Form): Promise<void> {
  flagAttribute(form)?.setValue(DV_VALUES.notAtCompany.ignore);
  refresh(form);
  await form.data.save();
}

export function onLoad(executionContext: Xrm.Events.EventContext): void {
  const form = executionContext.getFormContext();
  refresh(form);
  flagAttribute(form)?.addOnChange(() => refresh(form));
}
