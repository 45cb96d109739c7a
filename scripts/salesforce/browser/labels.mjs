// The custom label texts an org would serve, read back from the generated metadata (CustomLabels = English,
// translations/<lang> = the Translation Workbench files), so the browser tests render what the package ships.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../lib/proc.mjs';
import { loadDomain } from '../labels.mjs';

const MAIN = join(root, 'force-app', 'main', 'default');
const unescape = (s) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** { en: {labelName: text}, de: {...}, format(lang, key, params) } — format uses the core's one rule. */
export function loadLabelTexts(languages = { de: 'de' }) {
  const domain = loadDomain();
  const out = { en: {} };
  const english = readFileSync(join(MAIN, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8');
  for (const m of english.matchAll(/<fullName>([^<]+)<\/fullName>[^]*?<value>([^<]*)<\/value>/g))
    out.en[m[1]] = unescape(m[2]);
  for (const [lang, file] of Object.entries(languages)) {
    out[lang] = { ...out.en };
    const xml = readFileSync(join(MAIN, 'translations', `${file}.translation-meta.xml`), 'utf8');
    for (const m of xml.matchAll(/<label>([^<]*)<\/label>\s*<name>([^<]+)<\/name>/g)) out[lang][m[2]] = unescape(m[1]);
  }
  out.domain = domain;
  out.format = (lang, key, params = {}) => domain.format(out[lang][domain.labelName(key)] ?? key, params, lang);
  return out;
}
