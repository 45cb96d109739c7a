import { firstNameSounds, type FirstNameKey, type LastNameKey } from './personName';
import type { PersonKeys } from './personKeys';

/**
 * Blocking. A candidate is filed under its index keys, a record looks up its query keys, and every pair that
 * can pass the identity gate meets on at least one key (the blocking test checks this against brute force):
 * - equal e-mail → "e:<address>"; equal phone → "p:<tail>";
 * - last name and first name match → "n:<last-name sound>|s:<first-name sound>" (see firstNameSounds);
 * - the 'initial' level ("J." / "Jürgen") → an initial-only candidate is filed under "n:<last>|i:<letter>",
 *   which every record looks up; an initial-only record looks up "l:<last>", under which every candidate is filed.
 * So a full first name only meets candidates whose first name sounds alike, not everyone with the same initial.
 */
/** The name part of the keys, for a candidate (index) and for a record (query). */
export interface NameBlockingKeys {
  index: string[];
  query: string[];
}

/** Name keys of a first and last name; matchAll computes them once per distinct name. */
export function nameBlockingKeys(first: FirstNameKey, last: LastNameKey): NameBlockingKeys {
  const index: string[] = [];
  const query: string[] = [];
  const firstSounds = firstNameSounds(first);
  for (const sound of last.sounds) {
    for (const firstSound of firstSounds) {
      const key = `n:${sound}|s:${firstSound}`;
      index.push(key);
      query.push(key);
    }
    index.push(`l:${sound}`);
    if (first.initialOnly) index.push(`n:${sound}|i:${first.compact[0]}`);
    if (first.compact !== '') query.push(first.initialOnly ? `l:${sound}` : `n:${sound}|i:${first.compact[0]}`);
  }
  return { index, query };
}

function contactKeys(keys: PersonKeys, names: readonly string[]): string[] {
  if (keys.emails.length === 0 && keys.phones.length === 0) return names as string[];
  const out: string[] = [];
  for (const e of keys.emails) out.push(`e:${e}`);
  for (const p of keys.phones) out.push(`p:${p}`);
  return out.concat(names);
}

/** Keys a LinkedIn member (a candidate) is filed under. */
export function personIndexKeys(keys: PersonKeys): string[] {
  return contactKeys(keys, (keys.nameKeys ?? nameBlockingKeys(keys.first, keys.last)).index);
}

/** Keys a CRM record looks up. */
export function personQueryKeys(keys: PersonKeys): string[] {
  return contactKeys(keys, (keys.nameKeys ?? nameBlockingKeys(keys.first, keys.last)).query);
}
