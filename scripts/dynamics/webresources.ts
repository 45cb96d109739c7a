// (Run by scripts/build/41-dynamics-webresources.mjs.) Bundles the Dataverse web resources with esbuild, each with
// only the texts it shows (the catalogue list of the core is replaced per bundle; the core is tree-shaken, its
// package declares no side effects):
// - forms/contactForm.js: one IIFE (`NavSync.ContactForm.onLoad`) with the form's own texts (FORM_TEXT) in five
//   languages;
// - settings/settings.js: the page code with Fluent's theme values (scripts/dynamics/fluentTheme.ts);
// - settings/dataValidation.js: the data validation flow, which the page loads when that switch changes, with the
//   column texts in five languages (the flow labels the column in every provisioned language);
// - settings/texts.<LCID>.js: every text of one language, which settings.html loads first for the user's language.
import { build, type Plugin } from 'esbuild';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AREAS } from '../../shared-ts/src/domain/i18n/catalogues/index';
import { DATAVERSE_LCID, LOCALES, type Locale } from '../../shared-ts/src/domain/i18n/locales';
import { COLUMN_TEXT_KEYS } from '../../dynamics-solution/src/webresources/dataValidation/artifacts';
import { FORM_TEXT } from '../../dynamics-solution/src/webresources/forms/contactForm';
import { fluentBuildValues } from './fluentTheme';

const root = join(__dirname, '..', '..');
const sol = join(root, 'dynamics-solution');

type Texts = { area: string; texts: Record<Locale, Record<string, string>> }[];

/** The catalogue areas restricted to some keys and languages (the others present but empty, as the core expects). */
function texts(keep: (area: string, key: string) => boolean, locales: readonly Locale[]): Texts {
  return AREAS.map(({ area, texts: all }) => ({
    area,
    texts: Object.fromEntries(
      LOCALES.map((l) => [
        l,
        locales.includes(l)
          ? Object.fromEntries(Object.entries(all[l] as Record<string, string>).filter(([k]) => keep(area, k)))
          : {},
      ]),
    ) as Record<Locale, Record<string, string>>,
  })).filter((a) => LOCALES.some((l) => Object.keys(a.texts[l]).length > 0));
}

/** Replaces the core's catalogue list: the bundle carries `embedded`, plus what a texts file loaded before it. */
function catalogue(embedded: Texts, loadedGlobal?: string): Plugin {
  return {
    name: 'navsync-texts',
    setup(b) {
      b.onLoad({ filter: /shared-ts[\\/]src[\\/]domain[\\/]i18n[\\/]catalogues[\\/]index\.ts$/ }, () => ({
        loader: 'js',
        contents:
          `const embedded = ${JSON.stringify(embedded)};\n` +
          (loadedGlobal
            ? `const loaded = typeof ${loadedGlobal} === 'undefined' ? [] : ${loadedGlobal};\nexport const AREAS = embedded.concat(loaded);\n`
            : 'export const AREAS = embedded;\n'),
      }));
    },
  };
}

const TEXTS_GLOBAL = 'NavSyncTexts';
const columnKeys = new Set<string>(Object.values(COLUMN_TEXT_KEYS));
const formKeys = new Set<string>(Object.values(FORM_TEXT));
const bundles = [
  {
    entry: 'src/webresources/forms/contactForm.ts',
    out: 'WebResources/navsync_/forms/contactForm.js',
    globalName: 'NavSync.ContactForm',
    plugin: catalogue(texts((area, key) => formKeys.has(`${area}.${key}`), LOCALES)),
    define: {},
  },
  {
    entry: 'src/webresources/settings/settingsPage.ts',
    out: 'WebResources/navsync_/settings/settings.js',
    globalName: 'NavSync.Settings',
    plugin: catalogue([], TEXTS_GLOBAL),
    // Fluent's theme values, compiled in (the page draws Fluent's look on native controls: no Fluent runtime).
    define: { __NAVSYNC_FLUENT__: JSON.stringify(fluentBuildValues()) },
  },
  {
    entry: 'src/webresources/dataValidation/flow.ts',
    out: 'WebResources/navsync_/settings/dataValidation.js',
    globalName: 'NavSync.DataValidation',
    plugin: catalogue(
      texts((area, key) => columnKeys.has(`${area}.${key}`), LOCALES),
      TEXTS_GLOBAL,
    ),
    define: {},
  },
];

export function textsFile(locale: Locale): string {
  return `WebResources/navsync_/settings/texts.${DATAVERSE_LCID[locale]}.js`;
}

async function main(): Promise<void> {
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
      // The core from its TypeScript sources (pure domain code; no dist/ needed); shared-ts declares no side effects.
      alias: { '@navsync/shared-ts': join(root, 'shared-ts', 'src', 'domain', 'index.ts') },
      plugins: [b.plugin],
      define: b.define,
    });
    console.log(`${b.out}: ${(statSync(join(sol, b.out)).size / 1024).toFixed(1)} KiB`);
  }
  for (const locale of LOCALES) {
    const file = join(sol, textsFile(locale));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `var ${TEXTS_GLOBAL}=${JSON.stringify(texts(() => true, [locale]))};\n`);
  }
  const largest = Math.max(...LOCALES.map((l) => statSync(join(sol, textsFile(l))).size));
  console.log(
    `WebResources/navsync_/settings/texts.<LCID>.js: ${LOCALES.length} languages, largest ${(largest / 1024).toFixed(1)} KiB`,
  );
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
