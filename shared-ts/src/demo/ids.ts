/**
 * Record ids of the demo data in each CRM's own format, derived from one neutral key ("C0042"), so the same
 * demo world can seed the Salesforce double (18-character ids) and the Dataverse double (GUIDs).
 */
export type DemoCrm = 'salesforce' | 'dataverse';

const SF_PREFIX: Record<string, string> = { A: '001', C: '003', L: '00Q', O: '006', U: '005', R: '00E' };
const SF_SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The case-safe 18-character form of a 15-character Salesforce id (the documented checksum suffix). */
export function sfId18(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charAt(chunk * 5 + i);
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += SF_SUFFIX_CHARS.charAt(bits);
  }
  return id15 + suffix;
}

export function crmId(crm: DemoCrm, key: string): string {
  const kind = key.charAt(0);
  const n = parseInt(key.slice(1), 10);
  if (!Number.isFinite(n) || !SF_PREFIX[kind]) throw new Error(`not a demo key: ${key}`);
  if (crm === 'salesforce') return sfId18(`${SF_PREFIX[kind]}5g00000${n.toString(36).toUpperCase().padStart(5, '0')}`);
  const kindHex = kind.charCodeAt(0).toString(16).padStart(4, '0');
  return `6e617673-${kindHex}-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** The neutral key back from a CRM id (undefined for ids the demo did not make). */
export function keyOf(crm: DemoCrm, id: string): string | undefined {
  if (crm === 'dataverse') {
    const m = /^6e617673-([0-9a-f]{4})-4000-8000-([0-9a-f]{12})$/i.exec(id);
    if (!m) return undefined;
    const kind = String.fromCharCode(parseInt(m[1], 16));
    return `${kind}${String(parseInt(m[2], 16)).padStart(4, '0')}`;
  }
  const prefix = id.slice(0, 3);
  const kind = Object.keys(SF_PREFIX).find((k) => SF_PREFIX[k] === prefix);
  if (!kind || !/^.{3}5g00000[0-9A-Z]{5}/.test(id)) return undefined;
  return `${kind}${String(parseInt(id.slice(10, 15), 36)).padStart(4, '0')}`;
}
