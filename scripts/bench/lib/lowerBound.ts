// The fewest requests a platform needs for one daily cycle's reads and writes, and the shortest wall time they
// can take at the concurrency the platform allows (30-cycle-latency prints both next to what the engine did).
//
// Assumptions (each a best case, so this is a bound, not an estimate):
// - A round of requests that do not depend on each other costs one request time (`requestMs`) if it fits in the
//   platform's concurrency, else one per `maxConcurrent`; a rate window (LinkedIn per second) adds its own floor.
// - Server time per record (`recordMs`) is spread over the platform's concurrency (records / maxConcurrent).
// - Setup: the token, then one round of the small reads that only need it (identity, settings, seats, users,
//   stages, opportunities). Reading the scope and the LinkedIn work overlap; the writes come after both.
// - Salesforce reads every contact with one Bulk API 2.0 query job (create → poll → results: 3 requests in a row;
//   salesforce-api.md §8.2) and writes every change with one Bulk API 2.0 ingest
//   job per step that writes (create → upload → close → poll: 4 in a row; ≤ 200 records: one sObject Collections
//   call per 200). Each step's changes are one write: merging two steps' changes into one job would hold them all
//   until the last step. Concurrency: 25 long-running requests (§7).
// - Dataverse reads 5,000 records a page (odata.maxpagesize ≤ 5,000, dataverse-api.md §6.1), pages fetched side
//   by side (by key ranges), and writes 1,000 operations per `$batch` (§5); concurrency 52 per user and 6,000
//   requests per 5 minutes (§5.4).
// - LinkedIn: token → export create → one poll → download (4 in a row); profile associations 100 record ids per
//   BATCH_GET (the 8,192-character request line of the front end, linkedin-sync-services.md §1.4; MAX_URL_LENGTH of the double). Per-second
//   and concurrency limits are not published: the latency model's figures are used.
import type { LatencyModel } from '../../../shared-ts/dist/doubles/latency';

export interface CycleWork {
  crm: 'salesforce' | 'dataverse';
  /** CRM records read for the scope (contacts). */
  scopeRecords: number;
  /** Export rows downloaded. */
  exportRows: number;
  /** Records looked up in Profile Associations. */
  lookups: number;
  /** Records written by each step that writes (validation flags, association fields). */
  writes: number[];
}

export interface Bound {
  requests: { crmReads: number; crmWrites: number; linkedin: number };
  seconds: number;
}

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function rounds(requests: number, m: LatencyModel): number {
  let ms = Math.ceil(requests / m.maxConcurrent) * m.requestMs;
  for (const w of m.windows ?? [])
    if (!w.daily && requests > w.requests) ms = Math.max(ms, (requests / w.requests) * w.ms);
  return ms;
}

export function cycleLowerBound(w: CycleWork, crm: LatencyModel, li: LatencyModel): Bound {
  const perRecord = (records: number, m: LatencyModel) => (records * m.recordMs) / m.maxConcurrent;
  const setupReads = 6;
  const setup = crm.requestMs * 2;
  let readReqs: number;
  let readMs: number;
  let writeReqs: number;
  let writeMs: number;
  if (w.crm === 'salesforce') {
    readReqs = 3;
    readMs = 3 * crm.requestMs + perRecord(w.scopeRecords, crm);
    const reqs = w.writes.map((n) => (n > 200 ? 4 : Math.ceil(n / 200)));
    writeReqs = reqs.reduce((a, b) => a + b, 0);
    writeMs = Math.max(0, ...reqs) * crm.requestMs + perRecord(total(w.writes), crm);
  } else {
    readReqs = Math.max(1, Math.ceil(w.scopeRecords / 5000));
    readMs = rounds(readReqs, crm) + perRecord(w.scopeRecords, crm);
    writeReqs = w.writes.reduce((a, n) => a + Math.ceil(n / 1000), 0);
    writeMs = rounds(writeReqs, crm) + perRecord(total(w.writes), crm);
  }
  const batches = Math.ceil(w.lookups / 100);
  const exportMs = 4 * li.requestMs + w.exportRows * li.recordMs;
  const lookupMs = rounds(batches, li) + perRecord(w.lookups, li);
  const ms = setup + Math.max(readMs, exportMs, lookupMs) + writeMs;
  return {
    requests: { crmReads: 1 + setupReads + readReqs, crmWrites: writeReqs, linkedin: 4 + batches },
    seconds: ms / 1000,
  };
}
