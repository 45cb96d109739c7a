/**
 * An exact set of CRM record ids for the duplicate check of million-row exports. A JS Set of a million strings
 * costs about a microsecond per row in hashing, rehashing and garbage collection, and would keep every
 * download chunk alive (a parsed id is a slice of its chunk). Ids of the two CRMs' shapes are packed into four
 * 32-bit words instead, in one open-addressed table of typed arrays:
 * - up to 20 letters and digits (Salesforce ids, 15 or 18 characters): 6 bits per character, exact (case kept);
 * - a GUID (Dataverse): its 128 bits; Dataverse compares ids case-insensitively, so case is folded.
 * Anything else goes to a plain Map of copied strings.
 * Each id gets an index, its place in the order the ids were first added (0, 1, 2 …): callers keep what they need
 * per record in arrays by that index.
 */
import { detach } from '../linkedin/detach';

const WORDS = 4;
const ALNUM_MAX = 20;

export class RecordIdSet {
  private alnum = new PackedTable();
  private guid = new PackedTable();
  private other = new Map<string, number>();
  private readonly key = new Uint32Array(WORDS);
  private count = 0;

  /** Adds the id; false when it was already there. */
  add(id: string): boolean {
    this.place(id);
    return this.added;
  }

  /** Whether the last `place` added its id. */
  added = false;

  /** The id's index: a new id is added and gets the next index (`added` tells which happened). */
  place(id: string): number {
    const k = this.key;
    let at: number;
    if (packGuid(id, k)) at = k[0] !== 0 ? this.guid.place(k, this.count) : this.placeOther(id.toLowerCase());
    else if (packAlnum(id, k)) at = this.alnum.place(k, this.count);
    else at = this.placeOther(id);
    this.added = at === this.count;
    if (this.added) this.count++;
    return at;
  }

  /** The id's index, or −1 when it is not in the set (nothing is added). */
  indexOf(id: string): number {
    const k = this.key;
    if (packGuid(id, k)) return k[0] !== 0 ? this.guid.find(k) : (this.other.get(id.toLowerCase()) ?? -1);
    if (packAlnum(id, k)) return this.alnum.find(k);
    return this.other.get(id) ?? -1;
  }

  private placeOther(id: string): number {
    const at = this.other.get(id);
    if (at !== undefined) return at;
    this.other.set(detach(id), this.count);
    return this.count;
  }

  get size(): number {
    return this.alnum.size + this.guid.size + this.other.size;
  }
}

/** Letters and digits as 1…62 (0 = no character), five to a word: distinct ids give distinct words. */
function packAlnum(id: string, out: Uint32Array): boolean {
  const n = id.length;
  if (n === 0 || n > ALNUM_MAX) return false;
  let w = 0;
  let word = 0;
  let inWord = 0;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i);
    let v: number;
    if (c >= 48 && c <= 57)
      v = c - 47; // 1…10
    else if (c >= 65 && c <= 90)
      v = c - 54; // 11…36
    else if (c >= 97 && c <= 122)
      v = c - 60; // 37…62
    else return false;
    word = word * 64 + v;
    if (++inWord === 5) {
      out[w++] = word;
      word = 0;
      inWord = 0;
    }
  }
  if (inWord) out[w++] = word;
  while (w < WORDS) out[w++] = 0;
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

/** xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx as four words. */
function packGuid(id: string, out: Uint32Array): boolean {
  if (
    id.length !== 36 ||
    id.charCodeAt(8) !== 45 ||
    id.charCodeAt(13) !== 45 ||
    id.charCodeAt(18) !== 45 ||
    id.charCodeAt(23) !== 45
  )
    return false;
  let word = 0;
  let nibbles = 0;
  let w = 0;
  for (let i = 0; i < 36; i++) {
    if (i === 8 || i === 13 || i === 18 || i === 23) continue;
    const v = hexValue(id.charCodeAt(i));
    if (v < 0) return false;
    word = word * 16 + v;
    if (++nibbles === 8) {
      out[w++] = word;
      word = 0;
      nibbles = 0;
    }
  }
  return true;
}

/**
 * Open addressing, linear probing, grown twofold at half full (16 bytes a slot: 32 MB for a million ids). A slot is empty when its first word is 0: a packed
 * alphanumeric id never has one (its first character is ≥ 1), and the one GUID that would (all zeros in its
 * first eight digits) goes to the plain Set.
 */
class PackedTable {
  size = 0;
  private mask = (1 << 16) - 1;
  private keys = new Uint32Array((this.mask + 1) * WORDS);
  /** Per slot: the index its id was given. */
  private indexes = new Int32Array(this.mask + 1);

  /** The index of the key, or `next` once the key is added with it. */
  place(k: Uint32Array, next: number): number {
    const k0 = k[0];
    const k1 = k[1];
    const k2 = k[2];
    const k3 = k[3];
    const keys = this.keys;
    let o = (hashOf(k0, k1, k2, k3) & this.mask) * WORDS;
    for (;;) {
      const first = keys[o];
      if (first === 0) break;
      if (first === k0 && keys[o + 1] === k1 && keys[o + 2] === k2 && keys[o + 3] === k3) return this.indexes[o >>> 2];
      o = (o + WORDS) & (this.mask * WORDS + WORDS - 1);
    }
    keys[o] = k0;
    keys[o + 1] = k1;
    keys[o + 2] = k2;
    keys[o + 3] = k3;
    this.indexes[o >>> 2] = next;
    if (++this.size * 2 > this.mask) this.grow();
    return next;
  }

  /** The index of the key, or −1. */
  find(k: Uint32Array): number {
    const keys = this.keys;
    let o = (hashOf(k[0], k[1], k[2], k[3]) & this.mask) * WORDS;
    for (;;) {
      const first = keys[o];
      if (first === 0) return -1;
      if (first === k[0] && keys[o + 1] === k[1] && keys[o + 2] === k[2] && keys[o + 3] === k[3])
        return this.indexes[o >>> 2];
      o = (o + WORDS) & (this.mask * WORDS + WORDS - 1);
    }
  }

  private grow(): void {
    const old = this.keys;
    const oldIndexes = this.indexes;
    this.mask = this.mask * 2 + 1;
    const keys = new Uint32Array((this.mask + 1) * WORDS);
    const indexes = new Int32Array(this.mask + 1);
    const wrap = this.mask * WORDS + WORDS - 1;
    for (let p = 0; p < old.length; p += WORDS) {
      const k0 = old[p];
      if (k0 === 0) continue;
      let o = (hashOf(k0, old[p + 1], old[p + 2], old[p + 3]) & this.mask) * WORDS;
      while (keys[o] !== 0) o = (o + WORDS) & wrap;
      keys[o] = k0;
      keys[o + 1] = old[p + 1];
      keys[o + 2] = old[p + 2];
      keys[o + 3] = old[p + 3];
      indexes[o >>> 2] = oldIndexes[p >>> 2];
    }
    this.keys = keys;
    this.indexes = indexes;
  }
}

/** Mixes the four words (murmur3-style finaliser per word). */
function hashOf(k0: number, k1: number, k2: number, k3: number): number {
  let h = mix(0x9747b28c, k0);
  h = mix(h, k1);
  h = mix(h, k2);
  h = mix(h, k3);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function mix(h: number, word: number): number {
  let x = Math.imul(word, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  h ^= Math.imul(x, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
