import { canonicalGivenName } from './nicknames';
import { nameSound } from './sound';
import { foldText, foldTokens, uniqueTokens } from './text';

/**
 * Person names, prepared once per record and compared level by level. Particles (van, der, de, von, di, d', le …,
 * and the German nobility titles Graf, Freiherr …)
 * stay comparable: "van der Berg", "Van den Berg", "Vandenberg" and "Berg" meet on the core "berg" or on the
 * compact full form; compound names ("Müller-Lüdenscheidt" vs "Müller") meet on a shared core token.
 */
const PARTICLES = [
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'delle',
  'dei',
  'degli',
  'di',
  'da',
  'dal',
  'dalla',
  'von',
  'vom',
  'zu',
  'zur',
  'ten',
  'ter',
  'te',
  't',
  'het',
  'in',
  'le',
  'la',
  'les',
  'du',
  'des',
  'dos',
  'das',
  'do',
  'd',
  'l',
  'lo',
  'st',
  'vd',
  'v',
  // German nobility titles, part of the legal surname and often left out ("Graf zu Stolberg" / "zu Stolberg").
  'graf',
  'grafin',
  'freiherr',
  'freifrau',
  'freiin',
];

/** "ae", "oe", "ue" written for ä, ö, ü; dropping the e never changes a sound code (vowels are not coded). */
const TRANSLITERATION = /([aou])e/g;

/** Levels of a last-name comparison, strongest first. */
export const LAST_NAME_LEVELS = ['exact', 'partial', 'sound', 'none'] as const;
export type LastNameLevel = (typeof LAST_NAME_LEVELS)[number];

/** Levels of a first-name comparison, strongest first. */
export const FIRST_NAME_LEVELS = ['exact', 'nickname', 'partial', 'sound', 'initial', 'none'] as const;
export type FirstNameLevel = (typeof FIRST_NAME_LEVELS)[number];

export interface LastNameKey {
  /** Folded full name, particles included ("van der berg"). */
  folded: string;
  /** Full name without spaces ("vanderberg"): "Vandenberg" written as one word still meets it. */
  compact: string;
  /** Compact form with German transliterations folded ("mueller" → "muller"), for the exact level. */
  plain: string;
  /** Tokens without particles ("berg"; "muller", "ludenscheidt"). */
  core: string[];
  /** The core tokens joined ("berg", "mullerludenscheidt"). */
  coreCompact: string;
  /** Sound codes of the core tokens and of the compact form: equal codes = "sounds alike". */
  sounds: string[];
}

export interface FirstNameKey {
  folded: string;
  compact: string;
  /** First token ("jean" of "Jean-Pierre"). */
  head: string;
  /** All tokens ("jean", "pierre"): a shared token is a partial match ("J. Peter" / "Peter"). */
  tokens: string[];
  /** Canonical given name of the head (nickname groups), e.g. "bill" → "william". */
  canon: string;
  sound: string;
  /** Compact form with German transliterations folded ("juergen" → "jurgen"), for the exact level. */
  plain: string;
  /** First letters of the tokens ("jp" of "Jean-Pierre" and of "J.P."). */
  initials: string;
  /** True when only initials are known ("J.", "J", "J.P.", "JP"). */
  initialOnly: boolean;
}

/** Two or three consonants are initials written without dots ("JP", "KH"): no given name is spelled so. */
const UNDOTTED_INITIALS = /^[bcdfghjklmnpqrstvwxz]{2,3}$/;

/** Prepare a last name: folded, compact, particle-free core tokens and their sound codes. */
export function prepareLastName(lastName: string | null | undefined): LastNameKey {
  const tokens = foldTokens(lastName);
  const compact = tokens.join('');
  let core = tokens.filter((tok) => PARTICLES.indexOf(tok) < 0);
  if (core.length === 0) core = tokens.slice();
  core = uniqueTokens(core);
  // Names without Latin letters have no sound code: they stand for themselves.
  const sounds: string[] = [];
  for (const word of [...core, core.join(''), compact]) {
    const code = nameSound(word) || word;
    if (code !== '' && sounds.indexOf(code) < 0) sounds.push(code);
  }
  const coreCompact = core.join('');
  return {
    folded: tokens.join(' '),
    compact,
    plain: compact.replace(TRANSLITERATION, '$1'),
    core,
    coreCompact,
    sounds,
  };
}

/** Prepare a first name: folded, head token, canonical (nickname) form, sound code, initial-only flag. */
export function prepareFirstName(firstName: string | null | undefined): FirstNameKey {
  const folded = foldText(firstName);
  const words = folded === '' ? [] : folded.split(' ');
  const tokens = words.length === 1 && UNDOTTED_INITIALS.test(words[0]) ? words[0].split('') : words;
  const head = tokens.length > 0 ? tokens[0] : '';
  const compact = tokens.join('');
  return {
    folded,
    compact,
    head,
    tokens: uniqueTokens(tokens),
    // A compound given name ("Jean-Pierre") is its own name; a single one maps through the nickname groups.
    canon: tokens.length === 1 ? canonicalGivenName(head) : compact,
    sound: nameSound(head) || head,
    plain: compact.replace(TRANSLITERATION, '$1'),
    initials: tokens.map((tok) => tok.charAt(0)).join(''),
    initialOnly: tokens.length > 0 && tokens.every((tok) => tok.length === 1),
  };
}

function anyShared(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) {
    if (b.indexOf(x) >= 0) return true;
  }
  return false;
}

/** Compare two last names; symmetric. */
export function compareLastNames(a: LastNameKey, b: LastNameKey): LastNameLevel {
  if (a.compact === '' || b.compact === '') return 'none';
  if (a.plain === b.plain || a.coreCompact === b.coreCompact) return 'exact';
  if (anyShared(a.core, b.core)) return 'partial';
  if (anyShared(a.sounds, b.sounds)) return 'sound';
  return 'none';
}

/** Compare two first names; symmetric. */
export function compareFirstNames(a: FirstNameKey, b: FirstNameKey): FirstNameLevel {
  if (a.compact === '' || b.compact === '') return 'none';
  if (a.compact === b.compact || a.plain === b.plain) return 'exact';
  if (a.initialOnly || b.initialOnly) {
    // Several initials must all agree with the other's names ("J.P." is "Jean-Pierre", not "Jean-Luc").
    const several = a.initials.length > 1 && b.initials.length > 1;
    const agree = several ? a.initials === b.initials : a.compact[0] === b.compact[0];
    return agree && a.sound[0] === b.sound[0] ? 'initial' : 'none';
  }
  if (a.canon === b.canon) return 'nickname';
  if (anyShared(a.tokens, b.tokens)) return 'partial';
  if (a.sound !== '' && a.sound === b.sound) return 'sound';
  return 'none';
}

/**
 * Sound codes a first name is filed under for blocking: of the compact name, of each token and of the
 * canonical (nickname) form. Every first-name level above 'none' except 'initial' implies a shared code
 * (exact: the compact form; partial and sound: a token; nickname: the canonical form).
 */
export function firstNameSounds(key: FirstNameKey): string[] {
  if (key.compact === '') return [];
  const out = [key.sound];
  for (const word of [key.compact, key.canon, ...key.tokens]) {
    const code = nameSound(word) || word;
    if (code !== '' && out.indexOf(code) < 0) out.push(code);
  }
  return out;
}
