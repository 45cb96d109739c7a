import fc from 'fast-check';
import {
  decideValidation,
  decideValidationBatch,
  isRevalidationDue,
  REVALIDATION_INTERVAL_MS,
  NOT_AT_COMPANY_STATES,
  LINKEDIN_EVIDENCE_STATUSES,
  sameCompanyAsAccount,
  type ValidationInput,
} from '../../../src/domain/validation/index';
import { normaliseCompanyName } from '../../../src/domain/matching/company';
import { NOW, DAY } from './fixtures';

const time = fc.integer({ min: NOW - 60 * DAY, max: NOW + DAY });
const urn = fc.constantFrom('urn:li:person:A', 'urn:li:person:B', null);
const company = fc.record({
  name: fc.constantFrom('Acme Inc.', 'ACME inc', 'Bakkerij de Vries B.V.', 'Müller GmbH', null),
  urn: fc.constantFrom('urn:li:organization:1', 'urn:li:company:1', 'urn:li:organization:2', null),
  domain: fc.constantFrom('acme.com', 'www.acme.com', 'devries.nl', null),
});
const arbInput: fc.Arbitrary<ValidationInput> = fc.record({
  contactId: fc.string({ minLength: 1, maxLength: 18 }),
  inScope: fc.boolean(),
  current: fc.constantFrom(...NOT_AT_COMPANY_STATES, null),
  memberUrn: urn,
  account: fc.option(
    fc.record({
      id: fc.constant('001X'),
      name: company.map((c) => c.name),
      website: company.map((c) => c.domain),
      companyUrn: company.map((c) => c.urn),
    }),
    { nil: null },
  ),
  crmModifiedAt: fc.option(time, { nil: null }),
  lastValidatedAt: fc.option(time, { nil: null }),
  evidence: fc.option(
    fc.record({
      memberUrn: urn,
      status: fc.constantFrom(...LINKEDIN_EVIDENCE_STATUSES),
      currentCompany: fc.option(company, { nil: null }),
      asOf: time,
    }),
    { nil: null },
  ),
});

describe('validation invariants (property-based)', () => {
  test('Ignore is never overwritten: not by flagging, not by clearing', () => {
    fc.assert(
      fc.property(arbInput, time, (row, now) => {
        const d = decideValidation({ ...row, current: 'ignore' }, now);
        return d.write === null && d.outcome === 'unchanged' && d.reason === 'ignored';
      }),
      { numRuns: 2000 },
    );
  });

  test('a value NavSync does not know is never overwritten', () => {
    fc.assert(
      fc.property(arbInput, time, (row, now) => decideValidation({ ...row, current: null }, now).write === null),
    );
  });

  test('a write always changes the stored value, and only flag/clear write', () => {
    fc.assert(
      fc.property(arbInput, time, (row, now) => {
        const d = decideValidation(row, now);
        if (d.write === null) return d.outcome === 'unchanged' || d.outcome === 'skip';
        return d.write !== row.current && (d.outcome === 'flag' || d.outcome === 'clear');
      }),
      { numRuns: 2000 },
    );
  });

  test('the decision is a pure function of its inputs (same inputs, same decision; inputs untouched)', () => {
    fc.assert(
      fc.property(arbInput, time, (row, now) => {
        const snapshot = JSON.stringify(row);
        const a = decideValidation(row, now);
        const b = decideValidation(JSON.parse(snapshot) as ValidationInput, now);
        return a === b && JSON.stringify(row) === snapshot;
      }),
    );
  });

  test('the batch decides exactly like the single-row function', () => {
    fc.assert(
      fc.property(fc.array(arbInput, { maxLength: 50 }), time, (rows, now) => {
        const res = decideValidationBatch(rows, now);
        return rows.every((r, i) => res.decisions[i] === decideValidation(r, now));
      }),
    );
  });

  test('revalidation happens iff the CRM or LinkedIn changed since the last validation, or ≥ 24 h passed', () => {
    fc.assert(
      fc.property(time, fc.option(time, { nil: null }), fc.option(time, { nil: null }), time, (last, crm, li, now) => {
        const changed = (crm !== null && crm > last) || (li !== null && li > last);
        const expected = changed || now - last >= REVALIDATION_INTERVAL_MS;
        return isRevalidationDue({ lastValidatedAt: last, crmModifiedAt: crm, linkedInAsOf: li }, now) === expected;
      }),
      { numRuns: 3000 },
    );
  });

  test('an in-scope, known, non-ignored row that is not due is never written', () => {
    fc.assert(
      fc.property(arbInput, time, (row, now) => {
        const clock = {
          lastValidatedAt: row.lastValidatedAt,
          crmModifiedAt: row.crmModifiedAt,
          linkedInAsOf: row.evidence ? row.evidence.asOf : null,
        };
        if (isRevalidationDue(clock, now)) return true;
        return decideValidation(row, now).write === null;
      }),
    );
  });
});

describe('company comparison invariants', () => {
  test('a company is the same as itself (when its name says anything)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (name) => {
        const same = sameCompanyAsAccount(
          { id: '1', name, website: null, companyUrn: null },
          { name, urn: null, domain: null },
        );
        return same === (normaliseCompanyName(name).replace(/[\s&]/g, '') !== '');
      }),
      { numRuns: 2000 },
    );
  });
  test('when both URNs are known they alone decide', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 5 }),
        fc.string(),
        fc.string(),
        (a, b, n1, n2) => {
          const same = sameCompanyAsAccount(
            { id: '1', name: n1, website: null, companyUrn: `urn:li:organization:${a}` },
            { name: n2, urn: `urn:li:company:${b}`, domain: null },
          );
          return same === (a === b);
        },
      ),
    );
  });
});
