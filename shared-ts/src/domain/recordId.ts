/**
 * Record ids as files spell them: the shape of each CRM's ids, and the one spelling the CRM gives back (used by the
 * engine and by the file source alike).
 */

/**
 * Does a string have the shape of a record id of this CRM? Rows naming something else are reported and
 * skipped before they reach a query (one malformed id must not fail the lookup of its whole chunk).
 */
export function isCrmRecordId(kind: 'salesforce' | 'dataverse', id: string): boolean {
  if (kind === 'salesforce') return /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/.test(id);
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

const SUFFIX = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The id as the CRM gives it back, for ids a file may spell otherwise: a 15-character Salesforce id (what reports
 * export) gets its 3-character case suffix, a GUID is lower-cased (Dataverse compares them case-insensitively).
 * Anything else is returned as it is.
 */
export function canonicalRecordId(id: string): string {
  if (id.length === 15 && /^[a-zA-Z0-9]{15}$/.test(id)) {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
      let bits = 0;
      for (let i = 0; i < 5; i++) {
        const c = id.charCodeAt(chunk * 5 + i);
        if (c >= 65 && c <= 90) bits |= 1 << i;
      }
      suffix += SUFFIX[bits];
    }
    return id + suffix;
  }
  if (id.length === 36 && /[A-F]/.test(id) && isCrmRecordId('dataverse', id)) return id.toLowerCase();
  return id;
}
