import { ERROR_CODES, type ErrorKind } from '../errors';
import { t, type Locale } from '../i18n/index';
import type { ActivityKind } from '../writeback/kinds';

/** A failed step of Test Write-Back, as the CRM reported it. */
export interface TestWriteBackFailure {
  crm: 'salesforce' | 'dataverse';
  step: 'contact' | 'activity' | 'cleanup';
  kind?: ActivityKind;
  /** HTTP status; absent or 0 when the request never got an answer. */
  httpStatus?: number;
  /** Salesforce statusCode/errorCode, or the Dataverse error code (0x… or decimal). */
  code?: string;
  message: string;
  /** Fields the platform named (Salesforce `fields`). */
  fields?: readonly string[];
}

export const TEST_WRITEBACK_CAUSES = {
  emailValidationRule: {
    code: 'NS-TWB-001',
    message: 'testWriteBack.causeEmailRule',
    remedy: 'testWriteBack.remedyEmailRule',
  },
  validationRule: {
    code: 'NS-TWB-002',
    message: 'testWriteBack.causeValidationRule',
    remedy: 'testWriteBack.remedyValidationRule',
  },
  requiredField: {
    code: 'NS-TWB-003',
    message: 'testWriteBack.causeRequiredField',
    remedy: 'testWriteBack.remedyRequiredField',
  },
  picklistValue: { code: 'NS-TWB-004', message: 'testWriteBack.causePicklist', remedy: 'testWriteBack.remedyPicklist' },
  duplicateRule: {
    code: 'NS-TWB-005',
    message: 'testWriteBack.causeDuplicate',
    remedy: 'testWriteBack.remedyDuplicate',
  },
} as const;
export type TestWriteBackCause = keyof typeof TEST_WRITEBACK_CAUSES | 'insufficientAccess' | 'unknown';

export interface TestWriteBackDiagnosis {
  cause: TestWriteBackCause;
  code: string;
  messageKey: string;
  remedyKey: string;
  params: Record<string, string>;
  /** The errors-catalogue kind for the generic causes (access, API, connection, unknown). */
  errorKind: ErrorKind | null;
  /** The platform's own text, shown as detail (an admin's validation-rule message is the most useful clue). */
  detail: string;
}

// "E-mail" as it appears in field names and in admins' rule messages of the five languages.
const EMAIL = /e-?mail|courriel/i;
const REQUIRED = /required|requis|obligatoire|verplicht|vereist|obbligatori|erforderlich|pflicht/i;

const SF_ACCESS = [
  'INSUFFICIENT_ACCESS',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'API_CURRENTLY_DISABLED',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INVALID_FIELD',
  'INVALID_TYPE',
];
const DV_ACCESS = ['0x80040220', '0x80048306', '0x80048405', '-2147220960', '-2147187962', '-2147220839'];
const DV_DUPLICATE = ['0x80040237', '0x80040333', '-2147220937'];
const DV_BUSINESS = ['0x80040265', '-2147220891'];
const NETWORK = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|socket hang up|network/i;

function mentionsEmail(f: TestWriteBackFailure): boolean {
  return EMAIL.test(f.message) || (f.fields || []).some((x) => EMAIL.test(x));
}

/** The picklist value a Salesforce message names ("bad value for restricted picklist field: Not Started"). */
function picklistParams(f: TestWriteBackFailure): Record<string, string> {
  const m = /picklist field:\s*(.+?)\s*$/i.exec(f.message) || /value\s+[“"'](.+?)[”"']/i.exec(f.message);
  const field = f.fields && f.fields.length ? f.fields.join(', ') : f.kind ? 'Status' : '?';
  return { value: m ? m[1] : '?', field };
}

function fromCatalogue(kind: ErrorKind, detail: string): TestWriteBackDiagnosis {
  const e = ERROR_CODES[kind];
  return {
    cause: kind === 'INSUFFICIENT_ACCESS' ? 'insufficientAccess' : 'unknown',
    code: e.code,
    messageKey: e.message,
    remedyKey: e.remedy,
    params: {},
    errorKind: kind,
    detail,
  };
}

function ownCause(
  cause: keyof typeof TEST_WRITEBACK_CAUSES,
  params: Record<string, string>,
  detail: string,
): TestWriteBackDiagnosis {
  const c = TEST_WRITEBACK_CAUSES[cause];
  return { cause, code: c.code, messageKey: c.message, remedyKey: c.remedy, params, errorKind: null, detail };
}

function diagnoseSalesforce(f: TestWriteBackFailure, code: string): TestWriteBackDiagnosis | null {
  const detail = f.message;
  if (code === 'FIELD_CUSTOM_VALIDATION_EXCEPTION' || code === 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY') {
    return mentionsEmail(f)
      ? ownCause('emailValidationRule', {}, detail)
      : ownCause('validationRule', { detail }, detail);
  }
  if (code === 'REQUIRED_FIELD_MISSING') {
    if (mentionsEmail(f)) return ownCause('emailValidationRule', {}, detail);
    return ownCause('requiredField', { fields: (f.fields || []).join(', ') || '?' }, detail);
  }
  if (code === 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' || /restricted picklist/i.test(f.message)) {
    return ownCause('picklistValue', picklistParams(f), detail);
  }
  if (code === 'DUPLICATES_DETECTED') return ownCause('duplicateRule', {}, detail);
  if (SF_ACCESS.indexOf(code) >= 0) return fromCatalogue('INSUFFICIENT_ACCESS', detail);
  return null;
}

function diagnoseDataverse(f: TestWriteBackFailure, code: string): TestWriteBackDiagnosis | null {
  const detail = f.message;
  const c = code.toLowerCase();
  if (DV_ACCESS.indexOf(c) >= 0) return fromCatalogue('INSUFFICIENT_ACCESS', detail);
  if (DV_DUPLICATE.indexOf(c) >= 0 || /duplicate/i.test(f.message)) return ownCause('duplicateRule', {}, detail);
  if (/status ?code|statuscode|state ?code|not a valid value|option ?set|picklist/i.test(f.message)) {
    return ownCause('picklistValue', picklistParams(f), detail);
  }
  // Business rules, real-time workflows and plug-ins all surface as a business process error.
  if (DV_BUSINESS.indexOf(c) >= 0 || REQUIRED.test(f.message)) {
    if (mentionsEmail(f)) return ownCause('emailValidationRule', {}, detail);
    if (REQUIRED.test(f.message) && DV_BUSINESS.indexOf(c) < 0)
      return ownCause('requiredField', { fields: (f.fields || []).join(', ') || '?' }, detail);
    return ownCause('validationRule', { detail }, detail);
  }
  return null;
}

/** Why a Test Write-Back step failed, with its own message and remedy (or the errors catalogue's). */
export function diagnoseTestWriteBack(f: TestWriteBackFailure): TestWriteBackDiagnosis {
  const code = (f.code || '').trim();
  const status = f.httpStatus || 0;
  const specific = f.crm === 'salesforce' ? diagnoseSalesforce(f, code.toUpperCase()) : diagnoseDataverse(f, code);
  if (specific) return specific;
  if (status === 401 || status === 403) return fromCatalogue('INSUFFICIENT_ACCESS', f.message);
  if (status === 0 && NETWORK.test(f.message)) return fromCatalogue('CONNECT_FAILED', f.message);
  if (status >= 400 || code) return fromCatalogue('API_ERROR', f.message);
  return fromCatalogue('UNKNOWN', f.message);
}

export interface TestWriteBackMessage {
  code: string;
  message: string;
  remedy: string;
  detail: string;
}

/** The diagnosis as text for the admin, in their language. */
export function describeTestWriteBackFailure(d: TestWriteBackDiagnosis, locale: Locale = 'en'): TestWriteBackMessage {
  return {
    code: d.code,
    message: t(d.messageKey, locale, d.params),
    remedy: t(d.remedyKey, locale, { objects: '', ...d.params }),
    detail: d.detail,
  };
}
