import {
  decideValidation,
  decideValidationBatch,
  validationWrites,
  VALIDATION_DECISIONS,
  VALIDATION_REASONS,
  type ValidationInput,
  type ValidationReason,
} from '../../../src/domain/validation/index';
import { t, LOCALES } from '../../../src/domain/i18n/index';
import { ACCOUNTS, DAY, HOUR, NOW, evidence, input } from './fixtures';

type Row = [string, Partial<ValidationInput>, ValidationReason];

// Each row: a realistic situation, and the decision a rep/admin would expect to see.
const cases: Row[] = [
  ['Anneke moved from Acme to Zürcher Kantonalbank → flag', {}, 'companyDiffers'],
  [
    'Jean-Luc left Société Générale d’Électricité (no current job) → flag',
    { account: ACCOUNTS.societe, evidence: evidence({ status: 'left', currentCompany: null }) },
    'leftCompany',
  ],
  ['already flagged and still at another company → unchanged', { current: 'notAtCompany' }, 'alreadyFlagged'],
  [
    'flagged, LinkedIn no longer flags → clear',
    { current: 'notAtCompany', evidence: evidence({ status: 'atCompany', currentCompany: null }) },
    'backAtCompany',
  ],
  [
    'no feedback and LinkedIn says at company → unchanged',
    { evidence: evidence({ status: 'atCompany', currentCompany: null }) },
    'alreadyClear',
  ],
  [
    'rep moved Giulia to the new account Rossi & Figli (same company URN, other entity type) → clear',
    {
      current: 'notAtCompany',
      account: ACCOUNTS.rossi,
      evidence: evidence({ currentCompany: { name: 'Rossi e Figli', urn: 'urn:li:organization:3003', domain: null } }),
    },
    'accountUpdated',
  ],
  [
    'account website equals the new company domain → clear',
    {
      current: 'notAtCompany',
      account: { ...ACCOUNTS.bakker, companyUrn: null },
      evidence: evidence({
        currentCompany: { name: 'De Vries Bakery', urn: null, domain: 'https://bakkerijdevries.nl/over-ons' },
      }),
    },
    'accountUpdated',
  ],
  [
    'account name equal up to accents/case (Müller Maschinenbau GmbH) → clear',
    {
      current: 'notAtCompany',
      account: ACCOUNTS.mueller,
      evidence: evidence({ currentCompany: { name: 'MULLER MASCHINENBAU GMBH', urn: null, domain: null } }),
    },
    'accountUpdated',
  ],
  [
    'company URNs differ even though names are alike → flag',
    {
      account: ACCOUNTS.acme,
      evidence: evidence({
        currentCompany: { name: 'Acme Corporation Inc.', urn: 'urn:li:organization:4242', domain: null },
      }),
    },
    'companyDiffers',
  ],
  [
    'Ignore is kept when LinkedIn says the person left',
    { current: 'ignore', evidence: evidence({ status: 'left' }) },
    'ignored',
  ],
  [
    'Ignore is kept when LinkedIn no longer flags',
    { current: 'ignore', evidence: evidence({ status: 'atCompany' }) },
    'ignored',
  ],
  ['Ignore is kept even out of scope', { current: 'ignore', inScope: false }, 'ignored'],
  ['unknown stored value is never overwritten', { current: null }, 'unknownFlag'],
  ['contact of a non-syncing user → skip', { inScope: false }, 'outOfScope'],
  [
    'validated 2 h ago, nothing changed → not due',
    { lastValidatedAt: NOW - HOUR, evidence: evidence({ asOf: NOW - 3 * HOUR }) },
    'notDue',
  ],
  [
    'validated 2 h ago but LinkedIn data is newer → decided',
    { lastValidatedAt: NOW - 3 * HOUR, evidence: evidence({ asOf: NOW - HOUR }) },
    'companyDiffers',
  ],
  [
    'validated 2 h ago but the contact was edited since → decided',
    { lastValidatedAt: NOW - 2 * HOUR, crmModifiedAt: NOW - HOUR, evidence: evidence({ asOf: NOW - 3 * HOUR }) },
    'companyDiffers',
  ],
  [
    'validated exactly 24 h ago → decided',
    { lastValidatedAt: NOW - DAY, evidence: evidence({ asOf: NOW - 2 * DAY }) },
    'companyDiffers',
  ],
  ['never validated → decided', { lastValidatedAt: null }, 'companyDiffers'],
  ['due, but LinkedIn has nothing → unchanged', { evidence: null }, 'noEvidence'],
  ['evidence about a different member → skip', { memberUrn: 'urn:li:person:OTHER9' }, 'memberMismatch'],
  ['contact not yet associated: the export row is trusted', { memberUrn: null }, 'companyDiffers'],
  ['contact without account → skip', { account: null }, 'noAccount'],
  ['evidence dated two days in the future → skip', { evidence: evidence({ asOf: NOW + 2 * DAY }) }, 'invalidEvidence'],
  ['evidence date is not a number → skip', { evidence: evidence({ asOf: Number.NaN }) }, 'invalidEvidence'],
  [
    'evidence status unknown → skip',
    { evidence: evidence({ status: 'promoted' as unknown as 'left' }) },
    'invalidEvidence',
  ],
  ['differs with unknown current company → flag', { evidence: evidence({ currentCompany: null }) }, 'companyDiffers'],
];

describe('decideValidation', () => {
  test.each(cases)('%s', (_name, over, reason) => {
    const d = decideValidation(input(over), NOW);
    expect(d.reason).toBe(reason);
    expect(d.outcome).toBe(VALIDATION_REASONS[reason]);
  });

  test('flag writes Not at company, clear writes no feedback, the rest write nothing', () => {
    expect(decideValidation(input(), NOW).write).toBe('notAtCompany');
    expect(
      decideValidation(input({ current: 'notAtCompany', evidence: evidence({ status: 'atCompany' }) }), NOW).write,
    ).toBe('noFeedback');
    for (const over of [{ current: 'ignore' as const }, { inScope: false }, { evidence: null }]) {
      expect(decideValidation(input(over), NOW).write).toBeNull();
    }
  });

  test('a custom company comparison (e.g. the matching module) decides the differs case', () => {
    const always = () => true;
    expect(decideValidation(input({ current: 'notAtCompany' }), NOW, { sameCompany: always }).reason).toBe(
      'accountUpdated',
    );
  });

  test('the clock-skew allowance is configurable', () => {
    const row = input({ evidence: evidence({ asOf: NOW + 10 * 60 * 1000 }) });
    expect(decideValidation(row, NOW).reason).toBe('companyDiffers');
    expect(decideValidation(row, NOW, { maxFutureSkewMs: 0 }).reason).toBe('invalidEvidence');
  });

  test.each(Object.keys(VALIDATION_DECISIONS) as ValidationReason[])(
    'reason %s explains itself in every language',
    (reason) => {
      const key = VALIDATION_DECISIONS[reason].messageKey;
      for (const locale of LOCALES) expect(t(key, locale)).not.toBe(key);
    },
  );
});

describe('decideValidationBatch', () => {
  const rows = cases.map(([, over]) => input(over));

  test('matches the single-row decision for every row and counts outcomes', () => {
    const res = decideValidationBatch(rows, NOW);
    expect(res.decisions.map((d) => d.reason)).toEqual(cases.map(([, , r]) => r));
    const total = res.counts.flag + res.counts.clear + res.counts.unchanged + res.counts.skip;
    expect(total).toBe(rows.length);
    expect(res.counts.flag).toBe(cases.filter(([, , r]) => VALIDATION_REASONS[r] === 'flag').length);
    expect(res.byReason.ignored).toBe(3);
  });

  test('validationWrites lists only flag/clear writes, with contact ids, in row order', () => {
    const batch = [
      input({ contactId: '003-a' }),
      input({ contactId: '003-b', current: 'ignore' }),
      input({ contactId: '003-c', current: 'notAtCompany', evidence: evidence({ status: 'atCompany' }) }),
      input({ contactId: '003-d', inScope: false }),
    ];
    const { decisions } = decideValidationBatch(batch, NOW);
    expect(validationWrites(batch, decisions)).toEqual([
      { contactId: '003-a', value: 'notAtCompany' },
      { contactId: '003-c', value: 'noFeedback' },
    ]);
  });

  test('an empty batch is fine', () => {
    const res = decideValidationBatch([], NOW);
    expect(res.decisions).toEqual([]);
    expect(res.counts).toEqual({ flag: 0, clear: 0, unchanged: 0, skip: 0 });
  });
});
