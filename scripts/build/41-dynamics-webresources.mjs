// Bundle the Dataverse web resources (TypeScript → one IIFE script each) with esbuild. The form script's
// handler is `NavSync.ContactForm.onLoad`; the settings page script exposes `NavSync.Settings`.
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';

const sol = join(root, 'dynamics-solution');
const bundles = [
  { entry: 'src/webresources/forms/contactForm.ts', out: 'WebResources/navsync_/forms/contactForm.js', globalName: 'NavSync.ContactForm' },
  { entry: 'src/webresources/settings/settingsPage.ts', out: 'WebResources/navsync_/settings/settings.js', globalName: 'NavSync.Settings' },
];
for (const b of bundles) {
  await build({
    entryPoints: [join(sol, b.entry)],
    outfile: join(sol, b.out),
    bundle: true,
    format: 'iife',
    globalName: b.globalName,
    target: 'es2020',
    platform: 'browser',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Bundle the core from its TypeScript sources (pure domain code; no dist/ needed).
    alias: { '@navsync/shared-ts': join(root, 'shared-ts', 'src', 'domain', 'index.ts') },
  });
  console.log(`${b.out}: ${(statSync(join(sol, b.out)).size / 1024).toFixed(1)} KiB`);
}
