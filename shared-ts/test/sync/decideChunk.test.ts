import fc from 'fast-check';
import type { CrmPerson, NotAtCompany } from '../../src/crm/gateway';
import { decideValidation, type ValidationAccount, type ValidationInput } from '../../src/domain/validation/index';
import type { ValidationRow } from '../../src/linkedin/source';
import { cachedAccount, decideChunk, newValidationCounts } from '../../src/sync/steps/validation';

const NOW = Date.UTC(2026, 10, 22);
const DAY = 86_400_000;
const companies = [
  'Contoso B.V.',
  'Contoso BV',
  'Fabrikam GmbH',
  'Fabrikam',
  'Müller & Söhne KG',
  'Mueller und Soehne',
  'Northwind',
];
const accountIds = ['001A', '001B', '001C'];

const person = fc.record({
  kind: fc.constantFrom<'contact' | 'lead'>('contact', 'lead'),
  accountId: fc.option(fc.constantFrom(...accountIds, '001Z')),
  companyName: fc.option(fc.constantFrom(...companies)),
  notAtCompany: fc.constantFrom<NotAtCompany>('noFeedback', 'notAtCompany', 'ignore'),
  memberUrn: fc.option(fc.constantFrom('urn:li:person:a', 'urn:li:person:b')),
  validatedDaysAgo: fc.option(fc.integer({ min: 0, max: 3 })),
  modifiedDaysAgo: fc.option(fc.integer({ min: 0, max: 3 })),
});
const row = fc.record({
  status: fc.constantFrom<'AT_COMPANY' | 'NOT_AT_COMPANY'>('AT_COMPANY', 'NOT_AT_COMPANY'),
  memberUrn: fc.option(fc.constantFrom('urn:li:person:a', 'urn:li:person:b'), { nil: undefined }),
  currentCompanyName: fc.option(fc.constantFrom(...companies), { nil: undefined }),
  currentCompanyUrn: fc.option(fc.constantFrom('urn:li:organization:1', 'urn:li:company:2'), { nil: undefined }),
  flaggedDaysAgo: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
  inScope: fc.boolean(),
});

/** The input spelled out field by field, a fresh object per row: what the step's decision must equal. */
function expectedInput(
  p: CrmPerson,
  r: ValidationRow,
  inScope: boolean,
  accounts: Map<string, ValidationAccount>,
): ValidationInput {
  const hasCompany = !!(r.currentCompanyName || r.currentCompanyUrn);
  return {
    contactId: p.id,
    inScope,
    current: p.notAtCompany,
    memberUrn: p.memberUrn,
    account:
      p.kind === 'lead'
        ? { id: p.id, name: p.companyName, website: null, companyUrn: null }
        : p.accountId
          ? (accounts.get(p.accountId) ?? { id: p.accountId, name: p.companyName, website: null, companyUrn: null })
          : null,
    crmModifiedAt: p.lastModifiedAt ? Date.parse(p.lastModifiedAt) : null,
    lastValidatedAt: p.validatedAt ? Date.parse(p.validatedAt) : null,
    evidence: {
      memberUrn: r.memberUrn ?? null,
      status: r.status === 'AT_COMPANY' ? 'atCompany' : hasCompany ? 'differs' : 'left',
      currentCompany: hasCompany
        ? { name: r.currentCompanyName ?? null, urn: r.currentCompanyUrn ?? null, domain: null }
        : null,
      asOf: r.flaggedAt ?? NOW,
    },
  };
}

test('deciding a chunk row by row through one reused input gives, for every row, the decision of a fresh input', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(person, row), { minLength: 1, maxLength: 40 }),
      fc.array(fc.constantFrom(...companies), { minLength: 3, maxLength: 3 }),
      fc.option(fc.constantFrom('urn:li:organization:1', 'urn:li:organization:9')),
      (pairs, accountNames, urn) => {
        const accounts = new Map<string, ValidationAccount>(
          accountIds.map((id, i) => [
            id,
            cachedAccount({ id, name: accountNames[i], website: null, companyUrn: i === 0 ? urn : null }),
          ]),
        );
        const people = new Map<string, CrmPerson>();
        const rows: ValidationRow[] = [];
        const inScope = new Set<string>();
        pairs.forEach(([p, r], i) => {
          const id = `003${String(i).padStart(12, '0')}`;
          people.set(id, {
            id,
            kind: p.kind,
            firstName: 'A',
            lastName: 'B',
            email: null,
            phone: null,
            title: null,
            accountId: p.kind === 'lead' ? null : p.accountId,
            companyName: p.companyName,
            ownerId: '005',
            notAtCompany: p.notAtCompany,
            memberUrn: p.memberUrn,
            profileUrl: null,
            photoUrl: null,
            matchSource: null,
            syncedAt: null,
            validatedAt: p.validatedDaysAgo === null ? null : new Date(NOW - p.validatedDaysAgo * DAY).toISOString(),
            lastModifiedAt: p.modifiedDaysAgo === null ? null : new Date(NOW - p.modifiedDaysAgo * DAY).toISOString(),
          });
          if (r.inScope) inScope.add(id);
          rows.push({
            recordId: id,
            recordType: p.kind,
            status: r.status,
            memberUrn: r.memberUrn,
            currentCompanyName: r.currentCompanyName,
            currentCompanyUrn: r.currentCompanyUrn,
            flaggedAt: r.flaggedDaysAgo === undefined ? undefined : NOW - r.flaggedDaysAgo * DAY,
          });
        });
        const counts = newValidationCounts();
        const decided = decideChunk(rows, people, accounts, inScope, NOW, NOW, counts, []);
        const expected = rows
          .map((r) => ({
            r,
            d: decideValidation(
              expectedInput(people.get(r.recordId) as CrmPerson, r, inScope.has(r.recordId), accounts),
              NOW,
            ),
          }))
          .filter((x) => x.d.write !== null);
        expect(decided.map((d) => [d.row.recordId, d.write])).toEqual(expected.map((x) => [x.r.recordId, x.d.write]));
        expect(counts.flag + counts.clear + counts.unchanged + counts.skipped).toBe(rows.length);
      },
    ),
    { numRuns: 400 },
  );
});

test('an account renamed between chunks is compared by its new name (the kept company key follows the name)', () => {
  const account = cachedAccount({ id: '001A', name: 'Contoso B.V.', website: null, companyUrn: null });
  const accounts = new Map([['001A', account]]);
  const contact: CrmPerson = {
    id: '003000000000001',
    kind: 'contact',
    firstName: 'A',
    lastName: 'B',
    email: null,
    phone: null,
    title: null,
    accountId: '001A',
    companyName: null,
    ownerId: '005',
    notAtCompany: 'notAtCompany',
    memberUrn: null,
    profileUrl: null,
    photoUrl: null,
    matchSource: null,
    syncedAt: null,
    validatedAt: null,
    lastModifiedAt: null,
  };
  const rows: ValidationRow[] = [
    { recordId: contact.id, recordType: 'contact', status: 'NOT_AT_COMPANY', currentCompanyName: 'Fabrikam GmbH' },
  ];
  const decide = () =>
    decideChunk(
      rows,
      new Map([[contact.id, contact]]),
      accounts,
      new Set([contact.id]),
      NOW,
      NOW,
      newValidationCounts(),
      [],
    );
  // The member works at Fabrikam; the account is still Contoso: the flag stays (nothing to write).
  expect(decide()).toEqual([]);
  // The rep moved the account to the new company: the flag is cleared.
  account.name = 'Fabrikam';
  expect(decide().map((d) => d.write)).toEqual(['noFeedback']);
});
