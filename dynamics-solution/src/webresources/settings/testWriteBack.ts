import {
  ACTIVITY_KIND_LABEL,
  DV_WRITEBACK_TABLES,
  dataverseActivity,
  dataverseActivityId,
  describeTestWriteBackFailure,
  diagnoseTestWriteBack,
  planTestActivities,
  planTestWriteBack,
  testContactDataverse,
  t,
  type Locale,
  type NavSyncSettings,
  type TestWriteBackMessage,
} from '@navsync/shared-ts';
import { WebApiError, type WebApi } from '../dataValidation/webApi';

/**
 * Test Write-Back from the settings page: create the core's test contact, write one test activity of each enabled
 * kind through the real write-back rendering (PATCH upsert by derived id), then remove everything it made. A
 * failure is explained with the core's diagnosis (e.g. a rule that requires an e-mail address on contacts).
 */

export interface TestWriteBackStepResult {
  /** i18n text of the step. */
  label: string;
  ok: boolean;
}

export interface TestWriteBackOutcome {
  ok: boolean;
  steps: TestWriteBackStepResult[];
  /** Summary line (success, nothing to test, or where it failed). */
  summary: string;
  failure: TestWriteBackMessage | null;
}

function failureOf(err: unknown): { httpStatus: number; code: string; message: string } {
  if (err instanceof WebApiError) return { httpStatus: err.status, code: err.code, message: err.message };
  return { httpStatus: 0, code: '', message: err instanceof Error ? err.message : String(err) };
}

export async function runTestWriteBack(
  api: WebApi,
  input: { settings: NavSyncSettings; ownerId: string; locale: Locale; now?: () => Date; includeEmail?: boolean },
): Promise<TestWriteBackOutcome> {
  const { locale } = input;
  const plan = planTestWriteBack({
    crm: 'dataverse',
    settings: input.settings,
    ownerId: input.ownerId,
    runAt: (input.now ?? (() => new Date()))().toISOString(),
    locale,
    includeEmail: input.includeEmail,
  });
  if (!plan.ok) return { ok: false, steps: [], summary: t(plan.errorKey ?? 'testWriteBack.noItems', locale), failure: null };

  const steps: TestWriteBackStepResult[] = [];
  const created: { path: string }[] = [];
  const fail = (step: 'contact' | 'activity' | 'cleanup', label: string, err: unknown, kind?: (typeof plan.kinds)[number]) => {
    steps.push({ label, ok: false });
    const diagnosis = diagnoseTestWriteBack({ crm: 'dataverse', step, kind, ...failureOf(err) });
    return { summary: t('testWriteBack.failedAt', locale, { step: label }), failure: describeTestWriteBackFailure(diagnosis, locale) };
  };
  const cleanUp = async (): Promise<boolean> => {
    let ok = true;
    // Activities first, then the contact (plan order).
    for (const c of created.reverse()) {
      try {
        await api.request('DELETE', c.path);
      } catch {
        ok = false;
      }
    }
    return ok;
  };

  const contactLabel = t('testWriteBack.stepContact', locale);
  let contactId: string;
  try {
    const res = await api.request('POST', 'contacts', testContactDataverse(plan.contact), { Prefer: 'return=representation' });
    contactId = String((res.body as Record<string, unknown>).contactid);
    created.push({ path: `contacts(${contactId})` });
    steps.push({ label: contactLabel, ok: true });
  } catch (err) {
    return { ok: false, steps, ...fail('contact', contactLabel, err) };
  }

  for (const activity of planTestActivities(plan, 'dataverse', contactId, locale)) {
    const label = t('testWriteBack.stepActivity', locale, { kind: t(ACTIVITY_KIND_LABEL[activity.type], locale) });
    const dv = dataverseActivity(activity);
    try {
      await api.request('PATCH', `${dv.entitySet}(${dv.id})`, dv.record);
      created.push({ path: `${DV_WRITEBACK_TABLES[activity.type].entitySet}(${dataverseActivityId(activity.key)})` });
      steps.push({ label, ok: true });
    } catch (err) {
      const out = fail('activity', label, err, activity.type);
      await cleanUp();
      return { ok: false, steps, ...out };
    }
  }

  const cleanupLabel = t('testWriteBack.stepCleanup', locale);
  const cleaned = await cleanUp();
  steps.push({ label: cleanupLabel, ok: cleaned });
  if (!cleaned) return { ok: false, steps, summary: t('testWriteBack.failedAt', locale, { step: cleanupLabel }), failure: null };
  return { ok: true, steps, summary: t('testWriteBack.succeeded', locale, { count: created.length - 1 }), failure: null };
}
