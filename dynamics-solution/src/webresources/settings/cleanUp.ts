import { DV, DV_VALUES } from '@navsync/shared-ts';
import type { WebApi } from '../dataValidation/webApi';

/**
 * "Also clean up all previously imported data" on Disconnect: what NavSync wrote on people and accounts goes
 * (profile links, member URNs, photos, match source, sync dates, Not-at-company flags). A rep's Ignore stays, and
 * written-back activities are never deleted — the same rule as the sync engine's `disconnect --cleanup`.
 * Each query asks only for rows that still carry NavSync data, so clearing them is also the paging.
 */

const PAGE = 200;

export interface CleanUpResult {
  people: number;
  flags: number;
  accounts: number;
  failed: number;
}

async function clearWhile(
  api: WebApi,
  set: string,
  idColumn: string,
  select: string[],
  filter: string,
  patchOf: (row: Record<string, unknown>) => Record<string, unknown>,
) {
  let cleared = 0;
  let failed = 0;
  for (;;) {
    const res = await api.request(
      'GET',
      `${set}?$select=${[idColumn, ...select].join(',')}&$filter=${filter}&$top=${PAGE}`,
    );
    const rows = (res.body as { value?: Record<string, unknown>[] }).value ?? [];
    if (rows.length === 0) break;
    let progress = 0;
    for (const row of rows) {
      try {
        await api.request('PATCH', `${set}(${String(row[idColumn])})`, patchOf(row));
        cleared++;
        progress++;
      } catch {
        failed++;
      }
    }
    // A page where nothing could be cleared would come back forever: stop and report.
    if (progress === 0 || rows.length < PAGE) break;
  }
  return { cleared, failed };
}

export async function cleanUpImportedData(api: WebApi, options: { flagColumnExists: boolean }): Promise<CleanUpResult> {
  const p = DV.person;
  const association = [p.memberUrn, p.profileUrl, p.photoUrl, p.matchSource, p.syncedAt];
  const cleared = Object.fromEntries(association.map((c) => [c, null]));
  const result: CleanUpResult = { people: 0, flags: 0, accounts: 0, failed: 0 };
  for (const [set, id] of [
    ['contacts', 'contactid'],
    ['leads', 'leadid'],
  ] as const) {
    const r = await clearWhile(
      api,
      set,
      id,
      association,
      association.map((c) => `${c} ne null`).join(' or '),
      () => cleared,
    );
    result.people += r.cleared;
    result.failed += r.failed;
  }
  if (options.flagColumnExists) {
    const r = await clearWhile(
      api,
      'contacts',
      'contactid',
      [p.notAtCompany],
      `${p.notAtCompany} eq ${DV_VALUES.notAtCompany.notAtCompany}`,
      () => ({
        [p.notAtCompany]: DV_VALUES.notAtCompany.noFeedback,
        [p.validatedAt]: null,
      }),
    );
    result.flags += r.cleared;
    result.failed += r.failed;
  }
  const a = await clearWhile(
    api,
    'accounts',
    'accountid',
    [DV.account.companyUrn],
    `${DV.account.companyUrn} ne null`,
    () => ({ [DV.account.companyUrn]: null }),
  );
  result.accounts = a.cleared;
  result.failed += a.failed;
  return result;
}
