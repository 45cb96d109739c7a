/**
 * The CRM badge on Contact and Lead records: its states, the actions each state allows (as data), and the
 * state of a record from its NavSync fields (crmSchema person fields) at a given moment.
 */

export const BADGE_STATES = [
  'matchedBySync',
  'matchedByHand',
  'notMatched',
  'notAtCompany',
  'ignored',
  'stale',
] as const;
export type BadgeState = (typeof BADGE_STATES)[number];

export const BADGE_ACTIONS = [
  'viewProfile',
  'matchByHand',
  'unmatch',
  'updateAccount',
  'ignore',
  'undoIgnore',
  'refresh',
] as const;
export type BadgeAction = (typeof BADGE_ACTIONS)[number];

export interface BadgeActionDefinition {
  id: BadgeAction;
  labelKey: string;
  /** How the UI presents it: the state's main action, a normal one, or one that removes data. */
  variant: 'brand' | 'neutral' | 'destructive';
  /** Asked before doing it (i18n key), when the action is hard to undo. */
  confirmKey?: string;
  /** Needs the record's Sales Navigator URL. */
  needsProfileUrl?: boolean;
}

/** Action labels are the Embedded Profile's texts (one definition of each text). */
export const BADGE_ACTION_DEFINITIONS: Record<BadgeAction, BadgeActionDefinition> = {
  viewProfile: {
    id: 'viewProfile',
    labelKey: 'profile.viewInSalesNavigator',
    variant: 'neutral',
    needsProfileUrl: true,
  },
  matchByHand: { id: 'matchByHand', labelKey: 'profile.matchByHand', variant: 'neutral' },
  unmatch: { id: 'unmatch', labelKey: 'profile.unmatch', variant: 'destructive', confirmKey: 'profile.unmatchConfirm' },
  updateAccount: { id: 'updateAccount', labelKey: 'profile.updateAccount', variant: 'brand' },
  ignore: { id: 'ignore', labelKey: 'profile.ignore', variant: 'neutral' },
  undoIgnore: { id: 'undoIgnore', labelKey: 'profile.undoIgnore', variant: 'neutral' },
  refresh: { id: 'refresh', labelKey: 'common.refresh', variant: 'neutral' },
};

export interface BadgeStateDefinition {
  state: BadgeState;
  labelKey: string;
  descriptionKey: string;
  /** Lightning/Fluent look: success, warning, error or neutral. */
  tone: 'success' | 'warning' | 'error' | 'neutral';
  /** In display order; the first is the main one. */
  actions: readonly BadgeAction[];
}

export const BADGE_STATE_DEFINITIONS: Record<BadgeState, BadgeStateDefinition> = {
  matchedBySync: {
    state: 'matchedBySync',
    labelKey: 'badge.matchedBySync',
    descriptionKey: 'badge.matchedBySyncDesc',
    tone: 'success',
    // A rep may still correct a sync match by matching by hand (manual wins over sync).
    actions: ['viewProfile', 'matchByHand', 'unmatch', 'refresh'],
  },
  matchedByHand: {
    state: 'matchedByHand',
    labelKey: 'badge.matchedByHand',
    descriptionKey: 'badge.matchedByHandDesc',
    tone: 'success',
    actions: ['viewProfile', 'matchByHand', 'unmatch', 'refresh'],
  },
  notMatched: {
    state: 'notMatched',
    labelKey: 'badge.notMatched',
    descriptionKey: 'badge.notMatchedDesc',
    tone: 'neutral',
    actions: ['matchByHand', 'refresh'],
  },
  notAtCompany: {
    state: 'notAtCompany',
    labelKey: 'badge.notAtCompany',
    descriptionKey: 'badge.notAtCompanyDesc',
    tone: 'error',
    actions: ['updateAccount', 'ignore', 'viewProfile'],
  },
  ignored: {
    state: 'ignored',
    labelKey: 'badge.ignored',
    descriptionKey: 'badge.ignoredDesc',
    tone: 'neutral',
    actions: ['viewProfile', 'undoIgnore'],
  },
  stale: {
    state: 'stale',
    labelKey: 'badge.stale',
    descriptionKey: 'badge.staleDesc',
    tone: 'warning',
    actions: ['refresh', 'viewProfile', 'unmatch'],
  },
};

/** Association older than this many days is shown as out of date (configurable per org). */
export const DEFAULT_STALE_AFTER_DAYS = 7;

/** A person's NavSync fields in logical form (see badgeFieldsFromSalesforce / badgeFieldsFromDataverse). */
export interface BadgePersonFields {
  notAtCompany: 'notAtCompany' | 'ignore' | null;
  memberUrn: string | null;
  profileUrl: string | null;
  photoUrl: string | null;
  matchSource: 'sync' | 'manual' | null;
  /** When the association was last confirmed by a sync (ISO date-time). */
  syncedAt: string | null;
}

export interface BadgeInfo {
  state: BadgeState;
  labelKey: string;
  descriptionKey: string;
  /** Parameters of the description (e.g. `days` for stale). */
  params: Record<string, string | number>;
  tone: BadgeStateDefinition['tone'];
  /** The state's actions this record can do now (view profile only with a profile URL). */
  actions: BadgeActionDefinition[];
  /** Whole days since the last sync; null when never synced. */
  daysSinceSync: number | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function toMillis(value: Date | number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') return null;
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return isNaN(ms) ? null : ms;
}

/** Is there a LinkedIn member on this record (by sync or by hand)? */
export function isMatched(fields: BadgePersonFields): boolean {
  return Boolean((fields.memberUrn && fields.memberUrn.trim()) || (fields.profileUrl && fields.profileUrl.trim()));
}

/**
 * The badge of a record now. Precedence: a Not-at-company flag first (it needs action), then the rep's Ignore,
 * then a match (out of date when the last sync is more than `staleAfterDays` ago), else not matched.
 */
export function badgeState(
  fields: BadgePersonFields,
  now: Date | number | string,
  options: { staleAfterDays?: number } = {},
): BadgeInfo {
  const staleAfter = options.staleAfterDays === undefined ? DEFAULT_STALE_AFTER_DAYS : options.staleAfterDays;
  const nowMs = toMillis(now);
  const syncedMs = toMillis(fields.syncedAt);
  const daysSinceSync =
    nowMs !== null && syncedMs !== null ? Math.max(0, Math.floor((nowMs - syncedMs) / DAY_MS)) : null;

  let state: BadgeState;
  if (fields.notAtCompany === 'notAtCompany') state = 'notAtCompany';
  else if (fields.notAtCompany === 'ignore') state = 'ignored';
  else if (!isMatched(fields)) state = 'notMatched';
  else if (daysSinceSync !== null && nowMs !== null && syncedMs !== null && nowMs - syncedMs > staleAfter * DAY_MS) {
    state = 'stale';
  } else state = fields.matchSource === 'manual' ? 'matchedByHand' : 'matchedBySync';

  const def = BADGE_STATE_DEFINITIONS[state];
  const hasUrl = Boolean(fields.profileUrl && fields.profileUrl.trim());
  return {
    state,
    labelKey: def.labelKey,
    descriptionKey: def.descriptionKey,
    params: state === 'stale' ? { days: daysSinceSync as number } : {},
    tone: def.tone,
    actions: def.actions.map((a) => BADGE_ACTION_DEFINITIONS[a]).filter((a) => hasUrl || !a.needsProfileUrl),
    daysSinceSync,
  };
}

/** Is this action offered for this record now? (The UI checks before acting on a stale click.) */
export function badgeAllows(info: BadgeInfo, action: BadgeAction): boolean {
  return info.actions.some((a) => a.id === action);
}

/** "Synced today" / "Synced N days ago" / "Not synced yet" for the badge footer. */
export function badgeSyncedText(info: Pick<BadgeInfo, 'daysSinceSync'>): {
  key: string;
  params: Record<string, number>;
} {
  if (info.daysSinceSync === null) return { key: 'badge.neverSynced', params: {} };
  if (info.daysSinceSync === 0) return { key: 'badge.syncedToday', params: {} };
  return { key: 'badge.syncedDaysAgo', params: { days: info.daysSinceSync } };
}
