/**
 * The changes the validation step holds until its bulk apply (up to VALIDATION_APPLY_EVERY, ~800,000 on a
 * million-row export), packed: the ids of each block of 4,096 joined into one string with their end offsets, the
 * kind and the value in a byte each. An update object is made only when a gateway reads it. Held as objects, each
 * change cost two objects (the update and its id copied out of the download chunk) that every garbage collection
 * of the run had to walk; packed, a million changes are ~250 strings and a few typed arrays. The row version each
 * change was decided on (Dataverse etag) is packed the same way, only once a change carries one.
 */
import type { NotAtCompany, PersonFields, PersonKind, PersonUpdate, PersonUpdateList } from '../crm/gateway';

const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const KINDS: readonly PersonKind[] = ['contact', 'lead'];
const VALUES: readonly NotAtCompany[] = ['notAtCompany', 'noFeedback', 'ignore'];

export class ValidationChanges implements PersonUpdateList {
  length = 0;
  /** Per value: the fields written (the value and the run's validation time), shared by every change. */
  private readonly fields: readonly PersonFields[];
  /** The ids (slices of the download chunks until their block is joined into a copy of its own). */
  private readonly ids = new PackedStrings();
  private kinds: Uint8Array = new Uint8Array(BLOCK);
  private values: Uint8Array = new Uint8Array(BLOCK);
  /** Row versions, like the ids ('' = none); null while no change has one. */
  private versions: PackedStrings | null = null;

  constructor(private readonly validatedAt: string) {
    this.fields = VALUES.map((notAtCompany) => Object.freeze({ notAtCompany, validatedAt }));
  }

  push(id: string, kind: PersonKind, value: NotAtCompany, version?: string | null): void {
    if (version && !this.versions) {
      this.versions = new PackedStrings();
      for (let k = 0; k < this.length; k++) this.versions.push('');
    }
    this.versions?.push(version ?? '');
    const i = this.length++;
    if (i === this.kinds.length) {
      this.kinds = grown(this.kinds);
      this.values = grown(this.values);
    }
    this.kinds[i] = KINDS.indexOf(kind);
    this.values[i] = VALUES.indexOf(value);
    this.ids.push(id);
  }

  at(index: number): PersonUpdate | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    const id = this.ids.at(index);
    const version = this.versions?.at(index);
    const u: PersonUpdate = { id, kind: KINDS[this.kinds[index]], fields: this.fields[this.values[index]] };
    if (version) u.ifVersion = version;
    return u;
  }

  /** The changes `keep` accepts, in order, as a new list. */
  filter(keep: (u: PersonUpdate) => boolean): ValidationChanges {
    const out = new ValidationChanges(this.validatedAt);
    for (const u of this) if (keep(u)) out.push(u.id, u.kind, u.fields.notAtCompany as NotAtCompany, u.ifVersion);
    return out;
  }

  /** The same changes without those `drop` says (rare: a record whose export rows conflicted). */
  without(drop: (kind: PersonKind, id: string) => boolean): ValidationChanges {
    const out = new ValidationChanges(this.fields[0].validatedAt as string);
    for (let i = 0; i < this.length; i++) {
      const u = this.at(i) as PersonUpdate;
      if (!drop(u.kind, u.id)) out.push(u.id, u.kind, u.fields.notAtCompany as NotAtCompany);
    }
    return out;
  }

  *[Symbol.iterator](): Iterator<PersonUpdate> {
    for (let i = 0; i < this.length; i++) yield this.at(i) as PersonUpdate;
  }
}

/** Strings packed per block of BLOCK: joined, with their end offsets. */
class PackedStrings {
  private readonly blocks: string[] = [];
  private readonly ends: Uint32Array[] = [];
  private open: string[] = [];

  push(s: string): void {
    this.open.push(s);
    if (this.open.length === BLOCK) {
      const ends = new Uint32Array(BLOCK);
      let end = 0;
      for (let j = 0; j < BLOCK; j++) ends[j] = end += this.open[j].length;
      this.blocks.push(this.open.join(''));
      this.ends.push(ends);
      this.open = [];
    }
  }

  at(index: number): string {
    const b = index >>> BLOCK_BITS;
    const j = index & (BLOCK - 1);
    if (b === this.blocks.length) return this.open[j];
    const ends = this.ends[b];
    return this.blocks[b].slice(j === 0 ? 0 : ends[j - 1], ends[j]);
  }
}

function grown(a: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length * 2);
  out.set(a);
  return out;
}
