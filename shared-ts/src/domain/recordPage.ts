// What the Salesforce record page (Embedded Profile + CRM badge) calls, and nothing more: built into the LWC
// service module c/navsyncRecord so a record page does not load the whole core (no catalogue texts: the page's
// texts are custom labels). Keep this file a list of exports only.
export { format } from './i18n/format';
export { resolveLocale } from './i18n/locales';
export { badgeState, badgeSyncedText, badgeAllows } from './badge/states';
export { badgeActionPatch, badgeFieldsFromSalesforce, badgePatchToSalesforce } from './badge/records';
export { badgeExplanation } from './badge/explain';
export { criterionLabelKey, confidenceLabelKey, levelLabelKey } from './matching/explain';
export { decodeStoredScore } from './matching/storedScore';
export { parseProfileUrl, renderableProfileUrl } from './profileUrl/parse';
export { buildSalesNavigatorWidgetUrl, isTrustedPhotoUrl } from './profileUrl/widget';
