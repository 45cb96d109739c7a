import { DV, DV_VALUES, SF, SF_VALUES, sfName } from '../crmSchema';
import type { BadgePersonFields } from './states';

/**
 * A person's NavSync fields from each CRM's record shape, and what the badge actions write back: the field
 * names and stored values come from crmSchema, so the LWC, the PCF control and the engine agree.
 */

type Row = Record<string, unknown>;

function uiValue(v: unknown): unknown {
  if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, 'value')) {
    return (v as { value: unknown }).value;
  }
  return v;
}

function badgeText(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const s = v.trim();
  return s === '' ? null : s;
}

/** From a Salesforce Contact/Lead record (plain, namespaced or UI API `fields: { X: { value } }`). */
export function badgeFieldsFromSalesforce(
  record: Row | null | undefined,
  namespace: string | null = null,
): BadgePersonFields {
  const src = record && record.fields && typeof record.fields === 'object' ? (record.fields as Row) : record || {};
  const get = (name: string) => {
    const ns = sfName(name, namespace);
    return uiValue(Object.prototype.hasOwnProperty.call(src, ns) ? src[ns] : src[name]);
  };
  const f = SF.person;
  const flag = get(f.notAtCompany);
  const source = get(f.matchSource);
  return {
    notAtCompany:
      flag === SF_VALUES.notAtCompany.notAtCompany
        ? 'notAtCompany'
        : flag === SF_VALUES.notAtCompany.ignore
          ? 'ignore'
          : null,
    memberUrn: badgeText(get(f.memberUrn)),
    profileUrl: badgeText(get(f.profileUrl)),
    photoUrl: badgeText(get(f.photoUrl)),
    matchSource:
      source === SF_VALUES.matchSource.manual ? 'manual' : source === SF_VALUES.matchSource.sync ? 'sync' : null,
    syncedAt: badgeText(get(f.syncedAt)),
  };
}

/** From a Dataverse contact/lead row (Web API JSON; choice columns as numbers). */
export function badgeFieldsFromDataverse(row: Row | null | undefined): BadgePersonFields {
  const r = row || {};
  const c = DV.person;
  const flag = r[c.notAtCompany];
  const source = r[c.matchSource];
  return {
    notAtCompany:
      flag === DV_VALUES.notAtCompany.notAtCompany
        ? 'notAtCompany'
        : flag === DV_VALUES.notAtCompany.ignore
          ? 'ignore'
          : null,
    memberUrn: badgeText(r[c.memberUrn]),
    profileUrl: badgeText(r[c.profileUrl]),
    photoUrl: badgeText(r[c.photoUrl]),
    matchSource:
      source === DV_VALUES.matchSource.manual ? 'manual' : source === DV_VALUES.matchSource.sync ? 'sync' : null,
    syncedAt: badgeText(r[c.syncedAt]),
  };
}

/** The logical change a badge action makes to the person's NavSync fields. */
export type BadgeFieldPatch = Partial<BadgePersonFields>;

/**
 * Ignore: the rep keeps the contact as it is (never overwritten by a later validation). Undo ignore: the flag
 * returns to Not at company until the next validation decides again. Unmatch: the association is cleared.
 * Match by hand: the pasted profile, marked manual, so the sync keeps it.
 */
export function badgeActionPatch(
  action: 'ignore' | 'undoIgnore' | 'unmatch' | 'matchByHand',
  input: { profileUrl?: string; now?: string } = {},
): BadgeFieldPatch {
  if (action === 'ignore') return { notAtCompany: 'ignore' };
  if (action === 'undoIgnore') return { notAtCompany: 'notAtCompany' };
  if (action === 'unmatch')
    return { memberUrn: null, profileUrl: null, photoUrl: null, matchSource: null, syncedAt: null };
  if (!input.profileUrl) throw new Error('matchByHand needs the normalised profile URL');
  return {
    profileUrl: input.profileUrl,
    matchSource: 'manual',
    // The member URN and photo come from the next sync; a URN of a previous match must not linger.
    memberUrn: null,
    photoUrl: null,
    syncedAt: input.now === undefined ? null : input.now,
  };
}

/** A logical patch as Salesforce field values (unnamespaced unless a namespace is given). */
export function badgePatchToSalesforce(
  patch: BadgeFieldPatch,
  namespace: string | null = null,
): Record<string, string | null> {
  const f = SF.person;
  const out: Record<string, string | null> = {};
  const put = (name: string, value: string | null) => {
    out[sfName(name, namespace)] = value;
  };
  if (patch.notAtCompany !== undefined) {
    put(
      f.notAtCompany,
      patch.notAtCompany === 'notAtCompany'
        ? SF_VALUES.notAtCompany.notAtCompany
        : patch.notAtCompany === 'ignore'
          ? SF_VALUES.notAtCompany.ignore
          : null,
    );
  }
  if (patch.memberUrn !== undefined) put(f.memberUrn, patch.memberUrn);
  if (patch.profileUrl !== undefined) put(f.profileUrl, patch.profileUrl);
  if (patch.photoUrl !== undefined) put(f.photoUrl, patch.photoUrl);
  if (patch.matchSource !== undefined) {
    put(f.matchSource, patch.matchSource === null ? null : SF_VALUES.matchSource[patch.matchSource]);
  }
  if (patch.syncedAt !== undefined) put(f.syncedAt, patch.syncedAt);
  return out;
}

/** A logical patch as Dataverse column values (choices as numbers; "no feedback" is the flag's empty value). */
export function badgePatchToDataverse(patch: BadgeFieldPatch): Record<string, string | number | null> {
  const c = DV.person;
  const out: Record<string, string | number | null> = {};
  if (patch.notAtCompany !== undefined) {
    out[c.notAtCompany] =
      patch.notAtCompany === null ? DV_VALUES.notAtCompany.noFeedback : DV_VALUES.notAtCompany[patch.notAtCompany];
  }
  if (patch.memberUrn !== undefined) out[c.memberUrn] = patch.memberUrn;
  if (patch.profileUrl !== undefined) out[c.profileUrl] = patch.profileUrl;
  if (patch.photoUrl !== undefined) out[c.photoUrl] = patch.photoUrl;
  if (patch.matchSource !== undefined) {
    out[c.matchSource] = patch.matchSource === null ? null : DV_VALUES.matchSource[patch.matchSource];
  }
  if (patch.syncedAt !== undefined) out[c.syncedAt] = patch.syncedAt;
  return out;
}
