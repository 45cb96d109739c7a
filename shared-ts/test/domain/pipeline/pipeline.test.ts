import fc from 'fast-check';
import {
  autoSaveSets,
  orderPipelineStages,
  pipelineStageRanks,
  type AutoSaveInput,
  type PipelineOpportunity,
  type PipelineStage,
} from '../../../src/domain/pipeline/index';
import { t } from '../../../src/domain/i18n/index';

// A Salesforce-like standard stage list, returned by the API in a scrambled order.
const STAGES: PipelineStage[] = [
  { name: 'Closed Won', sortOrder: 9, probability: 100, isClosed: true, isWon: true },
  { name: 'Prospecting', sortOrder: 1, probability: 10, isClosed: false, isWon: false },
  { name: 'Negotiation/Review', sortOrder: 7, probability: 90, isClosed: false, isWon: false },
  { name: 'Qualification', sortOrder: 2, probability: 10, isClosed: false, isWon: false },
  { name: 'Closed Lost', sortOrder: 10, probability: 0, isClosed: true, isWon: false },
  { name: 'Proposal/Price Quote', sortOrder: 6, probability: 75, isClosed: false, isWon: false },
  { name: 'Needs Analysis', sortOrder: 3, probability: 20, isClosed: false, isWon: false },
];

const OPPS: PipelineOpportunity[] = [
  { id: '006-rossi', ownerId: 'u-giulia', accountId: '001-rossi', stage: 'Negotiation/Review', isClosed: false },
  { id: '006-bakker', ownerId: 'u-lars', accountId: '001-bakker', stage: 'Qualification', isClosed: false },
  { id: '006-sge', ownerId: 'u-sophie', accountId: '001-sge', stage: 'Proposal/Price Quote', isClosed: false },
  { id: '006-sge-won', ownerId: 'u-sophie', accountId: '001-sge-2', stage: 'Closed Won', isClosed: true },
  { id: '006-mueller', ownerId: 'u-sophie', accountId: '001-mueller', stage: 'Prospecting', isClosed: false },
  { id: '006-oddstage', ownerId: 'u-lars', accountId: '001-odd', stage: 'Verbal Yes', isClosed: false },
  { id: '006-flagclosed', ownerId: 'u-lars', accountId: '001-x', stage: 'Negotiation/Review', isClosed: true },
  { id: '006-noseat', ownerId: 'u-nobody', accountId: '001-nobody', stage: 'Negotiation/Review', isClosed: false },
  {
    id: '006-dv',
    ownerId: 'u-giulia',
    accountId: null,
    stage: 'Needs Analysis',
    isClosed: false,
    primaryContactId: '003-chiara',
  },
];

const ROLES = [
  { opportunityId: '006-rossi', contactId: '003-giorgio' },
  { opportunityId: '006-rossi', contactId: '003-chiara' },
  { opportunityId: '006-sge', contactId: '003-elodie' },
  { opportunityId: '006-sge-won', contactId: '003-jean' },
  { opportunityId: '006-bakker', contactId: '003-anneke' },
  { opportunityId: '006-mueller', contactId: '003-juergen' },
];

const SEATS = [
  { userId: 'u-sophie', enabled: true, writeBackOptOut: [] },
  { userId: 'u-lars', enabled: false, writeBackOptOut: [] },
  { userId: 'u-giulia', enabled: true, writeBackOptOut: [] },
];

function input(over: Partial<AutoSaveInput> = {}): AutoSaveInput {
  return {
    stages: STAGES,
    threshold: 'Needs Analysis',
    opportunities: OPPS,
    contactRoles: ROLES,
    autoSyncAllSeats: true,
    seats: SEATS,
    ...over,
  };
}

describe('stage order', () => {
  test('orders by sort order and puts closed stages where the org has them', () => {
    expect(orderPipelineStages(STAGES).map((s) => s.name)).toEqual([
      'Prospecting',
      'Qualification',
      'Needs Analysis',
      'Proposal/Price Quote',
      'Negotiation/Review',
      'Closed Won',
      'Closed Lost',
    ]);
  });
  test('without sort order: probability, then open before closed, then name', () => {
    const dv: PipelineStage[] = [
      { name: '3-Propose', sortOrder: null, probability: 60, isClosed: false, isWon: false },
      { name: 'Gewonnen', sortOrder: null, probability: 100, isClosed: true, isWon: true },
      { name: '1-Qualify', sortOrder: null, probability: 20, isClosed: false, isWon: false },
      { name: '2-Develop', sortOrder: null, probability: 40, isClosed: false, isWon: false },
      { name: 'Afgewezen', sortOrder: null, probability: null, isClosed: true, isWon: false },
    ];
    expect(orderPipelineStages(dv).map((s) => s.name)).toEqual([
      '1-Qualify',
      '2-Develop',
      '3-Propose',
      'Gewonnen',
      'Afgewezen',
    ]);
  });
  test('a repeated stage name keeps its first position; ranks are 0-based', () => {
    const ranks = pipelineStageRanks([
      ...STAGES,
      { name: 'Prospecting', sortOrder: 99, isClosed: false, isWon: false },
    ]);
    expect(ranks.get('Prospecting')).toBe(0);
    expect(ranks.size).toBe(STAGES.length);
  });
});

describe('autoSaveSets', () => {
  test('auto-sync all seat holders, threshold Needs Analysis', () => {
    const r = autoSaveSets(input());
    expect(r.ok).toBe(true);
    expect(r.sets).toEqual([
      {
        userId: 'u-giulia',
        accountIds: ['001-rossi'],
        contactIds: ['003-chiara', '003-giorgio'],
        opportunityIds: ['006-dv', '006-rossi'],
      },
      { userId: 'u-lars', accountIds: [], contactIds: [], opportunityIds: [] },
      { userId: 'u-sophie', accountIds: ['001-sge'], contactIds: ['003-elodie'], opportunityIds: ['006-sge'] },
    ]);
    expect(r.unknownStage).toEqual(['006-oddstage']);
  });

  test('"Not sure" = every open opportunity of the seat holders', () => {
    const r = autoSaveSets(input({ threshold: null }));
    const sophie = r.sets.find((s) => s.userId === 'u-sophie')!;
    expect(sophie.opportunityIds).toEqual(['006-mueller', '006-sge']);
    expect(sophie.contactIds).toEqual(['003-elodie', '003-juergen']);
    expect(r.sets.find((s) => s.userId === 'u-lars')!.accountIds).toEqual(['001-bakker']);
  });

  test('per-seat enablement: only seats switched on get a set', () => {
    const r = autoSaveSets(input({ autoSyncAllSeats: false, threshold: null }));
    expect(r.sets.map((s) => s.userId)).toEqual(['u-giulia', 'u-sophie']);
  });

  test('a deactivated CRM user gets no set when the user list is known', () => {
    const users = [
      { id: 'u-sophie', name: 'Sophie Martin', active: true },
      { id: 'u-lars', name: 'Lars de Jong', active: true },
      { id: 'u-giulia', name: 'Giulia Rossi', active: false },
    ];
    expect(autoSaveSets(input({ users })).sets.map((s) => s.userId)).toEqual(['u-lars', 'u-sophie']);
  });

  test('closed opportunities never count, not even at a high stage or with the IsClosed flag alone', () => {
    const all = autoSaveSets(input({ threshold: null })).sets.flatMap((s) => s.opportunityIds);
    expect(all).not.toContain('006-sge-won');
    expect(all).not.toContain('006-flagclosed');
    expect(all).not.toContain('006-noseat');
  });

  test('threshold at the last open stage keeps only opportunities in negotiation', () => {
    const r = autoSaveSets(input({ threshold: 'Negotiation/Review' }));
    expect(r.sets.flatMap((s) => s.opportunityIds)).toEqual(['006-rossi']);
  });

  test('an unknown threshold saves nothing and says why, in the settings page’s words', () => {
    const r = autoSaveSets(input({ threshold: 'Verhandlung' }));
    expect(r.ok).toBe(false);
    expect(r.sets).toEqual([]);
    expect(t(r.error!.key, 'de', r.error!.params)).toContain('Verhandlung');
  });

  test('no seats → no sets', () => {
    expect(autoSaveSets(input({ seats: [] })).sets).toEqual([]);
  });

  test('the output does not depend on the order of the input', () => {
    const a = autoSaveSets(input());
    const b = autoSaveSets(
      input({
        stages: STAGES.slice().reverse(),
        opportunities: OPPS.slice().reverse(),
        contactRoles: ROLES.slice().reverse(),
        seats: SEATS.slice().reverse(),
      }),
    );
    expect(b).toEqual(a);
  });
});

describe('auto-save invariants (property-based)', () => {
  const stageArb = fc.uniqueArray(
    fc.record({
      name: fc.constantFrom('S1', 'S2', 'S3', 'S4', 'Won', 'Lost'),
      sortOrder: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
      probability: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      isClosed: fc.boolean(),
      isWon: fc.boolean(),
    }),
    { selector: (s) => s.name, minLength: 1 },
  );
  const oppArb = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    ownerId: fc.constantFrom('u1', 'u2', 'u3', null),
    accountId: fc.option(fc.constantFrom('a1', 'a2', 'a3', 'a4'), { nil: null }),
    stage: fc.option(fc.constantFrom('S1', 'S2', 'S3', 'S4', 'Won', 'Lost', 'Odd'), { nil: null }),
    isClosed: fc.boolean(),
  });

  test('a set only holds open opportunities at or past the threshold, owned by its syncing seat holder', () => {
    fc.assert(
      fc.property(
        stageArb,
        fc.array(oppArb, { maxLength: 30 }),
        fc.option(fc.constantFrom('S1', 'S2', 'S3', 'S4'), { nil: null }),
        fc.boolean(),
        (stages, opps, threshold, allSeats) => {
          const seats = [
            { userId: 'u1', enabled: true, writeBackOptOut: [] },
            { userId: 'u2', enabled: false, writeBackOptOut: [] },
          ];
          const r = autoSaveSets({
            stages,
            threshold,
            opportunities: opps,
            contactRoles: [],
            autoSyncAllSeats: allSeats,
            seats,
          });
          if (!r.ok) return threshold !== null && !stages.some((s) => s.name === threshold);
          const ranks = pipelineStageRanks(stages);
          const min = threshold === null ? -1 : ranks.get(threshold)!;
          const closed = new Set<string>(stages.filter((s) => s.isClosed).map((s) => s.name));
          return r.sets.every(
            (set) =>
              (allSeats || set.userId === 'u1') &&
              set.opportunityIds.every((id) =>
                opps.some(
                  (o) =>
                    o.id === id &&
                    o.ownerId === set.userId &&
                    !o.isClosed &&
                    o.stage !== null &&
                    !closed.has(o.stage) &&
                    ranks.has(o.stage) &&
                    ranks.get(o.stage)! >= min,
                ),
              ),
          );
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('autoSaveSets: more situations', () => {
  // A Dataverse org in German: sales stages without sort order, ordered by probability.
  const DE: PipelineStage[] = [
    { name: 'Angebot', sortOrder: null, probability: 60, isClosed: false, isWon: false },
    { name: 'Qualifizieren', sortOrder: null, probability: 20, isClosed: false, isWon: false },
    { name: 'Entwickeln', sortOrder: null, probability: 40, isClosed: false, isWon: false },
    { name: 'Abschließen', sortOrder: null, probability: 80, isClosed: false, isWon: false },
    { name: 'Gewonnen', sortOrder: null, probability: 100, isClosed: true, isWon: true },
  ];
  const seats = [
    { userId: 'u-jonas', enabled: true, writeBackOptOut: [] },
    { userId: 'u-lea', enabled: true, writeBackOptOut: [] },
  ];
  const opps: PipelineOpportunity[] = [
    {
      id: 'o1',
      ownerId: 'u-jonas',
      accountId: 'a-siemens',
      stage: 'Angebot',
      isClosed: false,
      primaryContactId: 'c-anna',
    },
    {
      id: 'o2',
      ownerId: 'u-jonas',
      accountId: 'a-siemens',
      stage: 'Abschließen',
      isClosed: false,
      primaryContactId: 'c-anna',
    },
    {
      id: 'o3',
      ownerId: 'u-lea',
      accountId: 'a-bosch',
      stage: 'Qualifizieren',
      isClosed: false,
      primaryContactId: 'c-anna',
    },
    { id: 'o4', ownerId: null, accountId: 'a-orphan', stage: 'Abschließen', isClosed: false },
    { id: 'o5', ownerId: 'u-lea', accountId: 'a-nostage', stage: null, isClosed: false },
  ];
  const base = { stages: DE, opportunities: opps, contactRoles: [], autoSyncAllSeats: true, seats };

  test('stages without sort order follow probability; threshold Angebot', () => {
    const r = autoSaveSets({ ...base, threshold: 'Angebot' });
    expect(r.sets).toEqual([
      { userId: 'u-jonas', accountIds: ['a-siemens'], contactIds: ['c-anna'], opportunityIds: ['o1', 'o2'] },
      { userId: 'u-lea', accountIds: [], contactIds: [], opportunityIds: [] },
    ]);
  });

  test('a contact on deals of two seat holders is in both sets, once each', () => {
    const r = autoSaveSets({ ...base, threshold: null });
    expect(r.sets.map((s) => s.contactIds)).toEqual([['c-anna'], ['c-anna']]);
  });

  test('the first stage as threshold equals Not sure for opportunities with a known stage', () => {
    const first = autoSaveSets({ ...base, threshold: 'Qualifizieren' });
    const notSure = autoSaveSets({ ...base, threshold: null });
    expect(first.sets).toEqual(notSure.sets);
  });

  test('opportunities without owner or stage are left out; a missing stage is reported', () => {
    const r = autoSaveSets({ ...base, threshold: null });
    expect(r.sets.flatMap((s) => s.accountIds)).not.toContain('a-orphan');
    expect(r.unknownStage).toEqual(['o5']);
  });

  test('a closed stage as threshold saves nothing (only open opportunities count)', () => {
    expect(autoSaveSets({ ...base, threshold: 'Gewonnen' }).sets.every((s) => s.opportunityIds.length === 0)).toBe(
      true,
    );
  });
});
