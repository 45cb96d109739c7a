import type { SalesNavActivity, WritebackContext, WritebackPerson } from '../../../src/domain/writeback/index';

export function activity(over: Partial<SalesNavActivity> = {}): SalesNavActivity {
  return {
    id: '6f1e2a90-inm-0001',
    kind: 'inmail',
    channel: 'desktop',
    seatHolderId: '005SOPHIE',
    occurredAt: '2026-11-20T09:15:00.000Z',
    subject: 'Suite à notre échange au salon Vivatech',
    body: 'Bonjour Élodie,\nmerci pour votre temps hier.\r\nBien à vous,\nSophie',
    person: { memberUrn: 'urn:li:person:ELODIE7', name: 'Élodie Lefèvre' },
    optOut: false,
    ...over,
  };
}

export const ELODIE: WritebackPerson = {
  id: '003ELODIE',
  kind: 'contact',
  accountId: '001CREDITAGRICOLE',
  opportunityId: null,
};
export const JOOST_LEAD: WritebackPerson = { id: '00QJOOST', kind: 'lead', accountId: null };
export const GIULIA_WITH_OPP: WritebackPerson = {
  id: '003GIULIA',
  kind: 'contact',
  accountId: '001ROSSI',
  opportunityId: '006ROSSIDEAL',
};

export function ctx(over: Partial<WritebackContext> = {}): WritebackContext {
  return {
    crm: 'salesforce',
    settings: { writeBackEnabled: true, writeBackItems: 'all' },
    repOptOut: [],
    locale: 'en',
    ...over,
  };
}
