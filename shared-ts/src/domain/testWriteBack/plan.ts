import { t, type Locale } from '../i18n/index';
import type { NavSyncSettings } from '../settings/model';
import { activityKey } from '../writeback/key';
import { ACTIVITY_KIND_LABEL, ACTIVITY_KINDS, type ActivityKind } from '../writeback/kinds';
import {
  planWriteback,
  WRITEBACK_RETROACTIVE_FROM,
  type SalesNavActivity,
  type WritebackPlan,
} from '../writeback/plan';

/**
 * Test Write-Back: the admin's one-click check that NavSync can write into the CRM. It creates one clearly named
 * test contact, writes one test activity of each enabled kind on it through the real write-back rules, and then
 * removes everything it created (activities first, then the contact).
 */
export interface TestWriteBackInput {
  crm: 'salesforce' | 'dataverse';
  settings: Pick<NavSyncSettings, 'writeBackEnabled' | 'writeBackItems'>;
  /** CRM user id that owns the test records (the admin running the test). */
  ownerId: string;
  /** ISO time of the run: names and ids derive from it, so a plan is reproducible. */
  runAt: string;
  locale: Locale;
  /** Give the test contact an e-mail address (rerun option when a rule requires one). Default: no e-mail. */
  includeEmail?: boolean;
  /** Put the test contact on this account (for orgs that require one). */
  accountId?: string | null;
}

export interface TestContact {
  firstName: string;
  lastName: string;
  email: string | null;
  description: string;
  ownerId: string;
  accountId: string | null;
}

export type TestCleanupStep =
  | { step: 'deleteActivity'; kind: ActivityKind; key: string }
  | { step: 'deleteNote'; key: string }
  | { step: 'deleteContact' };

export interface TestWriteBackPlan {
  ok: boolean;
  /** i18n key of the reason when there is nothing to test. */
  errorKey: string | null;
  runId: string;
  kinds: ActivityKind[];
  contact: TestContact;
  /** One per enabled kind; calls as from the mobile app (the only calls that are written back). */
  activities: SalesNavActivity[];
  /** What to remove afterwards, in order. Salesforce notes also have a ContentNote to delete. */
  cleanup: TestCleanupStep[];
}

/** `navsync-test-yyyymmddthhmmssz` of the run time (plain `navsync-test` for an unreadable time). */
function runIdOf(runAt: string): string {
  const ms = Date.parse(runAt);
  if (Number.isNaN(ms)) return 'navsync-test';
  return `navsync-test-${new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
    .toLowerCase()}`;
}

export function planTestWriteBack(input: TestWriteBackInput): TestWriteBackPlan {
  const s = input.settings;
  const kinds: ActivityKind[] = !s.writeBackEnabled
    ? []
    : ACTIVITY_KINDS.filter((k) => s.writeBackItems === 'all' || s.writeBackItems.indexOf(k) >= 0);
  const runId = runIdOf(input.runAt);
  const stamp = runId.replace('navsync-test-', '');
  const L = input.locale;
  const contact: TestContact = {
    firstName: t('testWriteBack.contactFirstName', L),
    lastName: t('testWriteBack.contactLastName', L, { run: stamp }),
    email: input.includeEmail ? `${runId}@example.com` : null,
    description: t('testWriteBack.contactDescription', L),
    ownerId: input.ownerId,
    accountId: input.accountId || null,
  };
  const runMs = Date.parse(input.runAt);
  const when = Number.isNaN(runMs) ? WRITEBACK_RETROACTIVE_FROM : new Date(runMs).toISOString();
  const activities: SalesNavActivity[] = kinds.map((kind) => {
    const label = t(ACTIVITY_KIND_LABEL[kind], L);
    return {
      id: `${runId}-${kind}`,
      kind,
      channel: kind === 'call' ? 'mobile' : 'desktop',
      seatHolderId: input.ownerId,
      occurredAt: when,
      subject: t('testWriteBack.activitySubject', L, { kind: label }),
      body: t('testWriteBack.activityBody', L, { kind: label }),
      person: { memberUrn: null, name: `${contact.firstName} ${contact.lastName}` },
      optOut: false,
    };
  });
  const cleanup: TestCleanupStep[] = [];
  for (const a of activities) {
    const key = activityKey(a.id, a.kind);
    if (a.kind === 'note' && input.crm === 'salesforce') cleanup.push({ step: 'deleteNote', key });
    cleanup.push({ step: 'deleteActivity', kind: a.kind, key });
  }
  cleanup.push({ step: 'deleteContact' });
  return {
    ok: kinds.length > 0,
    errorKey: kinds.length > 0 ? null : 'testWriteBack.noItems',
    runId,
    kinds,
    contact,
    activities,
    cleanup,
  };
}

/**
 * The write-back plans of the test activities on the created test contact: the same rules as real write-back
 * (keys, subjects, owner, completed on a matched person), without the reps' opt-outs — it is the admin's test.
 */
export function planTestActivities(
  plan: TestWriteBackPlan,
  crm: 'salesforce' | 'dataverse',
  contactId: string,
  locale: Locale,
): WritebackPlan[] {
  const out: WritebackPlan[] = [];
  for (const a of plan.activities) {
    const d = planWriteback(
      a,
      { id: contactId, kind: 'contact', accountId: plan.contact.accountId },
      {
        crm,
        settings: { writeBackEnabled: true, writeBackItems: plan.kinds },
        repOptOut: [],
        locale,
      },
    );
    if (d.outcome === 'write') out.push(d.plan);
  }
  return out;
}

/** The Salesforce Contact to insert. */
export function testContactSalesforce(c: TestContact): Record<string, string | null> {
  const rec: Record<string, string | null> = {
    FirstName: c.firstName,
    LastName: c.lastName,
    Description: c.description,
    OwnerId: c.ownerId,
  };
  if (c.email) rec.Email = c.email;
  if (c.accountId) rec.AccountId = c.accountId;
  return rec;
}

/** The Dataverse contact to create (POST contacts). */
export function testContactDataverse(c: TestContact): Record<string, string | null> {
  const rec: Record<string, string | null> = {
    firstname: c.firstName,
    lastname: c.lastName,
    description: c.description,
    'ownerid@odata.bind': `/systemusers(${c.ownerId})`,
  };
  if (c.email) rec.emailaddress1 = c.email;
  if (c.accountId) rec['parentcustomerid_account@odata.bind'] = `/accounts(${c.accountId})`;
  return rec;
}
