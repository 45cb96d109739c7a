// Shared by the fault suite: a small demo world in fresh doubles, and a snapshot of what the CRM holds, so each
// test can assert that no record was lost or doubled compared with a fault-free run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DV, SF } from '../../src/domain/crmSchema';
import { generateDemoData, type DemoData } from '../../src/demo/dataset';
import { startDemoEnvironment, type DemoEnvironment } from '../../src/demo/environment';
import type { DemoCrm } from '../../src/demo/ids';

/** ~300 people over 40 accounts: every kind of row and activity, small enough for many runs. */
export function smallWorld(): DemoData {
  return generateDemoData({ accounts: 40, peoplePerAccount: 6, leads: 80 });
}

export interface Env extends DemoEnvironment {
  cleanup(): Promise<void>;
}

export async function startEnv(
  data: DemoData = smallWorld(),
  opts: { salesforceQueryPageSize?: number } = {},
): Promise<Env> {
  const dir = mkdtempSync(join(tmpdir(), 'navsync-faults-'));
  const env = await startDemoEnvironment({ dir, data, ...opts });
  return Object.assign(env, {
    async cleanup() {
      await env.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}

export interface CrmSnapshot {
  /** person id → flag | member URN | match source */
  people: Record<string, string>;
  /** activity key → "who|closed" */
  activities: Record<string, string>;
  /** activity keys that occur more than once (must stay empty) */
  doubledActivities: string[];
  activityCount: number;
}

/** What the CRM double holds after a run, without timestamps (they differ from run to run). */
export function snapshot(env: DemoEnvironment, crm: DemoCrm): CrmSnapshot {
  if (crm === 'dataverse') return dataverseSnapshot(env);
  const sf = env.salesforce;
  const P = SF.person;
  const people: Record<string, string> = {};
  for (const object of ['Contact', 'Lead']) {
    for (const r of sf.all(object)) {
      people[r.Id] = [r[sf.f(P.notAtCompany)] ?? '', r[sf.f(P.memberUrn)] ?? '', r[sf.f(P.matchSource)] ?? ''].join(
        '|',
      );
    }
  }
  const activities: Record<string, string> = {};
  const seen = new Map<string, number>();
  const tasks = sf.all('Task');
  for (const t of tasks) {
    const key = String(t[sf.f(SF.task.activityKey)]);
    seen.set(key, (seen.get(key) ?? 0) + 1);
    activities[key] = `${t.WhoId ?? ''}|${t.IsClosed ? 'closed' : 'open'}`;
  }
  return {
    people,
    activities,
    doubledActivities: [...seen].filter(([, n]) => n > 1).map(([k]) => k),
    activityCount: tasks.length,
  };
}

function dataverseSnapshot(env: DemoEnvironment): CrmSnapshot {
  const dv = env.dataverse;
  const P = DV.person;
  const people: Record<string, string> = {};
  for (const table of ['contact', 'lead']) {
    for (const r of dv.all(table)) {
      people[String(r[`${table}id`])] = [r[P.notAtCompany] ?? '', r[P.memberUrn] ?? '', r[P.matchSource] ?? ''].join(
        '|',
      );
    }
  }
  const activities: Record<string, string> = {};
  const seen = new Map<string, number>();
  let count = 0;
  for (const table of [DV.activity.inmailTable, DV.activity.messageTable, 'phonecall', 'annotation']) {
    for (const r of dv.all(table)) {
      // Notes carry no NavSync column (annotation takes none): a note is known by the annotationid derived from
      // its key; a doubled note would be an extra row, which the count and the map against the baseline catch.
      const key = table === 'annotation' ? `note:${String(r.annotationid)}` : String(r[DV.activity.activityKey]);
      count++;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      const who = r._regardingobjectid_value ?? r._objectid_value ?? '';
      activities[key] = `${who}|${table === 'annotation' ? 'note' : r.statecode === 1 ? 'closed' : 'open'}`;
    }
  }
  return {
    people,
    activities,
    doubledActivities: [...seen].filter(([, n]) => n > 1).map(([k]) => k),
    activityCount: count,
  };
}

/** The CRM double of an environment, for fault injection. */
export function crmDouble(env: DemoEnvironment, crm: DemoCrm) {
  return crm === 'salesforce' ? env.salesforce : env.dataverse;
}

/**
 * The CRM's write endpoints fail the next `n` times as the platform answers an outage: Salesforce 503 with its error
 * array (Collections and Bulk jobs), Dataverse a 500 on `$batch` (its gateway already retries 503 and 429 itself).
 */
export function failNextWrites(env: DemoEnvironment, crm: DemoCrm, n: number): void {
  if (crm === 'salesforce')
    env.salesforce.failNext(n, {
      status: 503,
      body: '[{"errorCode":"SERVER_UNAVAILABLE","message":"Service unavailable"}]',
      kinds: ['collections', 'bulkCreate'],
    });
  else
    env.dataverse.failNext(n, {
      status: 500,
      body: '{"error":{"code":"0x80040216","message":"SERVER_UNAVAILABLE: an unexpected error occurred"}}',
      kinds: ['batch'],
    });
}
