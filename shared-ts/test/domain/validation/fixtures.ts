import type { LinkedInEvidence, ValidationAccount, ValidationInput } from '../../../src/domain/validation/index';

export const NOW = Date.UTC(2026, 10, 22, 6, 0, 0);
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;

/** Accounts in the five languages, with legal forms, websites and LinkedIn company URNs. */
export const ACCOUNTS: Record<string, ValidationAccount> = {
  acme: {
    id: '001A',
    name: 'Acme Corporation Inc.',
    website: 'https://www.acme.com',
    companyUrn: 'urn:li:organization:1001',
  },
  bakker: {
    id: '001B',
    name: 'Bakkerij de Vries B.V.',
    website: 'bakkerijdevries.nl',
    companyUrn: 'urn:li:organization:2002',
  },
  societe: { id: '001C', name: 'Société Générale d’Électricité S.A.', website: 'http://sge.fr/', companyUrn: null },
  rossi: { id: '001D', name: 'Rossi & Figli S.p.A.', website: 'www.rossiefigli.it', companyUrn: 'urn:li:company:3003' },
  mueller: { id: '001E', name: 'Müller Maschinenbau GmbH', website: null, companyUrn: null },
};

export function evidence(over: Partial<LinkedInEvidence> = {}): LinkedInEvidence {
  return {
    memberUrn: 'urn:li:person:ABC123',
    status: 'differs',
    currentCompany: { name: 'Zürcher Kantonalbank AG', urn: 'urn:li:organization:9999', domain: 'zkb.ch' },
    asOf: NOW - 2 * HOUR,
    ...over,
  };
}

/** A contact due for validation (last check 30 h ago), in scope, associated with the member of `evidence()`. */
export function input(over: Partial<ValidationInput> = {}): ValidationInput {
  return {
    contactId: '003-anneke',
    inScope: true,
    current: 'noFeedback',
    memberUrn: 'urn:li:person:ABC123',
    account: ACCOUNTS.acme,
    crmModifiedAt: NOW - 40 * DAY,
    lastValidatedAt: NOW - 30 * HOUR,
    evidence: evidence(),
    ...over,
  };
}
