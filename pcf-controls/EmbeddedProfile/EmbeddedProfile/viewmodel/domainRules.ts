import {
  DV,
  badgeActionPatch,
  badgeFieldsFromDataverse,
  badgePatchToDataverse,
  badgeExplanation,
  badgeState,
  badgeSyncedText,
  buildSalesNavigatorWidgetUrl,
  confidenceLabelKey,
  criterionLabelKey,
  decodeStoredScore,
  isTrustedPhotoUrl,
  linkedInCompanyId,
  levelLabelKey,
  parseProfileUrl,
  renderableProfileUrl,
  type BadgeInfo,
  type Confidence,
  type PersonCriterion,
} from '@navsync/shared-ts';
import type { PersonRecord } from '../services/ProfileService';
import type { BadgeView, ParsedProfileUrl, PatchAction, ProfileRules, SearchInputs, WhyView } from './rules';

function rowOf(person: PersonRecord): Record<string, unknown> {
  const p = DV.person;
  return {
    [p.notAtCompany]: person.notAtCompany,
    [p.memberUrn]: person.memberUrn,
    [p.profileUrl]: person.profileUrl,
    [p.photoUrl]: person.photoUrl,
    [p.matchSource]: person.matchSource,
    [p.syncedAt]: person.syncedAt,
  };
}

/** The badge's "why this match", from the score the sync stored on the record (the Salesforce badge does the same). */
function whyOf(info: BadgeInfo, stored: string | null): WhyView | null {
  if (info.state === 'matchedByHand') return { kind: 'manual' };
  const decoded = decodeStoredScore(stored);
  const e = badgeExplanation(info, decoded?.kind === 'person' ? decoded.score : null);
  if (!e) return null;
  const labelKey = (criterion: string) => criterionLabelKey(criterion as PersonCriterion);
  return {
    kind: 'score',
    total: e.total,
    confidenceKey: confidenceLabelKey(e.confidence as Confidence),
    lines: e.contributions.map((c) => ({
      criterion: c.criterion,
      labelKey: labelKey(c.criterion),
      points: c.points,
      share: c.sharePercent,
      levelKey: c.level && c.level !== 'none' ? levelLabelKey(c.level) : null,
    })),
    noPointsKeys: e.unmatchedCriteria.map(labelKey),
  };
}

/** The control's rules, all from the shared core (the same ones the Salesforce LWC uses). */
export const domainRules: ProfileRules = {
  parseProfileUrl(text: string): ParsedProfileUrl {
    const r = parseProfileUrl(text);
    return r.ok ? { ok: true, url: r.value.normalizedUrl } : { ok: false, errorKey: r.errorKey };
  },

  badge(person: PersonRecord, now: Date): BadgeView {
    const info = badgeState(badgeFieldsFromDataverse(rowOf(person)), now);
    return {
      state: info.state,
      labelKey: info.labelKey,
      descriptionKey: info.descriptionKey,
      params: info.params,
      tone: info.tone,
      actions: info.actions.map((a) => a.id),
      synced: badgeSyncedText(info),
      why: whyOf(info, person.matchScore),
    };
  },

  patch(action: PatchAction, input = {}) {
    // "Update account" puts the flag back to No feedback until the next validation decides again.
    if (action === 'resetFlag') return badgePatchToDataverse({ notAtCompany: null });
    return badgePatchToDataverse(badgeActionPatch(action, input));
  },

  trustedPhoto(url: string | null): string | null {
    return url !== null && isTrustedPhotoUrl(url) ? url : null;
  },

  companyLink(urn: string | null): string | null {
    const id = linkedInCompanyId(urn);
    return id ? `https://www.linkedin.com/company/${id}` : null;
  },

  profileLink(stored: string | null): string | null {
    return renderableProfileUrl(stored);
  },

  iframeUrl(person: PersonRecord, inputs: SearchInputs): string | null {
    return buildSalesNavigatorWidgetUrl({
      apiKey: inputs.apiKey,
      crmType: person.entity === 'lead' ? 'lead' : 'contact',
      crmRecordId: person.id,
      firstName: inputs.firstName,
      lastName: inputs.lastName,
      email: inputs.email,
      companyName: inputs.company,
    });
  },
};
