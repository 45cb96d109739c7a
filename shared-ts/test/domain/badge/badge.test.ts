import fc from 'fast-check';
import {
  BADGE_ACTIONS,
  BADGE_ACTION_DEFINITIONS,
  BADGE_STATES,
  BADGE_STATE_DEFINITIONS,
  DEFAULT_STALE_AFTER_DAYS,
  badgeActionPatch,
  badgeAllows,
  badgeExplanation,
  badgeFieldsFromDataverse,
  badgeFieldsFromSalesforce,
  badgePatchToDataverse,
  badgePatchToSalesforce,
  badgeState,
  badgeSyncedText,
  type BadgePersonFields,
} from '../../../src/domain/badge/index';
import { CATALOGUES, LOCALES, t } from '../../../src/domain/i18n/index';

const NOW = '2026-11-22T12:00:00.000Z';
const daysAgo = (d: number) => new Date(Date.parse(NOW) - d * 86400000).toISOString();
const none: BadgePersonFields = {
  notAtCompany: null,
  memberUrn: null,
  profileUrl: null,
  photoUrl: null,
  matchSource: null,
  syncedAt: null,
};
const matched: BadgePersonFields = {
  ...none,
  memberUrn: 'urn:li:person:AbC123',
  profileUrl: 'https://www.linkedin.com/sales/lead/ACwAAAAbCdEf,NAME_SEARCH,x1',
  matchSource: 'sync',
  syncedAt: daysAgo(1),
};

describe('badgeState', () => {
  const cases: [string, BadgePersonFields, string, string[]][] = [
    ['matched by the sync yesterday', matched, 'matchedBySync', ['viewProfile', 'matchByHand', 'unmatch', 'refresh']],
    [
      'matched by hand',
      { ...matched, matchSource: 'manual' },
      'matchedByHand',
      ['viewProfile', 'matchByHand', 'unmatch', 'refresh'],
    ],
    ['nothing linked', none, 'notMatched', ['matchByHand', 'refresh']],
    [
      'flagged Not at company',
      { ...matched, notAtCompany: 'notAtCompany' },
      'notAtCompany',
      ['updateAccount', 'ignore', 'viewProfile'],
    ],
    [
      'flagged but no profile URL',
      { ...none, notAtCompany: 'notAtCompany' },
      'notAtCompany',
      ['updateAccount', 'ignore'],
    ],
    ['rep ignored the flag', { ...matched, notAtCompany: 'ignore' }, 'ignored', ['viewProfile', 'undoIgnore']],
    ['synced 30 days ago', { ...matched, syncedAt: daysAgo(30) }, 'stale', ['refresh', 'viewProfile', 'unmatch']],
    [
      'manual match synced 30 days ago is stale too',
      { ...matched, matchSource: 'manual', syncedAt: daysAgo(30) },
      'stale',
      ['refresh', 'viewProfile', 'unmatch'],
    ],
    [
      'matched, never synced (manual paste)',
      { ...none, profileUrl: matched.profileUrl, matchSource: 'manual' },
      'matchedByHand',
      ['viewProfile', 'matchByHand', 'unmatch', 'refresh'],
    ],
    [
      'flag wins over staleness',
      { ...matched, syncedAt: daysAgo(90), notAtCompany: 'notAtCompany' },
      'notAtCompany',
      ['updateAccount', 'ignore', 'viewProfile'],
    ],
  ];

  test.each(cases)('%s → %s', (_name, fields, state, actions) => {
    const info = badgeState(fields, NOW);
    expect(info.state).toBe(state);
    expect(info.actions.map((a) => a.id)).toEqual(actions);
    expect(info.labelKey).toBe(`badge.${state}`);
  });

  test('stale after exactly N days is not stale yet; one minute more is', () => {
    const edge = { ...matched, syncedAt: daysAgo(DEFAULT_STALE_AFTER_DAYS) };
    expect(badgeState(edge, NOW).state).toBe('matchedBySync');
    expect(badgeState(edge, Date.parse(NOW) + 60000).state).toBe('stale');
  });

  test('N is configurable', () => {
    const f = { ...matched, syncedAt: daysAgo(3) };
    expect(badgeState(f, NOW, { staleAfterDays: 2 }).state).toBe('stale');
    expect(badgeState(f, NOW, { staleAfterDays: 30 }).state).toBe('matchedBySync');
  });

  test('stale names the number of days in every language', () => {
    const info = badgeState({ ...matched, syncedAt: daysAgo(12) }, new Date(NOW));
    expect(info.params).toEqual({ days: 12 });
    expect(t(info.descriptionKey, 'en', info.params)).toBe(
      'This match was last confirmed 12 days ago. Refresh to update it.',
    );
    for (const locale of LOCALES) expect(t(info.descriptionKey, locale, info.params)).toContain('12');
  });

  test('an unreadable sync date is treated as never synced, not as stale', () => {
    const info = badgeState({ ...matched, syncedAt: 'not a date' }, NOW);
    expect(info.state).toBe('matchedBySync');
    expect(info.daysSinceSync).toBeNull();
  });

  test('badgeAllows follows the state', () => {
    const flagged = badgeState({ ...matched, notAtCompany: 'notAtCompany' }, NOW);
    expect(badgeAllows(flagged, 'ignore')).toBe(true);
    expect(badgeAllows(flagged, 'undoIgnore')).toBe(false);
    expect(badgeAllows(badgeState(none, NOW), 'unmatch')).toBe(false);
  });

  test('synced footer text', () => {
    expect(badgeSyncedText(badgeState(matched, NOW))).toEqual({ key: 'badge.syncedDaysAgo', params: { days: 1 } });
    expect(badgeSyncedText(badgeState({ ...matched, syncedAt: NOW }, NOW)).key).toBe('badge.syncedToday');
    expect(badgeSyncedText(badgeState(none, NOW)).key).toBe('badge.neverSynced');
  });

  test('every state and action has its texts in every language', () => {
    const keys = [
      ...BADGE_STATES.flatMap((s) => [BADGE_STATE_DEFINITIONS[s].labelKey, BADGE_STATE_DEFINITIONS[s].descriptionKey]),
      ...BADGE_ACTIONS.map((a) => BADGE_ACTION_DEFINITIONS[a].labelKey),
      ...BADGE_ACTIONS.map((a) => BADGE_ACTION_DEFINITIONS[a].confirmKey).filter((k): k is string => k !== undefined),
    ];
    for (const locale of LOCALES) for (const k of keys) expect(CATALOGUES[locale][k]).toBeTruthy();
  });

  test('total: any fields and any time give one of the six states, and only that state’s actions (property)', () => {
    const text = fc.option(fc.string(), { nil: null });
    const fields = fc.record({
      notAtCompany: fc.constantFrom(null, 'notAtCompany' as const, 'ignore' as const),
      memberUrn: text,
      profileUrl: text,
      photoUrl: text,
      matchSource: fc.constantFrom(null, 'sync' as const, 'manual' as const),
      syncedAt: fc.option(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fields, fc.date({ noInvalidDate: true }), (f, now) => {
        const info = badgeState(f, now);
        expect(BADGE_STATES).toContain(info.state);
        const allowed = BADGE_STATE_DEFINITIONS[info.state].actions;
        for (const a of info.actions) expect(allowed).toContain(a.id);
        if (f.notAtCompany === 'notAtCompany') expect(info.state).toBe('notAtCompany');
        if (f.notAtCompany === 'ignore') expect(info.state).toBe('ignored');
      }),
    );
  });
});

describe('badge fields from CRM records', () => {
  test('Salesforce UI API record (namespaced) → logical fields', () => {
    const record = {
      apiName: 'Contact',
      fields: {
        navsync__Not_At_Company__c: { value: 'Not at Company', displayValue: 'Niet meer bij bedrijf' },
        navsync__LinkedIn_Member_URN__c: { value: 'urn:li:person:AbC123', displayValue: null },
        navsync__Sales_Navigator_URL__c: { value: matched.profileUrl, displayValue: null },
        navsync__LinkedIn_Photo_URL__c: { value: null, displayValue: null },
        navsync__Match_Source__c: { value: 'Manual', displayValue: 'Handmatig' },
        navsync__LinkedIn_Synced_At__c: { value: daysAgo(2), displayValue: null },
      },
    };
    expect(badgeFieldsFromSalesforce(record, 'navsync')).toEqual({
      notAtCompany: 'notAtCompany',
      memberUrn: 'urn:li:person:AbC123',
      profileUrl: matched.profileUrl,
      photoUrl: null,
      matchSource: 'manual',
      syncedAt: daysAgo(2),
    });
  });

  test('Dataverse row with choice values → logical fields', () => {
    const row = {
      contactid: 'c1',
      navsync_notatcompany: 613730002,
      navsync_memberurn: 'urn:li:person:XyZ',
      navsync_salesnavurl: '',
      navsync_matchsource: 613730000,
      navsync_syncedat: daysAgo(0),
    };
    expect(badgeFieldsFromDataverse(row)).toMatchObject({
      notAtCompany: 'ignore',
      profileUrl: null,
      matchSource: 'sync',
    });
    expect(badgeFieldsFromDataverse({ navsync_notatcompany: 613730000 }).notAtCompany).toBeNull();
  });
});

describe('badge action patches', () => {
  test('ignore / undo ignore write the flag in each CRM’s values', () => {
    expect(badgePatchToSalesforce(badgeActionPatch('ignore'))).toEqual({ Not_At_Company__c: 'Ignore' });
    expect(badgePatchToDataverse(badgeActionPatch('ignore'))).toEqual({ navsync_notatcompany: 613730002 });
    expect(badgePatchToSalesforce(badgeActionPatch('undoIgnore'), 'navsync')).toEqual({
      navsync__Not_At_Company__c: 'Not at Company',
    });
    expect(badgePatchToDataverse(badgeActionPatch('undoIgnore'))).toEqual({ navsync_notatcompany: 613730001 });
  });

  test('unmatch clears the association, and the record then reads as not matched', () => {
    const sf = badgePatchToSalesforce(badgeActionPatch('unmatch'));
    expect(Object.values(sf).every((v) => v === null)).toBe(true);
    const after = badgeFieldsFromSalesforce({ ...badgePatchToSalesforce({ notAtCompany: null }), ...sf });
    expect(badgeState(after, NOW).state).toBe('notMatched');
  });

  test('match by hand stores the normalised URL as a manual match', () => {
    const patch = badgeActionPatch('matchByHand', {
      profileUrl: 'https://www.linkedin.com/in/anneke-de-vries',
      now: NOW,
    });
    const row = badgePatchToDataverse(patch);
    expect(row).toMatchObject({
      navsync_salesnavurl: 'https://www.linkedin.com/in/anneke-de-vries',
      navsync_matchsource: 613730001,
      navsync_memberurn: null,
    });
    expect(badgeState(badgeFieldsFromDataverse(row), NOW).state).toBe('matchedByHand');
    expect(() => badgeActionPatch('matchByHand')).toThrow(/profile URL/);
  });
});

describe('badge explanation', () => {
  const score = {
    total: 87,
    confidence: 'high',
    contributions: [
      { criterion: 'email', points: 40, level: 'exact', evidence: 'anneke@philips.com = anneke@philips.com' },
      { criterion: 'lastName', points: 20, level: 'exact', evidence: 'de Vries = de Vries' },
      { criterion: 'currentCompany', points: 27, level: 'exact', evidence: 'Philips N.V. = Koninklijke Philips' },
      { criterion: 'phone', points: 0, level: 'none', evidence: '' },
    ],
  };

  test('per-criterion contributions, strongest first, with shares that add up to about 100%', () => {
    const e = badgeExplanation({ state: 'matchedBySync' }, score)!;
    expect(e.contributions.map((c) => c.criterion)).toEqual(['email', 'currentCompany', 'lastName']);
    expect(e.contributions.map((c) => c.sharePercent)).toEqual([46, 31, 23]);
    expect(e.contributions.map((c) => c.level)).toEqual(['exact', 'exact', 'exact']);
    expect(e.unmatchedCriteria).toEqual(['phone']);
    expect(e.total).toBe(87);
    expect(e.confidence).toBe('high');
  });

  test('no explanation for a match by hand or without a score', () => {
    expect(badgeExplanation({ state: 'matchedByHand' }, score)).toBeNull();
    expect(badgeExplanation({ state: 'matchedBySync' }, null)).toBeNull();
  });
});
