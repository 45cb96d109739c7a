/**
 * A Soundex-like sound code for names of the five seed languages, kept at full length (no 4-character cut) so it
 * tolerates spelling variants (Müller/Mueller/Muller, Lefèvre/Lefebvre, Schmidt/Smith, Jansen/Janssen) without
 * merging everything. The first letter stays a letter, as in Soundex. Input is folded text (see foldText).
 * Equal codes are the "sounds alike" match level and a blocking key, so every sound-alike pair shares a block.
 */
const GROUP: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  w: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};
const VOWELS = 'aeiouy';

/** Sound code of one folded word or name ('' when it has no Latin letters). */
export function nameSound(folded: string): string {
  // Letters only, with the digraphs that sound like one letter merged: sch → s, ph → f, ck → k, dt → t.
  let s = '';
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i];
    if (ch < 'a' || ch > 'z') continue;
    const next = folded[i + 1];
    if (ch === 's' && next === 'c' && folded[i + 2] === 'h') {
      s += 's';
      i += 2;
    } else if (ch === 'p' && next === 'h') {
      s += 'f';
      i += 1;
    } else if ((ch === 'c' && next === 'k') || (ch === 'd' && next === 't')) {
      s += next;
      i += 1;
    } else {
      s += ch;
    }
  }
  if (s === '') return '';
  let code = s[0];
  let previous = GROUP[s[0]] ?? '';
  for (let i = 1; i < s.length; i++) {
    const ch = s[i];
    if (VOWELS.indexOf(ch) >= 0) {
      previous = '';
    } else {
      const group = GROUP[ch];
      // h is silent and does not separate equal consonants (as in Soundex).
      if (group !== undefined && group !== previous) code += group;
      if (group !== undefined) previous = group;
    }
  }
  return code;
}
