import type { CrmAccount, CrmPerson, PersonKind } from '../../crm/gateway';
import type { CrmRecordType, ExportItem, ValidationRow } from '../../linkedin/source';
import {
  decideValidation,
  validationCompanyKey,
  validationScope,
  type CurrentCompany,
  type LinkedInEvidence,
  type NotAtCompanyState,
  type ScopeContactRole,
  type ScopeOwnedRecord,
  type ValidationAccount,
  type ValidationInput,
} from '../../domain/validation/index';
import { companyVerdict, urnSameness, type CompanyKey, type CompanySameness } from '../../domain/matching/company';
import { all, type RunState } from '../context';
import { canonicalRecordId, isCrmRecordId } from '../../domain/recordId';
import { KeptRows } from '../keptRows';
import { ValidationChanges } from '../validationChanges';
import { settleConflicts, withoutNewIgnores } from '../ignoreGuard';
import { detach } from '../../linkedin/detach';
import { pushProblem, type Problem, type StepReport } from '../report';
import { StepFailure } from './failure';
import { OwnedPeople } from './validationPeople';
import { t } from '../../domain/i18n/index';

/** The first run back-fills two years, as the vendor apps do. */
export const BACKFILL_MS = 2 * 365 * 24 * 60 * 60 * 1000;
/** Rows decided per CRM read: bounds memory on million-row exports while keeping reads few. */
export const VALIDATION_CHUNK = 2000;
/** Chunks whose CRM reads run ahead of the decisions (each chunk's id queries run side by side in the gateway). */
export const READ_AHEAD = 4;
/**
 * Changes held before they are applied: one Salesforce Bulk upload (~70 bytes a row: 70 MB, under the 100 MiB of
 * BULK_MAX_BYTES) and ~25 MB of memory; a larger export is applied in several rounds (the export cursor is saved
 * after the last).
 */
export const VALIDATION_APPLY_EVERY = 1_000_000;
/**
 * Rows after which the seat holders' own people are read at once the platform's bulk way (where the CRM reads so),
 * the later rows' records looked up among them: below it, reading each row's record by id costs fewer records.
 */
export const VALIDATION_BULK_FROM = 10_000;

interface ScopeData {
  accounts: ScopeOwnedRecord[];
  opportunities: ScopeOwnedRecord[];
  contactRoles: ScopeContactRole[];
  /** The seat holders' accounts as read (they seed the step's account cache). */
  ownedAccounts: CrmAccount[];
}

/**
 * Step 4: data validation. Export from the saved cursor, keep rows in scope, respect Ignore (the domain's
 * decision), apply every flag in ONE bulk write, list per-record failures, and save the cursor only after the
 * apply went through. Bad, duplicate and unknown rows are reported and skipped.
 */
export async function validationStep(state: RunState, step: StepReport): Promise<void> {
  const { crm, linkedin } = state.opts;
  const settings = state.settings;
  if (!settings || !settings.dataValidationEnabled) {
    step.status = 'skipped';
    step.note = 'data validation is off';
    return;
  }
  const now = state.now();
  const since = settings.exportCursor ?? now - BACKFILL_MS;
  const holders = [...state.seatHolders.keys()];
  state.progress.say(`validation: export since ${new Date(since).toISOString()}`);
  // The scope is read while LinkedIn prepares the export.
  const scopeRead = readScope(state, holders);
  scopeRead.catch(() => undefined);
  const exp = await linkedin.exportValidation({
    since,
    now,
    onProgress: (p) =>
      state.progress.tick(
        `validation: ${p.phase}${p.polls ? ` (poll ${p.polls})` : ''}${p.rows ? ` ${p.rows} rows` : ''}`,
      ),
  });
  const scope = await scopeRead;

  const counts = newValidationCounts();
  const validatedAt = new Date(now).toISOString();
  let updates = new ValidationChanges(validatedAt);
  const accountCache = new Map<string, ValidationAccount>();
  const applied = { succeeded: 0, failed: 0, unprocessed: 0, applies: 0, ignoreKept: 0, versionConflicts: 0 };
  // The changes are applied together (one Bulk job / as few `$batch` as the platform allows), but never more than
  // `applyEvery` are held at once: memory stays bounded on any export. The cursor waits for every apply.
  const applyEvery = state.opts.validationApplyEvery ?? VALIDATION_APPLY_EVERY;
  const apply = async () => {
    if (!updates.length) return;
    state.progress.say(`validation: applying ${updates.length} changes`);
    // A rep may choose Ignore while the run works: never overwrite it (sync/ignoreGuard).
    const guarded = await withoutNewIgnores(crm, updates, step.problems);
    const result = await state.writes.people('validation', guarded.changes);
    const settled = await settleConflicts(crm, guarded.changes, result, step.problems);
    updates = new ValidationChanges(validatedAt);
    applied.applies++;
    applied.succeeded += result.succeeded.length;
    applied.failed += result.failed.length;
    applied.unprocessed += result.unprocessed.length + settled.unsettled.length;
    applied.ignoreKept += guarded.kept + settled.kept;
    applied.versionConflicts += result.conflicts?.length ?? 0;
    for (const f of result.failed) pushProblem(step.problems, { ref: f.ref, reason: `${f.code}: ${f.message}` });
  };

  const loading = new Map<string, Promise<void>>();
  // The seat holders' accounts, read for the scope, are the accounts most rows need.
  for (const a of scope.ownedAccounts) accountCache.set(a.id, cachedAccount(a));
  scope.ownedAccounts = [];
  let owned = crm.bulkReads ? new OwnedPeople(crm, holders, (l) => state.progress.say(l)) : null;
  const bulkFrom = state.opts.validationBulkFrom ?? VALIDATION_BULK_FROM;
  const read = async (rows: ValidationRow[]) => {
    const out: { kind: PersonKind; ofKind: ValidationRow[]; people: CrmPerson[] }[] = [];
    for (const kind of ['contact', 'lead'] as const) {
      const ofKind = rows.filter((r) => r.recordType === kind);
      if (!ofKind.length) continue;
      // Once the seat holders' people are being read at once, a row's record is looked up among them; the others
      // (and every row before that read began) are read by id.
      const index = owned?.started ? await owned.whenRead(kind) : null;
      const people: CrmPerson[] = [];
      const byId: string[] = [];
      for (const r of ofKind) {
        const p = index?.get(r.recordId);
        if (p) people.push(p);
        else byId.push(r.recordId);
      }
      if (byId.length) people.push(...(await all(crm.people({ kind, ids: byId }))));
      await loadAccounts(state, people, accountCache, loading);
      out.push({ kind, ofKind, people });
    }
    return out;
  };
  const decideRead = async (chunks: Awaited<ReturnType<typeof read>>) => {
    for (const { kind, ofKind, people } of chunks) {
      const inScope = validationScope(
        { contacts: people.map((p) => ({ id: p.id, ownerId: p.ownerId, accountId: p.accountId })), ...scope },
        holders,
      ).contactIds;
      const decided = decideChunk(
        ofKind,
        new Map(people.map((p) => [p.id, p])),
        accountCache,
        inScope,
        now,
        exp.exportEndAt,
        counts,
        step.problems,
      );
      for (const d of decided) {
        updates.push(d.row.recordId, kind, d.write, d.version);
        if (d.write === 'notAtCompany' && state.details.notAtCompany.length < 1000) {
          const linkedinCompany = d.row.currentCompanyName === undefined ? undefined : detach(d.row.currentCompanyName);
          state.details.notAtCompany.push({
            id: detach(d.row.recordId),
            company: d.companyName ?? '',
            linkedinCompany,
          });
        }
        if (updates.length >= applyEvery) await apply();
      }
    }
    state.progress.tick(
      `validation: ${counts.rows} rows read, ${applied.succeeded + applied.failed + applied.unprocessed + updates.length} changes so far`,
    );
  };
  // The CRM reads of the next chunks run while a chunk is decided (READ_AHEAD chunks at most); the decisions and
  // the changes they hold keep the export's order.
  let decided: Promise<void> = Promise.resolve();
  const ahead: Promise<void>[] = [];
  // Rows read from the file whose id is not one of this CRM's (another CRM's records, or no CRM's).
  let foreign = 0;
  const decide = async (chunk: ValidationRow[], revised = false) => {
    const rows = chunk.filter((r) => {
      if (isCrmRecordId(crm.kind, r.recordId)) return true;
      if (!revised) foreign++;
      counts.rejected++;
      pushProblem(step.problems, { ref: r.recordId, reason: `not a ${crm.kind} record id` });
      return false;
    });
    if (owned && !owned.started && counts.rows >= bulkFrom) owned.start();
    const reading = read(rows);
    reading.catch(() => undefined);
    const before = decided;
    decided = (async () => {
      const got = await reading;
      await before;
      await decideRead(got);
    })();
    decided.catch(() => undefined);
    ahead.push(decided);
    if (ahead.length >= READ_AHEAD) await ahead.shift();
  };
  // A conflict's loser handed on earlier: its change is taken back and the winner decided on its own.
  const revise = async (r: Revision) => {
    await decided;
    const drop = new Set(r.withdrawn.map((w) => `${w.kind}:${w.id.toLowerCase()}`));
    updates = updates.without((kind, id) => drop.has(`${kind}:${id.toLowerCase()}`));
    state.details.notAtCompany = state.details.notAtCompany.filter(
      (d) => !drop.has(`contact:${d.id.toLowerCase()}`) && !drop.has(`lead:${d.id.toLowerCase()}`),
    );
    if (r.rows.length) await decide(r.rows, true);
  };
  await consumeExport(
    exp.batches ? exp.batches() : exp.items(),
    counts,
    step.problems,
    decide,
    VALIDATION_CHUNK,
    revise,
  );
  await decided;
  await owned?.settle();
  // Every row is decided: the people read at once are not needed for the apply (memory for its changes).
  owned = null;
  if (counts.rows <= foreign && counts.rejected > 0) {
    // Nothing in the file could be read as a row: it is not an export of this CRM; nothing is written, the cursor stays.
    throw new StepFailure(
      'EXPORT_REFUSED',
      `every row of the export was rejected (${counts.rejected}); the first reasons are listed as problems`,
    );
  }
  await apply();

  Object.assign(step.counts, counts, {
    applied: applied.succeeded,
    failed: applied.failed,
    unprocessed: applied.unprocessed,
  });
  if (applied.applies > 1) step.counts.applies = applied.applies;
  if (applied.ignoreKept) step.counts.ignoreKept = applied.ignoreKept;
  if (applied.versionConflicts) step.counts.rowVersionConflicts = applied.versionConflicts;
  // A row read but not used (rejected, duplicate, conflicting, unknown, skipped) is a listed problem: never a clean OK.
  if (step.problems.length) step.status = 'partial';
  if (applied.unprocessed) {
    step.status = 'partial';
    step.note =
      'some records were not processed by the CRM; the export cursor was not advanced (the next run repeats it)';
    return;
  }
  if (counts.fromTheFuture) {
    step.status = 'partial';
    step.note = `${counts.fromTheFuture} rows are dated after the CRM's time; the export cursor was not advanced (the next run reads them again)`;
    return;
  }
  await state.writes.admin('validation', `exportCursor=${exp.nextCursor}`, () =>
    crm.writeSettings({ exportCursor: exp.nextCursor }),
  );
  step.counts.cursorSaved = 1;
  if (applied.failed) step.status = 'partial';
}

export interface ValidationCounts {
  rows: number;
  rejected: number;
  duplicates: number;
  conflicts: number;
  unknown: number;
  flag: number;
  clear: number;
  unchanged: number;
  skipped: number;
  /** Of the skipped: rows about records outside the syncing users' scope (not problems: not theirs to decide). */
  outOfScope: number;
  /** Of the skipped: rows dated after the CRM's time (kept for the next run: the cursor waits). */
  fromTheFuture: number;
  /** Of the unchanged: the current company may or may not be the account's (listed as problems; the flag is left alone). */
  uncertain: number;
}

export function newValidationCounts(): ValidationCounts {
  return {
    rows: 0,
    rejected: 0,
    duplicates: 0,
    conflicts: 0,
    unknown: 0,
    flag: 0,
    clear: 0,
    unchanged: 0,
    skipped: 0,
    outOfScope: 0,
    fromTheFuture: 0,
    uncertain: 0,
  };
}

/** Records whose row handed on earlier lost a conflict: their earlier change is withdrawn, `rows` are the winners. */
export interface Revision {
  withdrawn: { kind: CrmRecordType; id: string }[];
  rows: ValidationRow[];
}

/**
 * Read an export stream once: rejected rows and duplicates (same record and status twice: the first is kept) are
 * reported and skipped; conflicting rows (same record, different statuses) are reported as conflicts and the newest
 * `flaggedAt` wins (neither when that cannot be told). Good rows are handed on in chunks, so memory stays bounded
 * whatever the export's size; a winner whose loser was already handed on comes at the end, through `onRevise`.
 * The stream gives items one by one or (faster: one async step per array, not per row) in arrays.
 */
export async function consumeExport(
  items: AsyncIterable<ExportItem> | AsyncIterable<readonly ExportItem[]>,
  counts: ValidationCounts,
  problems: Problem[],
  onChunk: (rows: ValidationRow[]) => Promise<void>,
  chunkSize = VALIDATION_CHUNK,
  onRevise?: (revision: Revision) => Promise<void>,
): Promise<void> {
  // Per record type, packed ids (sync/recordIdSet) and typed arrays: no string kept or built per row of a million-row export.
  const kept = new KeptRows();
  // Kept rows are numbered in order: the buffer holds those from `handedOn` on (null: withdrawn by a conflict).
  let buffer: (ValidationRow | null)[] = [];
  let handedOn = 0;
  let holes = 0;
  // Winners whose loser was handed on already (numbered −1, −2 … in `kept`), and the records to withdraw.
  const late: (ValidationRow | null)[] = [];
  const withdrawn: Revision['withdrawn'] = [];
  const take = (item: ExportItem): void => {
    if (!item.ok) {
      counts.rejected++;
      pushProblem(problems, { ref: `${item.rejected.source}:${item.rejected.line}`, reason: item.rejected.reason });
      return;
    }
    counts.rows++;
    const row = item.row;
    // The spelling the CRM gives back (15-character Salesforce ids, upper-case GUIDs): one record, one key.
    const id = canonicalRecordId(row.recordId);
    if (id !== row.recordId) row.recordId = id;
    const seen = kept.see(row, handedOn + buffer.length);
    if (seen.kind === 'new') {
      buffer.push(row);
      return;
    }
    if (seen.kind === 'duplicate') {
      counts.duplicates++;
      pushProblem(problems, {
        ref: `${item.source}:${item.line}`,
        reason: `duplicate row for ${row.recordType} ${row.recordId} (first one kept)`,
      });
      return;
    }
    counts.conflicts++;
    const outcome =
      seen.winner === 'kept'
        ? 'the earlier row is newer and stands'
        : seen.winner === 'row'
          ? 'this row is newer and stands'
          : 'neither is newer: the record is left unchanged';
    pushProblem(problems, {
      ref: `${item.source}:${item.line}`,
      reason: `conflicting rows for ${row.recordType} ${row.recordId}: ${row.status} here, ${seen.keptStatus ?? 'undecided'} before; ${outcome}`,
    });
    if (seen.winner === 'kept') return;
    const winner = seen.winner === 'row' ? row : null;
    if (seen.at >= handedOn) {
      // Still in the buffer: replaced where it is.
      const slot = seen.at - handedOn;
      if (buffer[slot] !== null && winner === null) holes++;
      if (buffer[slot] === null && winner !== null) holes--;
      buffer[slot] = winner;
    } else if (seen.at < 0) {
      late[-seen.at - 1] = winner && copyRow(winner);
    } else {
      withdrawn.push({ kind: row.recordType, id: detach(row.recordId) });
      late.push(winner && copyRow(winner));
      kept.moveTo(row, -late.length);
    }
  };
  const handOn = async () => {
    const rows = holes ? (buffer.filter((r) => r !== null) as ValidationRow[]) : (buffer as ValidationRow[]);
    handedOn += buffer.length;
    buffer = [];
    holes = 0;
    if (rows.length) await onChunk(rows);
  };
  for await (const next of items) {
    const batch: readonly ExportItem[] = Array.isArray(next) ? next : [next as ExportItem];
    for (let i = 0; i < batch.length; i++) {
      take(batch[i]);
      if (buffer.length >= chunkSize) await handOn();
    }
  }
  if (buffer.length) await handOn();
  if (!withdrawn.length) return;
  const rows = late.filter((r): r is ValidationRow => r !== null);
  if (onRevise) await onRevise({ withdrawn, rows });
  else if (rows.length) await onChunk(rows);
}

/** A row kept to the end of the export: its own strings, not slices of a download chunk. */
function copyRow(row: ValidationRow): ValidationRow {
  return {
    ...row,
    recordId: detach(row.recordId),
    currentCompanyName: row.currentCompanyName === undefined ? undefined : detach(row.currentCompanyName),
  };
}

export interface DecidedRow {
  row: ValidationRow;
  write: NotAtCompanyState;
  companyName: string | null;
  /** The record's version the decision was made on (written only if still current, where the CRM can). */
  version: string | null;
}

/**
 * Decide one chunk of rows of one record kind with the domain rule; rows the CRM does not know are reported.
 * Row by row through ONE input object: the decision reads it and keeps nothing (decisions are shared constants),
 * so a million-row export allocates no input, evidence or company object per row.
 */
export function decideChunk(
  rows: readonly ValidationRow[],
  people: ReadonlyMap<string, CrmPerson>,
  accounts: ReadonlyMap<string, ValidationAccount>,
  inScope: ReadonlySet<string>,
  now: number,
  exportEndAt: number,
  counts: ValidationCounts,
  problems: Problem[],
): DecidedRow[] {
  const slot = emptyInput();
  const input = slot.input;
  const out: DecidedRow[] = [];
  for (const row of rows) {
    const person = people.get(row.recordId);
    if (!person) {
      counts.unknown++;
      pushProblem(problems, { ref: row.recordId, reason: `the CRM has no ${row.recordType} with this id` });
      continue;
    }
    fillInput(slot, person, row, inScope.has(person.id), accounts, exportEndAt);
    const d = decideValidation(input, now, DECIDE_OPTIONS);
    if (d.outcome === 'skip') {
      counts.skipped++;
      if (d.reason === 'outOfScope') counts.outOfScope++;
      else {
        if (d.reason === 'invalidEvidence') counts.fromTheFuture++;
        pushProblem(problems, { ref: row.recordId, reason: `skipped: ${t(d.messageKey)}` });
      }
    } else counts[d.outcome]++;
    if (d.reason === 'companyUncertain') {
      // Neither the same company nor surely another: the flag is left alone and the row is listed for a person to look at.
      counts.uncertain++;
      pushProblem(problems, { ref: row.recordId, reason: `uncertain: ${t(d.messageKey)}` });
    }
    if (d.write !== null)
      out.push({ row, write: d.write, companyName: input.account?.name ?? null, version: person.version ?? null });
  }
  return out;
}

interface AccountKey {
  name: string | null;
  website: string | null;
  key: CompanyKey;
}

// An export names the same accounts and the same LinkedIn companies over and over: keep each account's company key
// (on the cached account object itself when it is one of the step's, else per account id; with the name and
// website it was made from, so a renamed account is keyed again) and each LinkedIn company name's key, instead of
// working both out again for every row. The maps are bounded.
const accountKeys = new Map<string, AccountKey>();
const companyKeys = new Map<string, CompanyKey>();
const KEYS_MAX = 50_000;

/** An account of the step's cache, carrying its company key once it has been worked out. */
interface KeyedAccount extends ValidationAccount {
  companyKey?: AccountKey;
}

function accountKeyOf(account: KeyedAccount): CompanyKey {
  let entry = account.companyKey ?? accountKeys.get(account.id);
  if (entry === undefined || entry.name !== account.name || entry.website !== account.website) {
    if (accountKeys.size >= KEYS_MAX) accountKeys.clear();
    entry = { name: account.name, website: account.website, key: validationCompanyKey(account.name, account.website) };
    accountKeys.set(account.id, entry);
  }
  if ('companyKey' in account) account.companyKey = entry;
  return entry.key;
}

/** The matching module's verdict, URNs first (the account's stored company URN against the member's current one). */
function companySamenessCached(account: ValidationAccount, current: CurrentCompany): CompanySameness {
  const byUrn = urnSameness(account.companyUrn, current.urn);
  if (byUrn !== null) return byUrn;
  let key: CompanyKey;
  if (current.domain !== null || current.name === null) key = validationCompanyKey(current.name, current.domain);
  else {
    const hit = companyKeys.get(current.name);
    if (hit === undefined) {
      if (companyKeys.size >= KEYS_MAX) companyKeys.clear();
      key = validationCompanyKey(current.name, null);
      companyKeys.set(detach(current.name), key);
    } else key = hit;
  }
  return companyVerdict(accountKeyOf(account), key, account.companyUrn, current.urn).sameness;
}

const DECIDE_OPTIONS = { companySameness: companySamenessCached };

/** An account for the step's cache (its company key is kept on it once worked out). */
export function cachedAccount(a: ValidationAccount): ValidationAccount {
  const keyed: KeyedAccount = {
    id: a.id,
    name: a.name,
    website: a.website,
    companyUrn: a.companyUrn,
    companyKey: undefined,
  };
  return keyed;
}

/** One input object and its current-company object, reused for every row of a chunk. */
interface InputSlot {
  input: ValidationInput;
  evidence: LinkedInEvidence;
  company: CurrentCompany;
}

function emptyInput(): InputSlot {
  const company: CurrentCompany = { name: null, urn: null, domain: null };
  const evidence: LinkedInEvidence = { memberUrn: null, status: 'left', currentCompany: company, asOf: 0 };
  const input: ValidationInput = {
    contactId: '',
    inScope: false,
    current: null,
    memberUrn: null,
    account: null,
    crmModifiedAt: null,
    lastValidatedAt: null,
    evidence,
  };
  return { input, evidence, company };
}

/** The domain's input for one row, written into the slot (see decideChunk). */
function fillInput(
  slot: InputSlot,
  person: CrmPerson,
  row: ValidationRow,
  inScope: boolean,
  accounts: ReadonlyMap<string, ValidationAccount>,
  exportEndAt: number,
): void {
  const { input, evidence, company } = slot;
  // A lead has no account: its Company field plays that part.
  input.account =
    person.kind === 'lead'
      ? { id: person.id, name: person.companyName, website: null, companyUrn: null }
      : person.accountId
        ? (accounts.get(person.accountId) ?? {
            id: person.accountId,
            name: person.companyName,
            website: null,
            companyUrn: null,
          })
        : null;
  const hasCompany = !!(row.currentCompanyName || row.currentCompanyUrn);
  evidence.memberUrn = row.memberUrn ?? null;
  evidence.status = row.status === 'AT_COMPANY' ? 'atCompany' : hasCompany ? 'differs' : 'left';
  evidence.asOf = row.flaggedAt ?? exportEndAt;
  company.name = row.currentCompanyName ?? null;
  company.urn = row.currentCompanyUrn ?? null;
  evidence.currentCompany = hasCompany ? company : null;
  input.contactId = person.id;
  input.inScope = inScope;
  input.current = person.notAtCompany;
  input.memberUrn = person.memberUrn;
  input.crmModifiedAt = person.lastModifiedAt ? Date.parse(person.lastModifiedAt) : null;
  input.lastValidatedAt = person.validatedAt ? Date.parse(person.validatedAt) : null;
}

/** Reads the accounts not in the cache; an account another chunk is reading already is waited for, not read again. */
async function loadAccounts(
  state: RunState,
  people: CrmPerson[],
  cache: Map<string, ValidationAccount>,
  loading: Map<string, Promise<void>>,
): Promise<void> {
  const needed = new Set(people.map((p) => p.accountId).filter((id): id is string => !!id && !cache.has(id)));
  const missing = [...needed].filter((id) => !loading.has(id));
  if (missing.length) {
    const load = (async () => {
      const accounts: CrmAccount[] = await all(state.opts.crm.accounts({ ids: missing }));
      for (const a of accounts) cache.set(a.id, cachedAccount(a));
    })();
    load.catch(() => undefined);
    for (const id of missing) loading.set(id, load);
    void load
      .finally(() => {
        for (const id of missing) loading.delete(id);
      })
      .catch(() => undefined);
  }
  await Promise.all([...needed].map((id) => loading.get(id)));
}

/** The accounts, opportunities and contact roles of the seat holders (the validation scope's records). */
async function readScope(state: RunState, holders: string[]): Promise<ScopeData> {
  const { crm } = state.opts;
  const scope: ScopeData = { accounts: [], opportunities: [], contactRoles: [], ownedAccounts: [] };
  if (!holders.length) return scope;
  const [accounts, opportunities] = await Promise.all([
    all(crm.accounts({ ownerIds: holders })),
    all(crm.opportunities({ ownerIds: holders })),
  ]);
  scope.accounts = accounts.map((a) => ({ id: a.id, ownerId: a.ownerId }));
  scope.ownedAccounts = accounts;
  scope.opportunities = opportunities.map((o) => ({ id: o.id, ownerId: o.ownerId }));
  if (scope.opportunities.length)
    scope.contactRoles = await all(crm.contactRoles(scope.opportunities.map((o) => o.id)));
  return scope;
}
