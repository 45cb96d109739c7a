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
import { isWebApiError, type WebApi } from '../dataValidation/webApi';

/**
 * Test Write-Back from the settings page: create the core's test contact, write one test activity of each enabled
 * kind through the real write-back rendering (PATCH upsert by derived id), and keep them so the admin can open
 * each one in Dynamics; `removeTestRecords` deletes them afterwards (activities first, then the contact). A run
 * that fails removes at once what it made. A failure is explained with the core's diagnosis (e.g. a rule that
 * requires an e-mail address on contacts, whose remedy is a test e-mail address).
 */

/** A record the test made: its table's logical name (for the record URL), its id and its Web API path. */
export interface TestRecord {
  table: string;
  id: string;
  path: string;
}

export interface TestWriteBackStepResult {
  /** i18n text of the step. */
  label: string;
  ok: boolean;
  /** The record to open for this step (a note opens on its contact: notes have no form of their own). */
  record?: TestRecord;
}

export interface TestWriteBackOutcome {
  ok: boolean;
  steps: TestWriteBackStepResult[];
  /** Summary line (records kept to look at, nothing to test, or where it failed). */
  summary: string;
  failure: TestWriteBackMessage | null;
  /** What is still in Dataverse, in creation order (empty after a failed run: it cleaned up). */
  created: TestRecord[];
}

function failureOf(err: unknown): { httpStatus: number; code: string; message: string } {
  if (isWebApiError(err)) return { httpStatus: err.status, code: err.code, message: err.message };
  return { httpStatus: 0, code: '', message: err instanceof Error ? err.message : String(err) };
}

/** Deletes the test records, last made first; returns those that could not be removed. */
export async function removeTestRecords(api: WebApi, created: readonly TestRecord[]): Promise<TestRecord[]> {
  const left: TestRecord[] = [];
  for (const c of [...created].reverse()) {
    try {
      await api.request('DELETE', c.path);
    } catch {
      left.push(c);
    }
  }
  return left;
}

export async function runTestWriteBack(
  api: WebApi,
  input: {
    settings: NavSyncSettings;
    ownerId: string;
    locale: Locale;
    now?: () => Date;
    /** An address for the test contact (orgs whose rule requires one); empty: none. */
    testEmail?: string;
  },
): Promise<TestWriteBackOutcome> {
  const { locale } = input;
  const plan = planTestWriteBack({
    crm: 'dataverse',
    settings: input.settings,
    ownerId: input.ownerId,
    runAt: (input.now ?? (() => new Date()))().toISOString(),
    locale,
  });
  if (!plan.ok)
    return {
      ok: false,
      steps: [],
      summary: t(plan.errorKey ?? 'testWriteBack.noItems', locale),
      failure: null,
      created: [],
    };

  const steps: TestWriteBackStepResult[] = [];
  const created: TestRecord[] = [];
  const fail = async (
    step: 'contact' | 'activity',
    label: string,
    err: unknown,
    kind?: (typeof plan.kinds)[number],
  ): Promise<TestWriteBackOutcome> => {
    steps.push({ label, ok: false });
    const diagnosis = diagnoseTestWriteBack({ crm: 'dataverse', step, kind, ...failureOf(err) });
    const left = await removeTestRecords(api, created);
    const summary = t('testWriteBack.failedAt', locale, { step: label });
    return {
      ok: false,
      steps,
      summary: left.length
        ? `${summary} ${t('testWriteBack.leftBehind', locale, { records: left.map((r) => r.path).join(', ') })}`
        : summary,
      failure: describeTestWriteBackFailure(diagnosis, locale),
      created: left.reverse(),
    };
  };

  const contactLabel = t('testWriteBack.stepContact', locale);
  const contact = { ...plan.contact, email: input.testEmail?.trim() || plan.contact.email };
  let contactRecord: TestRecord;
  try {
    const res = await api.request('POST', 'contacts', testContactDataverse(contact), {
      Prefer: 'return=representation',
    });
    const id = String((res.body as Record<string, unknown>).contactid);
    contactRecord = { table: 'contact', id, path: `contacts(${id})` };
    created.push(contactRecord);
    steps.push({ label: contactLabel, ok: true, record: contactRecord });
  } catch (err) {
    return fail('contact', contactLabel, err);
  }

  for (const activity of planTestActivities(plan, 'dataverse', contactRecord.id, locale)) {
    const label = t('testWriteBack.stepActivity', locale, { kind: t(ACTIVITY_KIND_LABEL[activity.type], locale) });
    const dv = dataverseActivity(activity);
    const table = DV_WRITEBACK_TABLES[activity.type];
    try {
      await api.request('PATCH', `${dv.entitySet}(${dv.id})`, dv.record);
      const id = dataverseActivityId(activity.key);
      const record = { table: table.table, id, path: `${table.entitySet}(${id})` };
      created.push(record);
      // A note (annotation) has no form in the app: it is seen on its contact's timeline.
      steps.push({ label, ok: true, record: table.isActivity ? record : contactRecord });
    } catch (err) {
      return fail('activity', label, err, activity.type);
    }
  }

  return {
    ok: true,
    steps,
    summary: t('testWriteBack.kept', locale, {
      count: created.length - 1,
      contact: `${contact.firstName} ${contact.lastName}`,
    }),
    failure: null,
    created,
  };
}
