import { firstNameSounds } from './personName';
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
function commonPersonKeys(keys: PersonKeys): string[] {
  const out: string[] = [];
  for (const e of keys.emails) out.push(`e:${e}`);
  for (const p of keys.phones) out.push(`p:${p}`);
  const firstSounds = firstNameSounds(keys.first);
  for (const last of keys.last.sounds) {
    for (const first of firstSounds) out.push(`n:${last}|s:${first}`);
  }
  return out;
}

/** Keys a LinkedIn member (a candidate) is filed under. */
export function personIndexKeys(keys: PersonKeys): string[] {
  const out = commonPersonKeys(keys);
  for (const last of keys.last.sounds) {
    out.push(`l:${last}`);
    if (keys.first.initialOnly) out.push(`n:${last}|i:${keys.first.compact}`);
  }
  return out;
}

/** Keys a CRM record looks up. */
export function personQueryKeys(keys: PersonKeys): string[] {
  const out = commonPersonKeys(keys);
  if (keys.first.compact === '') return out;
  for (const last of keys.last.sounds) {
    out.push(keys.first.initialOnly ? `l:${last}` : `n:${last}|i:${keys.first.compact[0]}`);
  }
  return out;
}
