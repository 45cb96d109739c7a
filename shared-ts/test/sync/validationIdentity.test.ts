import type { CrmPerson, NotAtCompany } from '../../src/crm/gateway';
import type { ValidationRow } from '../../src/linkedin/source';
import { cachedAccount, decideChunk, newValidationCounts } from '../../src/sync/steps/validation';
import type { Problem } from '../../src/sync/report';

// The validation step's decision with the account's stored LinkedIn company URN: identity first, names only without it.
const NOW = Date.UTC(2026, 10, 22);

function contact(n: number, accountId: string, flag: NotAtCompany): CrmPerson {
  return {
    id: `003${String(n).padStart(12, '0')}`,
    kind: 'contact',
    firstName: 'A',
    lastName: 'B',
    email: null,
    phone: null,
    title: null,
    accountId,
    companyName: null,
    ownerId: '005',
    notAtCompany: flag,
    memberUrn: null,
    profileUrl: null,
    photoUrl: null,
    matchSource: null,
    syncedAt: null,
    validatedAt: null,
    lastModifiedAt: null,
  };
}

function decide(
  account: { name: string; urn: string | null },
  current: { name: string; urn?: string },
  flag: NotAtCompany = 'noFeedback',
) {
  const accounts = new Map([
    ['001A', cachedAccount({ id: '001A', name: account.name, website: null, companyUrn: account.urn })],
  ]);
  const person = contact(1, '001A', flag);
  const rows: ValidationRow[] = [
    {
      recordId: person.id,
      recordType: 'contact',
      status: 'NOT_AT_COMPANY',
      currentCompanyName: current.name,
      currentCompanyUrn: current.urn,
    },
  ];
  const counts = newValidationCounts();
  const problems: Problem[] = [];
  const decided = decideChunk(
    rows,
    new Map([[person.id, person]]),
    accounts,
    new Set([person.id]),
    NOW,
    NOW,
    counts,
    problems,
  );
  return { writes: decided.map((d) => d.write), counts, problems, id: person.id };
}

describe.each([
  ['Contoso B.V.', 'Fabrikam Holding GmbH'],
  ['Koninklijke Polderwerk N.V.', 'Tulpenveld'],
  ['Gruppo Assicurazioni Rossi', 'Banca Verdi S.p.A.'],
])('account %s, LinkedIn company %s', (accountName, otherName) => {
  test('the same company URN on both sides is never flagged, whatever the names, and clears an old flag', () => {
    const urn = 'urn:li:organization:4711';
    expect(decide({ name: accountName, urn }, { name: otherName, urn }).writes).toEqual([]);
    expect(
      decide({ name: accountName, urn }, { name: otherName, urn: 'urn:li:company:4711' }, 'notAtCompany').writes,
    ).toEqual(['noFeedback']);
  });

  test('another company URN is flagged although the names look alike', () => {
    const alike = `${accountName.toUpperCase()}`;
    const r = decide(
      { name: accountName, urn: 'urn:li:organization:1' },
      { name: alike, urn: 'urn:li:organization:2' },
    );
    expect(r.writes).toEqual(['notAtCompany']);
    expect(r.counts.flag).toBe(1);
  });
});

test('names that only share a word (no URN, no site) are uncertain: the flag is left alone and the row is a listed problem', () => {
  for (const flag of ['noFeedback', 'notAtCompany'] as const) {
    const r = decide({ name: 'Siemens', urn: null }, { name: 'Siemens Healthineers' }, flag);
    expect(r.writes).toEqual([]);
    expect(r.counts).toMatchObject({ uncertain: 1, unchanged: 1, flag: 0, clear: 0 });
    expect(r.problems).toEqual([{ ref: r.id, reason: expect.stringMatching(/^uncertain: .*flag is left/) }]);
  }
});

test('an unrelated company without identity is still flagged by name, and is no problem', () => {
  const r = decide({ name: 'Contoso B.V.', urn: null }, { name: 'Northwind Traders' });
  expect(r.writes).toEqual(['notAtCompany']);
  expect(r.problems).toEqual([]);
});
