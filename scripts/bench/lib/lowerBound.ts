// The fewest requests a platform needs for one daily cycle's reads and writes, and the shortest wall time they
// can take at the concurrency the platform allows (30-cycle-latency prints both next to what the engine did).
//
// Assumptions (each a best case, so this is a bound, not an estimate):
// - A round of requests that do not depend on each other costs one request time (`requestMs`) if it fits in the
//   platform's concurrency, else one per `maxConcurrent`. A rate window (LinkedIn: R per second) lets request k
//   (from 0) start no earlier than floor(k / R) windows after the first: n requests take at least
//   (ceil(n / R) − 1) windows plus one request time.
// - Server time per record (`recordMs`) is spread over the platform's concurrency (records / maxConcurrent), as if
//   the records could be split over that many requests side by side.
// - Setup: the token, then one round of the small reads that only need it (identity, settings, seats, users,
//   stages, opportunities). The LinkedIn token is taken during that round.
// - Two chains then run side by side and the cycle ends with the longer:
//   validation: the scope read and the export (side by side), then validation's write;
//   associations: the first answer of the CRM read (one request: a query's first page), the lookups (they need
//   the records' ids; the rest of the read overlaps them), then the associations' write (it needs the lookups).
// - Salesforce reads every contact with one Bulk API 2.0 query job (create → poll → results: 3 requests in a row;
//   salesforce-api.md §8.3, `bulk2.query`) and writes each step's changes with Bulk API 2.0 ingest jobs
//   (create → upload → close → poll: 4 requests per job, §8.2; ≤ 200 records: one sObject Collections call per
//   200, §8.1). A job takes one upload, of at most 150 MB once base64-encoded, raw CSV kept to 100 MB (§8.2 limits,
//   "Upload Job Data" in the Bulk API 2.0 guide): a step needs ceil(its CSV bytes / BULK_MAX_BYTES) jobs, the bytes
//   being what the engine's writes of that step sent (the run report's `details.writes`) as one file. Fewer bytes
//   would not carry the same field values, so this stays a lower bound. The jobs of one step run side by side
//   (4 request times whatever their number). A step's changes are one write: they target the same records as the
//   other step's (the same Contact rows), and one job holding both would wait for the slower step. Concurrency:
//   the model's 25 for every request (the platform limits only requests lasting ≥ 20 s to 25, §7: a stricter model
//   gives a larger bound).
// - Dataverse reads 5,000 records a page (odata.maxpagesize ≤ 5,000, dataverse-api.md §6.1), pages fetched side
//   by side (by key ranges), and writes 1,000 operations per `$batch` (§5); concurrency 52 per user and 6,000
//   requests per 5 minutes (§5.4).
// - LinkedIn: token → export create → one poll → download (4 in a row); profile associations 100 record ids per
//   BATCH_GET (the 8,192-character request line of the front end, linkedin-sync-services.md §1.4; MAX_URL_LENGTH of
//   the double). Per-second and concurrency limits are not published: the latency model's figures are used.
import { BULK_MAX_BYTES } from '../../../shared-ts/dist/crm/salesforce/bulk';
import type { LatencyModel } from '../../../shared-ts/dist/doubles/latency';

export interface CycleWork {
  crm: 'salesforce' | 'dataverse';
  /** CRM records read for the scope (contacts). */
  scopeRecords: number;
  /** Export rows downloaded. */
  exportRows: number;
  /** Records looked up in Profile Associations. */
  lookups: number;
  /** Records written by each step that writes: validation's flags, then the associations' fields. */
  writes: [validation: number, associations: number];
  /** Bytes of those writes as sent (Salesforce Bulk CSV; a Collections or Dataverse write: 0, unused). */
  writeBytes: [validation: number, associations: number];
}

export interface Bound {
  requests: { crmReads: number; crmWrites: number; linkedin: number };
  seconds: number;
}

const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function rounds(requests: number, m: LatencyModel): number {
  if (requests <= 0) return 0;
  let ms = Math.ceil(requests / m.maxConcurrent) * m.requestMs;
  for (const w of m.windows ?? [])
    if (!w.daily && requests > w.requests)
      ms = Math.max(ms, (Math.ceil(requests / w.requests) - 1) * w.ms + m.requestMs);
  return ms;
}

export function cycleLowerBound(w: CycleWork, crm: LatencyModel, li: LatencyModel): Bound {
  const perRecord = (records: number, m: LatencyModel) => (records * m.recordMs) / m.maxConcurrent;
  const setupReads = 6;
  const setup = crm.requestMs * 2;
  let readReqs: number;
  let readMs: number;
  // Requests of each step's write, and its time once its data is there.
  let writeReqs: number[];
  let writeMs: (i: number) => number;
  if (w.crm === 'salesforce') {
    readReqs = 3;
    readMs = 3 * crm.requestMs + perRecord(w.scopeRecords, crm);
    writeReqs = w.writes.map((n, i) =>
      n > 200 ? 4 * Math.max(1, Math.ceil(w.writeBytes[i] / BULK_MAX_BYTES)) : Math.ceil(n / 200),
    );
    writeMs = (i) => Math.min(4, writeReqs[i]) * crm.requestMs + perRecord(w.writes[i], crm);
  } else {
    readReqs = Math.max(1, Math.ceil(w.scopeRecords / 5000));
    readMs = rounds(readReqs, crm) + perRecord(w.scopeRecords, crm);
    writeReqs = w.writes.map((n) => Math.ceil(n / 1000));
    writeMs = (i) => rounds(writeReqs[i], crm) + perRecord(w.writes[i], crm);
  }
  const batches = Math.ceil(w.lookups / 100);
  const exportMs = 4 * li.requestMs + w.exportRows * li.recordMs;
  const lookupMs = rounds(batches, li) + perRecord(w.lookups, li);
  const validation = Math.max(readMs, exportMs) + writeMs(0);
  const associations = (batches ? crm.requestMs : 0) + lookupMs + writeMs(1);
  const ms = setup + Math.max(validation, associations);
  return {
    requests: {
      crmReads: 1 + setupReads + readReqs,
      crmWrites: total(writeReqs),
      linkedin: 4 + batches,
    },
    seconds: ms / 1000,
  };
}
