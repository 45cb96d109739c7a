// Shared by the validation benchmarks: a synthetic export stream and the engine's consume → decide path.
import { resolveColumns } from '../../../shared-ts/dist/linkedin/exportRows';
import { parseExportInWorker } from '../../../shared-ts/dist/linkedin/parseInWorker';
import type { CrmPerson } from '../../../shared-ts/dist/crm/gateway';
import type { ExportItem } from '../../../shared-ts/dist/linkedin/source';
import type { ValidationAccount } from '../../../shared-ts/dist/domain/validation/index';
import {
  cachedAccount,
  consumeExport,
  decideChunk,
  newValidationCounts,
} from '../../../shared-ts/dist/sync/steps/validation';
import { ValidationChanges } from '../../../shared-ts/dist/sync/validationChanges';

const HEADER = 'recordId,recordType,status,memberUrn,crmAccountId,currentCompanyName,flaggedAt\n';
const NOW = Date.UTC(2026, 10, 20);

/** The export's record ids: Salesforce Contact ids, or Dataverse GUIDs (the number is in the last 12 digits). */
export type IdScheme = 'salesforce' | 'dataverse';
export const contactId = (i: number, scheme: IdScheme = 'salesforce') =>
  scheme === 'salesforce'
    ? `003${String(i).padStart(15, '0')}`
    : `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const accountId = (i: number) => `001${String(i % 50_000).padStart(15, '0')}`;

/**
 * CSV text of an export, in ~1,000-row chunks as a download would arrive. Each chunk is one flat string, as a
 * TextDecoder gives it (a string grown with `+=` is a rope that the parser would first have to flatten, a cost
 * a real download does not have).
 */
export async function* makeExportChunks(rows: number, scheme: IdScheme = 'salesforce'): AsyncGenerator<string> {
  yield HEADER;
  let lines: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const status = i % 10 === 0 ? 'AT_COMPANY' : 'NOT_AT_COMPANY';
    // One company name in a hundred holds a comma (so that row is quoted), as in real exports.
    const company = i % 100 === 0 ? `Brückner & Söhne, Werk ${i % 977} GmbH` : `Nordstern ${i % 977} GmbH`;
    // Only the company name may hold a comma (never a quote): quoted as RFC 4180 wants, without a CSV writer's cost.
    const companyCell = company.includes(',') ? `"${company}"` : company;
    lines.push(
      `${contactId(i, scheme)},CONTACT,${status},urn:li:person:m${i},${accountId(i)},${companyCell},${NOW - (i % 700) * 86_400_000}\n`,
    );
    if (i % 1000 === 0) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

// The CRM's account ids and names, made once: the stand-in CRM should cost as little of the timed loop as it can.
const ACCOUNT_IDS = Array.from({ length: 50_000 }, (_, i) => accountId(i));
// One name per account, as in a CRM (977 distinct names across the 50,000 accounts).
const ACCOUNT_NAMES = Array.from({ length: 50_000 }, (_, i) => `Alpenglühen ${i % 977} AG`);

/**
 * What the CRM would answer for a chunk: one contact per row, some Ignored, some already flagged. The stand-in
 * reuses one pool of person objects (each chunk is decided before the next is read), so the figure measures the
 * parser and the decision, not the allocation of a stand-in CRM's answers.
 */
const pool: CrmPerson[] = [];
function crmAnswer(ids: readonly string[]): Map<string, CrmPerson> {
  const m = new Map<string, CrmPerson>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    let n = 0;
    for (let c = id.length === 36 ? 24 : 3; c < id.length; c++) n = n * 10 + id.charCodeAt(c) - 48;
    const p = pool[i] ?? (pool[i] = newPerson());
    p.id = id;
    p.accountId = ACCOUNT_IDS[n % 50_000];
    p.companyName = ACCOUNT_NAMES[n % 50_000];
    p.notAtCompany = n % 17 === 0 ? 'ignore' : n % 13 === 0 ? 'notAtCompany' : 'noFeedback';
    m.set(id, p);
  }
  return m;
}

function newPerson(): CrmPerson {
  return {
    id: '',
    kind: 'contact',
    firstName: 'A',
    lastName: 'B',
    email: null,
    phone: null,
    title: null,
    accountId: null,
    companyName: null,
    ownerId: '005000000000001',
    notAtCompany: 'noFeedback',
    memberUrn: null,
    profileUrl: null,
    photoUrl: null,
    matchSource: null,
    syncedAt: null,
    validatedAt: null,
    lastModifiedAt: null,
  };
}

/** Parse (one array of rows per chunk, as the engine reads an export) and decide. */
export function decideAll(chunks: AsyncIterable<string>) {
  return decideAllItems(parseExportInWorker(chunks, { source: 'bench.csv', mapping: resolveColumns() }));
}

export async function decideAllItems(items: AsyncIterable<ExportItem> | AsyncIterable<readonly ExportItem[]>) {
  const counts = newValidationCounts();
  const problems: { ref: string; reason: string }[] = [];
  // The step's account cache, filled as its account reads would fill it (every account is named by some row).
  const accounts = new Map<string, ValidationAccount>(
    ACCOUNT_IDS.map((id, i) => [id, cachedAccount({ id, name: ACCOUNT_NAMES[i], website: null, companyUrn: null })]),
  );
  // Every change is kept until the one bulk apply, as the step keeps it (part of both the time and the memory).
  const updates = new ValidationChanges(new Date(NOW).toISOString());
  await consumeExport(items, counts, problems, async (rows) => {
    const people = crmAnswer(rows.map((r) => r.recordId));
    const inScope = new Set(people.keys());
    for (const d of decideChunk(rows, people, accounts, inScope, NOW, NOW, counts, problems))
      updates.push(d.row.recordId, 'contact', d.write);
  });
  return { counts, writes: updates.length, updates, problems: problems.length };
}
