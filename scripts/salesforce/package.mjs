// `npm run package:salesforce`: force-app → dist/salesforce/navsync-salesforce.zip, a Metadata API (mdapi) format zip
// with package.xml, built by SDR the same way `sf project convert source` does (honours .forceignore). Needs the
// generated labels, translations and navsyncCore, so it runs after `npm run build`.
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ComponentSet, MetadataConverter } from '@salesforce/source-deploy-retrieve';
import { root } from '../lib/proc.mjs';

export const ZIP_NAME = 'navsync-salesforce.zip';
export const OUT_DIR = join(root, 'dist', 'salesforce');

export async function packageSalesforce() {
  const generated = ['lwc/navsyncCore/navsyncCore.js', 'lwc/navsyncLabels/navsyncLabels.js', 'labels/CustomLabels.labels-meta.xml'];
  for (const g of generated) {
    if (!existsSync(join(root, 'force-app', 'main', 'default', g))) {
      throw new Error(`force-app/main/default/${g} is missing: run \`npm run build\` first`);
    }
  }
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  const set = ComponentSet.fromSource(join(root, 'force-app'));
  set.sourceApiVersion = '66.0';
  const result = await new MetadataConverter().convert(set, 'metadata', {
    type: 'zip',
    outputDirectory: OUT_DIR,
    packageName: 'NavSync',
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
