import type { CrmPerson, PersonKind, PersonUpdate } from '../../crm/gateway';
import type { AssociationBatch, ProfileAssociation } from '../../linkedin/source';
import { scorePerson } from '../../domain/matching/people';
import { encodePersonScore } from '../../domain/matching/storedScore';
import { renderableProfileUrl } from '../../domain/profileUrl/parse';
import { isTrustedPhotoUrl } from '../../domain/profileUrl/widget';
import { REVALIDATION_INTERVAL_MS } from '../../domain/validation/index';
import { chunks, type RunState } from '../context';
import { readAgain } from '../ignoreGuard';
import type { StepReport } from '../report';

/** Ids per association lookup call (the source chunks further to keep URLs short and runs its batches side by side). */
const LOOKUP_CHUNK = 1000;
/** Lookup calls in flight while the next CRM page is read; their results are taken in the pages' order. */
const LOOKUPS_AHEAD = 4;

/**
 * Step 5: refresh profile associations (member URN, Sales Navigator URL, photo) of records whose association
 * is older than 24 h or missing. A hand-made match (match source Manual) is never overwritten.
 */
export async function associationsStep(state: RunState, step: StepReport): Promise<void> {
  const { crm, linkedin } = state.opts;
  if (linkedin.providesAssociations === false) {
    // No associations source is no information: a record it does not list keeps its link.
    step.status = 'skipped';
    step.note = 'no associations source configured: existing profile links are kept';
    return;
  }
  const now = state.now();
  const syncedBefore = new Date(now - REVALIDATION_INTERVAL_MS).toISOString();
  // Hand-made matches from here on are looked for before the write (a minute early: the CRM's Date header is
  // whole seconds, and looking a little further back only finds more).
  const readFrom = new Date(now - 60_000).toISOString();
  const counts = {
    checked: 0,
    manualKept: 0,
    found: 0,
    updated: 0,
    scored: 0,
    cleared: 0,
    notFound: 0,
    lookupFailed: 0,
    profileLinksDropped: 0,
    photosDropped: 0,
  };
  const updates: PersonUpdate[] = [];
  const at = new Date(now).toISOString();
  const lookups: { kind: PersonKind; part: CrmPerson[]; lookup: Promise<AssociationBatch> }[] = [];
  // Each page's lookups start as soon as it is read; the source runs their batches side by side.
  const take = async (): Promise<void> => {
    const { kind, part, lookup } = lookups.shift() as (typeof lookups)[number];
    counts.checked += part.length;
    const batch = await lookup;
    for (const p of part) {
      const a = batch.found.get(p.id);
      if (a) {
        counts.found++;
        // Only an https LinkedIn profile URL (canonical) and a photo on LinkedIn's media hosts are stored, whatever
        // the source sent: the UIs render the same rule, and a stored value never reaches an href as it came.
        const profileUrl = renderableProfileUrl(a.profileUrl);
        const photoUrl = a.photoUrl && isTrustedPhotoUrl(a.photoUrl) ? a.photoUrl : null;
        if (!profileUrl) {
          counts.profileLinksDropped++;
          step.problems.push({ ref: p.id, reason: 'profile link is not an https LinkedIn profile URL: not stored' });
        }
        if (a.photoUrl && !photoUrl) {
          counts.photosDropped++;
          step.problems.push({ ref: p.id, reason: "photo is not on LinkedIn's media hosts: not stored" });
        }
        const same =
          p.memberUrn === a.memberUrn && (p.profileUrl ?? null) === profileUrl && (p.photoUrl ?? null) === photoUrl;
        const matchScore = storedScoreOf(p, a);
        if (matchScore !== null) counts.scored++;
        updates.push({
          id: p.id,
          kind,
          fields: same
            ? { syncedAt: at, ...(matchScore === null ? {} : { matchScore }) }
            : {
                memberUrn: a.memberUrn,
                profileUrl,
                photoUrl,
                matchSource: 'sync',
                syncedAt: at,
                matchScore,
              },
        });
        if (!same) counts.updated++;
      } else if (batch.failed.has(p.id)) {
        counts.lookupFailed++;
        const f = batch.failed.get(p.id);
        step.problems.push({
          ref: p.id,
          reason: `association lookup failed (${f?.status}): ${f?.message}; retried next run`,
        });
      } else {
        counts.notFound++;
        // LinkedIn no longer holds a high-confidence match: drop the synced one (it would show a stale badge).
        updates.push({
          id: p.id,
          kind,
          fields: p.memberUrn
            ? { memberUrn: null, profileUrl: null, photoUrl: null, matchSource: null, syncedAt: at, matchScore: null }
            : { syncedAt: at },
        });
        if (p.memberUrn) counts.cleared++;
      }
    }
    state.progress.tick(`associations: ${counts.checked} records checked`);
  };
  for (const kind of ['contact', 'lead'] as const) {
    for await (const page of crm.people({ kind, syncedBefore })) {
      const due: CrmPerson[] = [];
      for (const p of page) {
        if (p.matchSource === 'manual') counts.manualKept++;
        else due.push(p);
      }
      for (const part of chunks(due, LOOKUP_CHUNK)) {
        const lookup = linkedin.getAssociations(part.map((p) => p.id));
        lookup.catch(() => undefined);
        lookups.push({ kind, part, lookup });
        while (lookups.length >= LOOKUPS_AHEAD) await take();
      }
    }
  }
  while (lookups.length) await take();
  state.progress.say(`associations: ${counts.checked} records looked up`);
  // Written once validation has read its records (it decides on the member URNs as they were before this step).
  await state.validationRead;
  const writing = await withoutNewManualMatches(state, updates, counts, readFrom);
  state.progress.say(`associations: writing ${writing.length} changes`);
  const result = await state.writes.people('associations', writing);
  for (const f of result.failed) step.problems.push({ ref: f.ref, reason: `${f.code}: ${f.message}` });
  Object.assign(step.counts, counts, {
    written: result.succeeded.length,
    failed: result.failed.length,
    unprocessed: result.unprocessed.length,
  });
  const dropped = counts.profileLinksDropped + counts.photosDropped;
  if (result.failed.length || result.unprocessed.length || counts.lookupFailed || dropped) step.status = 'partial';
}

/**
 * The updates without those whose record a rep matched by hand since it was read (a hand-made match is never
 * overwritten), found right before the write among the records whose link or match score would change (the
 * others only move their synced-at): with one query per kind for the hand-made matches changed since `readFrom`
 * where the CRM offers it, else by reading those records again.
 */
async function withoutNewManualMatches(
  state: RunState,
  updates: PersonUpdate[],
  counts: { manualKept: number },
  readFrom: string,
): Promise<PersonUpdate[]> {
  const { crm } = state.opts;
  const relinking = updates.filter((u) => 'memberUrn' in u.fields || 'matchScore' in u.fields);
  if (!relinking.length) return updates;
  const manual = new Set<string>();
  if (crm.handMatchedSince) {
    for (const kind of new Set(relinking.map((u) => u.kind)))
      for await (const page of crm.handMatchedSince(kind, readFrom)) for (const id of page) manual.add(id);
  } else for (const p of (await readAgain(crm, relinking)).values()) if (p.matchSource === 'manual') manual.add(p.id);
  if (!manual.size) return updates;
  return updates.filter((u) => {
    if (!manual.has(u.id) || !('memberUrn' in u.fields || 'matchScore' in u.fields)) return true;
    counts.manualKept++;
    return false;
  });
}

/**
 * The match's per-criterion score against the record, stored for the badge's "why this match": known only when the
 * source shows the member (the Profile Associations API does not), else null (a new match then keeps no old score).
 */
function storedScoreOf(p: CrmPerson, a: ProfileAssociation): string | null {
  if (!a.member) return null;
  const person = {
    firstName: p.firstName,
    lastName: p.lastName,
    email: p.email,
    phone: p.phone,
    title: p.title,
    companyName: p.companyName,
  };
  return encodePersonScore(scorePerson(person, a.member));
}
