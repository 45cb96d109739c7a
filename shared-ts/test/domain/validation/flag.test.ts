import {
  notAtCompanyFromDataverse,
  notAtCompanyFromSalesforce,
  notAtCompanyToDataverse,
  notAtCompanyToSalesforce,
  NOT_AT_COMPANY_STATES,
  NOT_AT_COMPANY_STATE_LABEL,
  isRevalidationDue,
  REVALIDATION_INTERVAL_MS,
  linkedInCompanyId,
  sameCompanyAsAccount,
  validationCompanyKey,
} from '../../../src/domain/validation/index';
import { DV_VALUES, SF_VALUES } from '../../../src/domain/crmSchema';
import { t } from '../../../src/domain/i18n/index';

describe('the Not at Company flag in each CRM', () => {
  test.each([
    [null, 'noFeedback'],
    ['', 'noFeedback'],
    ['Not at Company', 'notAtCompany'],
    ['Ignore', 'ignore'],
    ['not at company', null], // picklist API values are exact; an unknown value is never guessed
    ['Left company', null],
  ])('Salesforce value %p reads as %p', (value, state) => {
    expect(notAtCompanyFromSalesforce(value)).toBe(state);
  });

  test.each([
    [null, 'noFeedback'],
    [DV_VALUES.notAtCompany.noFeedback, 'noFeedback'],
    [DV_VALUES.notAtCompany.notAtCompany, 'notAtCompany'],
    [DV_VALUES.notAtCompany.ignore, 'ignore'],
    [613730009, null],
    [0, null], // the vendor's msdyn_orgchangestatus value space is not ours
  ])('Dataverse value %p reads as %p', (value, state) => {
    expect(notAtCompanyFromDataverse(value)).toBe(state);
  });

  test.each(NOT_AT_COMPANY_STATES)('%s round-trips through both CRMs', (state) => {
    expect(notAtCompanyFromSalesforce(notAtCompanyToSalesforce(state))).toBe(state);
    expect(notAtCompanyFromDataverse(notAtCompanyToDataverse(state))).toBe(state);
  });

  test('Salesforce stores the picklist API values from crmSchema and blank for no feedback', () => {
    expect(notAtCompanyToSalesforce('notAtCompany')).toBe(SF_VALUES.notAtCompany.notAtCompany);
    expect(notAtCompanyToSalesforce('noFeedback')).toBeNull();
  });

  test('labels are localized', () => {
    expect(t(NOT_AT_COMPANY_STATE_LABEL.notAtCompany, 'de')).toBe('Nicht mehr im Unternehmen');
    expect(t(NOT_AT_COMPANY_STATE_LABEL.noFeedback, 'nl')).toBe('Geen feedback');
  });
});

describe('isRevalidationDue', () => {
  const now = Date.UTC(2026, 0, 15, 12);
  test.each([
    ['never validated', { lastValidatedAt: null, crmModifiedAt: null, linkedInAsOf: null }, true],
    [
      '23 h 59 min ago, nothing changed',
      { lastValidatedAt: now - REVALIDATION_INTERVAL_MS + 60000, crmModifiedAt: 0, linkedInAsOf: 0 },
      false,
    ],
    ['exactly 24 h ago', { lastValidatedAt: now - REVALIDATION_INTERVAL_MS, crmModifiedAt: 0, linkedInAsOf: 0 }, true],
    ['CRM edited after the check', { lastValidatedAt: now - 1000, crmModifiedAt: now - 500, linkedInAsOf: null }, true],
    [
      'CRM edited at the same millisecond',
      { lastValidatedAt: now - 1000, crmModifiedAt: now - 1000, linkedInAsOf: null },
      false,
    ],
    ['LinkedIn data newer', { lastValidatedAt: now - 1000, crmModifiedAt: null, linkedInAsOf: now - 10 }, true],
    ['unreadable last validation', { lastValidatedAt: Number.NaN, crmModifiedAt: null, linkedInAsOf: null }, true],
  ])('%s → %p', (_n, clock, due) => {
    expect(isRevalidationDue(clock, now)).toBe(due);
  });
});

describe('company comparison helpers', () => {
  test.each([
    ['urn:li:organization:1337', '1337'],
    ['urn:li:company:1337', '1337'],
    [' urn:li:salesCompany:42 ', '42'],
    ['urn:li:person:1337', null],
    ['1337', null],
    [null, null],
  ])('linkedInCompanyId(%p) = %p', (urn, id) => {
    expect(linkedInCompanyId(urn)).toBe(id);
  });

  const acct = (name: string | null, website: string | null = null, companyUrn: string | null = null) => ({
    id: '001',
    name,
    website,
    companyUrn,
  });
  const cur = (name: string | null, domain: string | null = null, urn: string | null = null) => ({ name, domain, urn });

  test.each([
    ['same name across legal forms', acct('Rossi & Figli S.p.A.'), cur('Rossi e Figli'), true],
    [
      'German legal form chain and transliteration',
      acct('Müller & Söhne GmbH & Co. KG'),
      cur('Mueller und Soehne'),
      true,
    ],
    [
      'French accents and S.A.',
      acct('Société Générale d’Électricité S.A.'),
      cur('SOCIETE GENERALE D ELECTRICITE'),
      true,
    ],
    ['Dutch B.V. vs N.V. of the same name', acct('Bakkerij de Vries B.V.'), cur('Bakkerij De Vries N.V.'), true],
    [
      'shared company website domain',
      acct('De Vries Holding', 'https://www.bakkerijdevries.nl/over-ons'),
      cur('Bakkerij de Vries', 'bakkerijdevries.nl'),
      true,
    ],
    ['a subsidiary is another account', acct('Siemens AG'), cur('Siemens Nederland N.V.'), false],
    ['a different company', acct('Acme Corporation Inc.'), cur('Zürcher Kantonalbank AG'), false],
    [
      'free-mail domains are no company evidence',
      acct('Studio Bianchi', 'gmail.com'),
      cur('Ferrari Trasporti S.r.l.', 'gmail.com'),
      false,
    ],
    [
      'URNs decide when both are known (other entity type, same id)',
      acct('Old Name Ltd', null, 'urn:li:company:3003'),
      cur('New Name plc', null, 'urn:li:organization:3003'),
      true,
    ],
    [
      'URNs decide against equal names',
      acct('Acme Inc.', null, 'urn:li:organization:1'),
      cur('Acme Inc.', null, 'urn:li:organization:2'),
      false,
    ],
    ['nothing to compare', acct(null), cur(null), false],
  ])('sameCompanyAsAccount: %s → %p', (_n, a, c, want) => {
    expect(sameCompanyAsAccount(a, c)).toBe(want);
  });

  test('the memoised company key is the matching module’s key', () => {
    expect(validationCompanyKey('Robert Bosch GmbH', 'https://www.bosch.de/')).toEqual(
      validationCompanyKey('Robert Bosch GmbH', 'https://www.bosch.de/'),
    );
    expect(validationCompanyKey('Robert Bosch GmbH', null).name).toBe('robert bosch');
  });
});
