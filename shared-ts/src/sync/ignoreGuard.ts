/**
 * A rep's Ignore is never overwritten, also while a run applies its changes. Right before each apply the flags are
 * read again (the records that are Ignore now: one query per kind, whatever the number of changes) and a change
 * whose record became Ignore since it was decided is dropped. What changes after that read is caught where the write
 * lands: Dataverse refuses an update whose row version moved (a conflict, settled here by reading the row again);
 * in Salesforce the package's trigger keeps Ignore against the integration user's writes.
 */
import type { CrmGateway, CrmPerson, PersonKind, PersonUpdate, WriteResult } from '../crm/gateway';
import { all } from './context';
import { pushProblem, type Problem } from './report';
import type { ValidationChanges } from './validationChanges';

const KINDS: readonly PersonKind[] = ['contact', 'lead'];

export const IGNORE_KEPT = 'a user chose Ignore while the run was applying its changes: kept';

/** The changes without those whose record is Ignore now; each one dropped is listed as a problem. */
export async function withoutNewIgnores(
  crm: CrmGateway,
  changes: ValidationChanges,
  problems: Problem[],
): Promise<{ changes: ValidationChanges; kept: number }> {
  const kinds = KINDS.filter((kind) => hasKind(changes, kind));
  const ignored = await ignoredNow(crm, kinds);
  if (!ignored.size) return { changes, kept: 0 };
  let kept = 0;
  const rest = changes.filter((u) => {
    if (!ignored.has(u.id) || u.fields.notAtCompany === 'ignore') return true;
    kept++;
    pushProblem(problems, { ref: u.id, reason: IGNORE_KEPT });
    return false;
  });
  return { changes: rest, kept };
}

/** The records of these kinds that are Ignore now (one query per kind, whatever the number of changes). */
export async function ignoredNow(crm: CrmGateway, kinds: Iterable<PersonKind>): Promise<Set<string>> {
  const ignored = new Set<string>();
  for (const kind of kinds) {
    for await (const page of crm.people({ kind, notAtCompany: ['ignore'] })) for (const p of page) ignored.add(p.id);
  }
  return ignored;
}

export interface SettledConflicts {
  /** Records a user set to Ignore in between: kept. */
  kept: number;
  /** Records changed otherwise: not written; the export is repeated by the next run, which decides them again. */
  unsettled: string[];
}

/**
 * Updates the platform refused because the record changed after it was read (`WriteResult.conflicts`): read again,
 * an Ignore is kept, a record that already has the wanted flag needs nothing, any other change is left for the next
 * run to decide again (its evidence is in the export, which is repeated while the cursor stays).
 */
export async function settleConflicts(
  crm: CrmGateway,
  changes: Iterable<PersonUpdate>,
  result: WriteResult,
  problems: Problem[],
): Promise<SettledConflicts> {
  const out: SettledConflicts = { kept: 0, unsettled: [] };
  const conflicts = new Set(result.conflicts ?? []);
  if (!conflicts.size) return out;
  const wanted = new Map<string, PersonUpdate>();
  for (const u of changes) if (conflicts.has(u.id)) wanted.set(u.id, u);
  const now = await readAgain(crm, [...wanted.values()]);
  for (const [id, u] of wanted) {
    const p = now.get(id);
    if (p?.notAtCompany === 'ignore') {
      out.kept++;
      pushProblem(problems, { ref: id, reason: IGNORE_KEPT });
    } else if (p && p.notAtCompany !== u.fields.notAtCompany) {
      out.unsettled.push(id);
      pushProblem(problems, {
        ref: id,
        reason: 'changed by a user while the run was applying its changes: decided again by the next run',
      });
    }
  }
  return out;
}

/** The records of these updates as the CRM holds them now. */
export async function readAgain(crm: CrmGateway, updates: readonly PersonUpdate[]): Promise<Map<string, CrmPerson>> {
  const now = new Map<string, CrmPerson>();
  for (const kind of KINDS) {
    const ids = updates.filter((u) => u.kind === kind).map((u) => u.id);
    if (ids.length) for (const p of await all(crm.people({ kind, ids }))) now.set(p.id, p);
  }
  return now;
}

function hasKind(changes: ValidationChanges, kind: PersonKind): boolean {
  for (let i = 0; i < changes.length; i++) if ((changes.at(i) as PersonUpdate).kind === kind) return true;
  return false;
}
