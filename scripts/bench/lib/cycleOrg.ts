// The org of the cycle benchmark (30-cycle-latency), made from its size alone so the doubles' process and the
// bench agree on it without sending it across: N contacts of one seat holder on N/20 accounts, N/100 open
// opportunities (one contact each), an association for 4 contacts in 5 and an export row for every contact
// (9 in 10 say the person left for another company).
import { crmId } from '../../../shared-ts/dist/demo/ids';
import type { AssociationSeed } from '../../../shared-ts/dist/doubles/linkedinDouble';
import { csvRows } from '../../../shared-ts/dist/net/csv';

export interface CycleOrg {
  kind: 'salesforce' | 'dataverse';
  n: number;
  holder: string;
  accounts(): Iterable<string>;
  contacts(): Iterable<{ i: number; id: string; account: string }>;
  opportunities(): Iterable<{ id: string; account: string; contact: string }>;
  associations(): AssociationSeed[];
}

export function cycleOrg(kind: 'salesforce' | 'dataverse', n: number): CycleOrg {
  const accountCount = Math.max(1, Math.floor(n / 20));
  const account = (i: number) => crmId(kind, `A${1 + (i % accountCount)}`);
  const contact = (i: number) => crmId(kind, `C${i}`);
  return {
    kind,
    n,
    holder: crmId(kind, 'U1'),
    *accounts() {
      for (let a = 1; a <= accountCount; a++) yield crmId(kind, `A${a}`);
    },
    *contacts() {
      for (let i = 1; i <= n; i++) yield { i, id: contact(i), account: account(i) };
    },
    *opportunities() {
      for (let o = 1; o <= Math.floor(n / 100); o++)
        yield { id: crmId(kind, `O${o}`), account: account(o * 100), contact: contact(o * 100) };
    },
    associations() {
      const out: AssociationSeed[] = [];
      for (let i = 1; i <= n; i++)
        if (i % 5 !== 0)
          out.push({
            recordId: contact(i),
            member: `urn:li:person:m${i}`,
            profile: `https://www.linkedin.com/sales/profile/ACwAAA${String(i).padStart(8, '0')},NAME_SEARCH`,
          });
      return out;
    },
  };
}

/** The export's CSV text in ~1,000-row chunks. */
export function* exportChunks(org: CycleOrg): Generator<string> {
  yield 'recordId,recordType,status,memberUrn,currentCompanyName\n';
  const lf = { formulaGuard: false, lineEnd: '\n' } as const;
  let rows: string[][] = [];
  for (const c of org.contacts()) {
    const status = c.i % 10 === 0 ? 'AT_COMPANY' : 'NOT_AT_COMPANY';
    rows.push([c.id, 'CONTACT', status, `urn:li:person:m${c.i}`, `Nordstern ${c.i % 977} GmbH`]);
    if (rows.length >= 1000) {
      yield csvRows(rows, lf);
      rows = [];
    }
  }
  if (rows.length) yield csvRows(rows, lf);
}
