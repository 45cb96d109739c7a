// `npm run package:salesforce`: force-app → dist/salesforce/navsync-salesforce.zip, a Metadata API (mdapi) format zip
// with package.xml, built by SDR the same way `sf project convert source` does (honours .forceignore). Needs the
// generated labels, translations and navsyncCore, so it runs after `npm run build`.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { root } from '../lib/proc.mjs';

export const ZIP_NAME = 'navsync-salesforce.zip';
export const OUT_DIR = join(root, 'dist', 'salesforce');

/**
 * The zip is plain metadata: package.xml names no package (a `<fullName>` would make every deploy create or update
 * an unmanaged package of that name in the org). The managed package is built from source by
 * `sf package version create` (npm run package:version), never from this zip. `translations: false` leaves out the
 * Translation Workbench files, for orgs where the Workbench (or one of the four languages) is not enabled.
 */
export async function packageSalesforce({ translations = true } = {}) {
  const generated = [
    'lwc/navsyncCore/navsyncCore.js',
    'lwc/navsyncLabels/navsyncLabels.js',
    'labels/CustomLabels.labels-meta.xml',
  ];
  for (const g of generated) {
    if (!existsSync(join(root, 'force-app', 'main', 'default', g))) {
      throw new Error(`force-app/main/default/${g} is missing: run \`npm run build\` first`);
    }
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const all = ComponentSet.fromSource(join(root, 'force-app'));
  const set = translations
    ? all
    : new ComponentSet(
        all
          .getSourceComponents()
          .toArray()
          .filter((c) => !/^(Translations|CustomObjectTranslation)$/.test(c.type.name)),
      );
  set.sourceApiVersion = '66.0';
  const result = await new MetadataConverter().convert(set, 'metadata', {
    type: 'zip',
    outputDirectory: OUT_DIR,

    genUniqueDir: false,
  });
  const file = join(OUT_DIR, ZIP_NAME);
  renameSync(result.packagePath, file);
  return { file, bytes: statSync(file).size, components: set.size };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, bytes, components } = await packageSalesforce();
  console.log(`${file.slice(root.length + 1)}: ${components} components, ${(bytes / 1024).toFixed(1)} KiB`);
}
