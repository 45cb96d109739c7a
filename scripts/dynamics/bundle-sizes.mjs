// What a Dynamics user downloads, minified and before gzip: the PCF control's bundle on every form it sits on, the
// contact form script on every contact form, the settings page script (its texts come per language, beside it) and
// the data validation flow it loads when that switch changes.
// One list of targets for `npm run bench` (prints) and the solution checks (fail when a bundle grows past one).
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';

export const BUNDLE_TARGETS = [
  {
    name: 'PCF EmbeddedProfile bundle.js',
    file: 'pcf-controls/EmbeddedProfile/out/controls/EmbeddedProfile/bundle.js',
    maxKiB: 50,
  },
  { name: 'contactForm.js', file: 'dynamics-solution/WebResources/navsync_/forms/contactForm.js', maxKiB: 25 },
  { name: 'settings.js', file: 'dynamics-solution/WebResources/navsync_/settings/settings.js', maxKiB: 80 },
  // Loaded by the settings page only when data validation is switched (views, reports and their texts).
  {
    name: 'settings dataValidation.js',
    file: 'dynamics-solution/WebResources/navsync_/settings/dataValidation.js',
    maxKiB: 40,
  },
];

/** Each bundle's size in KiB against its target. */
export function bundleSizes() {
  return BUNDLE_TARGETS.map((t) => {
    const kib = statSync(join(root, t.file)).size / 1024;
    return { ...t, kib, ok: kib <= t.maxKiB };
  });
}

export function formatSizes(sizes) {
  return sizes.map(
    (s) =>
      `${s.name.padEnd(32)} ${s.kib.toFixed(1).padStart(6)} KiB  (target ≤ ${s.maxKiB} KiB)${s.ok ? '' : '  OVER'}`,
  );
}
