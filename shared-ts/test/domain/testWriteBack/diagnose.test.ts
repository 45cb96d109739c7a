import {
  diagnoseTestWriteBack,
  describeTestWriteBackFailure,
  TEST_WRITEBACK_CAUSES,
  type TestWriteBackFailure,
  type TestWriteBackCause,
} from '../../../src/domain/testWriteBack/index';
import { ERROR_CODES } from '../../../src/domain/errors';
import { LOCALES, t } from '../../../src/domain/i18n/index';

type Row = [string, TestWriteBackFailure, TestWriteBackCause, string];

const sf = (code: string, message: string, fields: string[] = [], httpStatus = 400): TestWriteBackFailure => ({
  crm: 'salesforce',
  step: 'contact',
  httpStatus,
  code,
  message,
  fields,
});
const dv = (code: string, message: string, httpStatus = 400): TestWriteBackFailure => ({
  crm: 'dataverse',
  step: 'contact',
  httpStatus,
  code,
  message,
});

const cases: Row[] = [
  [
    'SF validation rule asking for an e-mail (English)',
    sf('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Please enter an Email for every contact.'),
    'emailValidationRule',
    'NS-TWB-001',
  ],
  [
    'SF validation rule in German on the Email field',
    sf('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Bitte geben Sie eine Adresse an.', ['Email']),
    'emailValidationRule',
    'NS-TWB-001',
  ],
  [
    'SF validation rule in French (courriel)',
    sf('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Le courriel est obligatoire.'),
    'emailValidationRule',
    'NS-TWB-001',
  ],
  [
    'SF flow error requiring an e-mail',
    sf('CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', 'Contact_Flow: E-mail address missing'),
    'emailValidationRule',
    'NS-TWB-001',
  ],
  [
    'SF required Email field',
    sf('REQUIRED_FIELD_MISSING', 'Required fields are missing: [Email]', ['Email']),
    'emailValidationRule',
    'NS-TWB-001',
  ],
  [
    'SF other validation rule',
    sf('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Mailing country must be set'),
    'validationRule',
    'NS-TWB-002',
  ],
  [
    'SF required field',
    sf('REQUIRED_FIELD_MISSING', 'Required fields are missing: [Region__c]', ['Region__c']),
    'requiredField',
    'NS-TWB-003',
  ],
  [
    'SF restricted Task Status',
    {
      ...sf('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', 'Status: bad value for restricted picklist field: Not Started', [
        'Status',
      ]),
      step: 'activity',
      kind: 'inmail',
    },
    'picklistValue',
    'NS-TWB-004',
  ],
  ['SF duplicate rule', sf('DUPLICATES_DETECTED', 'Use one of these records?'), 'duplicateRule', 'NS-TWB-005'],
  [
    'SF no access to the record',
    sf('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id'),
    'insufficientAccess',
    ERROR_CODES.INSUFFICIENT_ACCESS.code,
  ],
  [
    'SF field not visible (FLS)',
    sf('INVALID_FIELD', "No such column 'navsync__LinkedIn_Activity_Key__c' on sobject of type Task"),
    'insufficientAccess',
    ERROR_CODES.INSUFFICIENT_ACCESS.code,
  ],
  [
    'SF 503 without a known code',
    sf('SERVER_UNAVAILABLE', 'Service unavailable', [], 503),
    'unknown',
    ERROR_CODES.API_ERROR.code,
  ],
  [
    'DV business rule requiring an e-mail',
    dv('0x80040265', 'E-mailadres is verplicht voor contactpersonen.'),
    'emailValidationRule',
    'NS-TWB-001',
  ],
  [
    'DV plug-in requiring emailaddress1',
    dv('0x80040265', 'Plugin: emailaddress1 must contain data'),
    'emailValidationRule',
    'NS-TWB-001',
  ],
  ['DV plug-in other rule', dv('0x80040265', 'Il paese è obbligatorio'), 'validationRule', 'NS-TWB-002'],
  [
    'DV missing privilege',
    dv('0x80040220', 'Principal user (Id=…) is missing prvCreatenavsync_inmail privilege', 403),
    'insufficientAccess',
    ERROR_CODES.INSUFFICIENT_ACCESS.code,
  ],
  [
    'DV duplicate detection',
    dv(
      '0x80040333',
      'A record was not created or updated because a duplicate of the current record already exists.',
      412,
    ),
    'duplicateRule',
    'NS-TWB-005',
  ],
  [
    'DV invalid status reason',
    {
      ...dv('0x80044331', '2 is not a valid status code for state code PhoneCallState.Completed'),
      step: 'activity',
      kind: 'call',
    },
    'picklistValue',
    'NS-TWB-004',
  ],
  ['DV unknown 500', dv('0x80040216', 'An unexpected error occurred.', 500), 'unknown', ERROR_CODES.API_ERROR.code],
  [
    'no answer at all',
    { crm: 'salesforce', step: 'contact', message: 'connect ECONNREFUSED 127.0.0.1:443' },
    'unknown',
    ERROR_CODES.CONNECT_FAILED.code,
  ],
  [
    '401 without code',
    { crm: 'dataverse', step: 'cleanup', httpStatus: 401, message: 'token expired' },
    'insufficientAccess',
    ERROR_CODES.INSUFFICIENT_ACCESS.code,
  ],
  ['nothing to go on', { crm: 'salesforce', step: 'contact', message: 'boom' }, 'unknown', ERROR_CODES.UNKNOWN.code],
];

describe('diagnoseTestWriteBack', () => {
  test.each(cases)('%s', (_n, failure, cause, code) => {
    const d = diagnoseTestWriteBack(failure);
    expect(d.cause).toBe(cause);
    expect(d.code).toBe(code);
    expect(d.detail).toBe(failure.message);
  });

  test('the e-mail rule has its own message and remedy, in every language', () => {
    const d = diagnoseTestWriteBack(cases[0][1]);
    for (const locale of LOCALES) {
      const m = describeTestWriteBackFailure(d, locale);
      expect(m.message).toBe(t('testWriteBack.causeEmailRule', locale));
      expect(m.remedy).toBe(t('testWriteBack.remedyEmailRule', locale));
    }
    expect(describeTestWriteBackFailure(d, 'en').remedy).toMatch(/integration user/);
  });

  test('generic causes use the errors catalogue texts verbatim', () => {
    const d = diagnoseTestWriteBack(cases[9][1]);
    expect(describeTestWriteBackFailure(d, 'en').message).toBe(
      'Your CRM account does not have sufficient access privileges. Please check with your CRM administrator.',
    );
    expect(d.errorKind).toBe('INSUFFICIENT_ACCESS');
  });

  test('the admin’s rule text and the fields appear in the message', () => {
    const rule = describeTestWriteBackFailure(diagnoseTestWriteBack(cases[5][1]), 'fr');
    expect(rule.message).toContain('Mailing country must be set');
    const req = describeTestWriteBackFailure(diagnoseTestWriteBack(cases[6][1]), 'it');
    expect(req.message).toContain('Region__c');
    const pick = describeTestWriteBackFailure(diagnoseTestWriteBack(cases[7][1]), 'nl');
    expect(pick.message).toBe('De waarde “Not Started” is niet toegestaan voor Status.');
  });

  test('every own cause has a unique code and texts in five languages', () => {
    const codes = Object.values(TEST_WRITEBACK_CAUSES).map((c) => c.code);
    expect(new Set([...codes, ...Object.values(ERROR_CODES).map((e) => e.code)]).size).toBe(
      codes.length + Object.keys(ERROR_CODES).length,
    );
    for (const c of Object.values(TEST_WRITEBACK_CAUSES)) {
      for (const locale of LOCALES) {
        expect(t(c.message, locale)).not.toBe(c.message);
        expect(t(c.remedy, locale)).not.toBe(c.remedy);
      }
    }
  });
});
