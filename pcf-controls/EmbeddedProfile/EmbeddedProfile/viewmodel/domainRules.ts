import {
  DV,
  badgeActionPatch,
  badgeFieldsFromDataverse,
  badgePatchToDataverse,
  badgeState,
  badgeSyncedText,
  buildSalesNavigatorWidgetUrl,
  isTrustedPhotoUrl,
  linkedInCompanyId,
  parseProfileUrl,
  renderableProfileUrl,
} from '@navsync/shared-ts';
import type { PersonRecord } from '../services/ProfileService';
import type { BadgeView, ParsedProfileUrl, PatchAction, ProfileRules, SearchInputs } from './rules';

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
