import { t, type Locale } from './i18n/index';

/**
 * The error catalogue. Every failure a user can see maps to one of these codes; the message and remedy
 * texts live in the i18n "errors" area (the first four are the help articles' messages, verbatim in English).
 */
export const ERROR_CODES = {
  CONNECT_FAILED: { code: 'NS-CONN-001', message: 'errors.connectFailed', remedy: 'errors.connectFailedRemedy' },
  API_ERROR: { code: 'NS-API-002', message: 'errors.apiError', remedy: 'errors.apiErrorRemedy' },
  INSUFFICIENT_ACCESS: {
    code: 'NS-ACCESS-003',
    message: 'errors.insufficientAccess',
    remedy: 'errors.insufficientAccessRemedy',
  },
  OBJECTS_UNREADABLE: {
    code: 'NS-OBJECTS-004',
    message: 'errors.objectsUnreadable',
    remedy: 'errors.objectsUnreadableRemedy',
  },
  FILE_UNREADABLE: { code: 'NS-FILE-005', message: 'errors.fileUnreadable', remedy: 'errors.fileUnreadableRemedy' },
  EXPORT_REFUSED: { code: 'NS-FILE-006', message: 'errors.exportRefused', remedy: 'errors.exportRefusedRemedy' },
  RUN_IN_PROGRESS: { code: 'NS-RUN-007', message: 'errors.runInProgress', remedy: 'errors.runInProgressRemedy' },
  UNKNOWN: { code: 'NS-UNKNOWN-999', message: 'errors.unknown', remedy: 'errors.unknownRemedy' },
  CRM_SIGN_IN: { code: 'NS-AUTH-007', message: 'errors.crmSignIn', remedy: 'errors.crmSignInRemedy' },
  LINKEDIN_ACCESS: { code: 'NS-LI-008', message: 'errors.linkedinAccess', remedy: 'errors.linkedinAccessRemedy' },
  LINKEDIN_CONNECT_FAILED: {
    code: 'NS-LI-009',
    message: 'errors.linkedinConnectFailed',
    remedy: 'errors.linkedinConnectFailedRemedy',
  },
  SF_API_DISABLED: { code: 'NS-SF-010', message: 'errors.apiDisabledForOrg', remedy: 'errors.apiDisabledForOrgRemedy' },
  SF_API_VERSION: {
    code: 'NS-SF-011',
    message: 'errors.apiVersionUnsupported',
    remedy: 'errors.apiVersionUnsupportedRemedy',
  },
  DATAVERSE_UNSUPPORTED: {
    code: 'NS-DV-012',
    message: 'errors.dataverseUnsupported',
    remedy: 'errors.dataverseUnsupportedRemedy',
  },
  OUTBOUND_REFUSED: { code: 'NS-NET-013', message: 'errors.outboundRefused', remedy: 'errors.outboundRefusedRemedy' },
  RESPONSE_TOO_LARGE: {
    code: 'NS-NET-014',
    message: 'errors.responseTooLarge',
    remedy: 'errors.responseTooLargeRemedy',
  },
  SIGN_IN_NOT_COMPLETED: {
    code: 'NS-AUTH-015',
    message: 'errors.signInNotCompleted',
    remedy: 'errors.signInNotCompletedRemedy',
  },
  SIGN_IN_REVOKED: { code: 'NS-AUTH-016', message: 'errors.signInRevoked', remedy: 'errors.signInRevokedRemedy' },
} as const;

export type ErrorKind = keyof typeof ERROR_CODES;

/** A user-facing error: stable code, localized message and remedy, and the technical detail (never a secret). */
export interface NavSyncError {
  kind: ErrorKind;
  code: string;
  message: string;
  remedy: string;
  detail?: string;
}

export function describeError(
  kind: ErrorKind,
  locale: Locale = 'en',
  detail?: string,
  params: Record<string, string | number> = {},
): NavSyncError {
  const entry = ERROR_CODES[kind];
  return {
    kind,
    code: entry.code,
    message: t(entry.message, locale, params),
    remedy: t(entry.remedy, locale, { objects: '', ...params }),
    ...(detail === undefined ? {} : { detail }),
  };
}

/** Thrown by the CRM and LinkedIn clients; carries a catalogue kind so every layer reports it the same way. */
export class CatalogueError extends Error {
  readonly kind: ErrorKind;
  readonly detail?: string;
  readonly status?: number;
  constructor(kind: ErrorKind, detail?: string, status?: number) {
    super(`${ERROR_CODES[kind].code}: ${t(ERROR_CODES[kind].message)}${detail ? ` (${detail})` : ''}`);
    this.name = 'CatalogueError';
    this.kind = kind;
    this.detail = detail;
    this.status = status;
  }
}
