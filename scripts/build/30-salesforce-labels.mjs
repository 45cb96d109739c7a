// Custom labels (English), nl_NL/fr/it/de label and field translations from the shared i18n catalogues, the c/navsyncLabels module
// that looks them up by key, and one tiny module per label for the LWC jest setup so component tests see the real English texts. All build output (gitignored).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';
import {
  LABELS_MODULE_META,
  labelKeys,
  labelModules,
  loadDomain,
  renderCustomLabels,
  renderFieldTranslations,
  renderLabelsModule,
  renderTranslations,
} from '../salesforce/labels.mjs';

const domain = loadDomain();
const main = join(root, 'force-app', 'main', 'default');
mkdirSync(join(main, 'labels'), { recursive: true });
writeFileSync(join(main, 'labels', 'CustomLabels.labels-meta.xml'), renderCustomLabels(domain));
rmSync(join(main, 'translations'), { recursive: true, force: true });
mkdirSync(join(main, 'translations'), { recursive: true });
const translations = renderTranslations(domain);
for (const [lang, xml] of Object.entries(translations)) {
  writeFileSync(join(main, 'translations', `${lang}.translation-meta.xml`), xml);
}

const objectTranslations = join(main, 'objectTranslations');
rmSync(objectTranslations, { recursive: true, force: true });
for (const [file, xml] of Object.entries(renderFieldTranslations(domain))) {
  mkdirSync(join(objectTranslations, file, '..'), { recursive: true });
  writeFileSync(join(objectTranslations, file), xml);
}

for (const [name, keys] of Object.entries(labelModules(domain))) {
  const dir = join(main, 'lwc', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.js`), renderLabelsModule(domain, keys));
  writeFileSync(join(dir, `${name}.js-meta.xml`), LABELS_MODULE_META);
}

const jestLabels = join(root, '.ci-out', 'lwc-jest-labels');
rmSync(jestLabels, { recursive: true, force: true });
mkdirSync(jestLabels, { recursive: true });
for (const key of labelKeys(domain)) {
  writeFileSync(
    join(jestLabels, `${domain.labelName(key)}.js`),
    `export default ${JSON.stringify(domain.CATALOGUES.en[key])};\n`,
  );
}
console.log(`${labelKeys(domain).length} custom labels, translations: ${Object.keys(translations).join(', ')}`);
