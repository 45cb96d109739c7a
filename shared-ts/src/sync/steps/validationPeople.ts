/**
 * The seat holders' own contacts and leads, read once the platform's bulk way (Salesforce: one Bulk API 2.0 query
 * job) for a large export, instead of each export row's record by id (`IN (…)` queries of 200: 5,000 of them for a
 * million rows). Kept in typed arrays by a packed id table (sync/recordIdSet), with only the fields validation
 * decides on, so a million records stay within tens of MB. A row whose record is not among them (another owner's
 * record in the scope through an account or an opportunity, or no record at all) is still read by id.
 */
import type { CrmGateway, CrmPerson, NotAtCompany, PersonKind } from '../../crm/gateway';
import { detach } from '../../linkedin/detach';
import { RecordIdSet } from '../recordIdSet';

const FLAGS: readonly NotAtCompany[] = ['noFeedback', 'notAtCompany', 'ignore'];

/** Distinct strings (owners, accounts, company names) kept once each, referred to by number (0 = null). */
class Strings {
  private readonly byText = new Map<string, number>();
  readonly texts: (string | null)[] = [null];
  ref(s: string | null): number {
    if (s === null) return 0;
    let n = this.byText.get(s);
    if (n === undefined) {
      n = this.texts.length;
      const own = detach(s);
      this.texts.push(own);
      this.byText.set(own, n);
    }
    return n;
  }
}

/** One kind's records, with the fields validation decides on (see `get`). */
export class PeopleIndex {
  private readonly ids = new RecordIdSet();
  private readonly strings = new Strings();
  private owner = new Uint32Array(1024);
  private account = new Uint32Array(1024);
  private company = new Uint32Array(1024);
  private flag = new Uint8Array(1024);
  private modified = new Float64Array(1024);
  private validated = new Float64Array(1024);
  private readonly member: (string | null)[] = [];
  private readonly versions = new Map<number, string>();

  constructor(readonly kind: PersonKind) {}

  get size(): number {
    return this.ids.size;
  }

  add(p: CrmPerson): void {
    const i = this.ids.place(p.id);
    if (!this.ids.added) return;
    if (i >= this.owner.length) this.grow();
    this.owner[i] = this.strings.ref(p.ownerId);
    this.account[i] = this.strings.ref(p.accountId);
    this.company[i] = this.strings.ref(p.companyName);
    this.flag[i] = Math.max(0, FLAGS.indexOf(p.notAtCompany));
    this.modified[i] = p.lastModifiedAt ? Date.parse(p.lastModifiedAt) : NaN;
    this.validated[i] = p.validatedAt ? Date.parse(p.validatedAt) : NaN;
    this.member[i] = p.memberUrn === null ? null : detach(p.memberUrn);
    if (p.version) this.versions.set(i, detach(p.version));
  }

  /**
   * The record as validation sees it: id, owner, account and company name, flag, member URN, last modified,
   * validated at, version. Names, e-mail, phone, title and the association's links are not kept (null here).
   */
  get(id: string): CrmPerson | undefined {
    const i = this.ids.indexOf(id);
    if (i < 0) return undefined;
    const t = this.strings.texts;
    const time = (ms: number) => (Number.isNaN(ms) ? null : new Date(ms).toISOString());
    return {
      id,
      kind: this.kind,
      firstName: null,
      lastName: null,
      email: null,
      phone: null,
      title: null,
      accountId: t[this.account[i]],
      companyName: t[this.company[i]],
      ownerId: t[this.owner[i]],
      notAtCompany: FLAGS[this.flag[i]],
      memberUrn: this.member[i],
      profileUrl: null,
      photoUrl: null,
      matchSource: null,
      syncedAt: null,
      validatedAt: time(this.validated[i]),
      lastModifiedAt: time(this.modified[i]),
      version: this.versions.get(i) ?? null,
    };
  }

  private grow(): void {
    const n = this.owner.length * 2;
    const more = <A extends Uint32Array | Uint8Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.owner = more(this.owner, (k) => new Uint32Array(k));
    this.account = more(this.account, (k) => new Uint32Array(k));
    this.company = more(this.company, (k) => new Uint32Array(k));
    this.flag = more(this.flag, (k) => new Uint8Array(k));
    this.modified = more(this.modified, (k) => new Float64Array(k));
    this.validated = more(this.validated, (k) => new Float64Array(k));
  }
}

/**
 * The seat holders' people of both kinds, read once asked for (`start`); a read that fails leaves the caller
 * reading by id as before.
 */
export class OwnedPeople {
  private reads: Partial<Record<PersonKind, Promise<PeopleIndex | null>>> = {};

  constructor(
    private readonly crm: CrmGateway,
    private readonly holders: readonly string[],
    private readonly log: (line: string) => void,
  ) {}

  get started(): boolean {
    return Object.keys(this.reads).length > 0;
  }

  start(): void {
    if (this.started || !this.holders.length) return;
    for (const kind of ['contact', 'lead'] as const) {
      const read = (async () => {
        const index = new PeopleIndex(kind);
        for await (const page of this.crm.people({ kind, ownerIds: this.holders })) for (const p of page) index.add(p);
        return index;
      })().catch((err: unknown) => {
        this.log(`validation: the seat holders' ${kind}s could not be read at once (${String(err)}): read by id`);
        return null;
      });
      this.reads[kind] = read;
    }
  }

  /** The kind's index once its read has ended (null: not started, or failed). */
  async whenRead(kind: PersonKind): Promise<PeopleIndex | null> {
    return (await this.reads[kind]) ?? null;
  }

  /** Waits for the reads (so none is left running when the step ends). */
  async settle(): Promise<void> {
    await Promise.all(Object.values(this.reads));
  }
}
