import type { CrmKind } from '../crm/gateway';

/**
 * Does a string have the shape of a record id of this CRM? Rows naming something else are reported and
 * skipped before they reach a query (one malformed id must not fail the lookup of its whole chunk).
 */
export function isCrmRecordId(kind: CrmKind, id: string): boolean {
  if (kind === 'salesforce') return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}
