import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CATALOGUES, LOCALES } from '@navsync/shared-ts';
import { TEXT } from '../src/webresources/settings/settingsPage';
import { STEP_LABEL } from '../src/webresources/dataValidation/enable';

/** Every catalogue key the web resources and the PCF control name in their code, in every language. */
function keysUsedIn(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!['__tests__', '__mocks__', 'generated', 'strings'].includes(name)) out.push(...keysUsedIn(full));
    } else if (/\.tsx?$/.test(name)) {
      for (const m of readFileSync(full, 'utf8').matchAll(
        /'((?:admin|common|dataverse|profile|badge|errors|settings|testWriteBack|writeback)\.[A-Za-z]+)'/g,
      ))
        out.push(m[1]);
    }
  }
  return out;
}

const used = [
  ...new Set([
    ...keysUsedIn(join(__dirname, '..', 'src')),
    ...keysUsedIn(join(__dirname, '..', '..', 'pcf-controls', 'EmbeddedProfile', 'EmbeddedProfile')),
    ...Object.values(TEXT),
    ...Object.values(STEP_LABEL),
  ]),
].sort();

test('the Dataverse UI names at least the keys it obviously needs', () => {
  expect(used).toEqual(
    expect.arrayContaining(['admin.title', 'dataverse.stepViews', 'profile.matchButton', 'profile.notAtCompanyBanner']),
  );
});

test('every text key the settings page, form script, enable flow and PCF control use exists in all five languages', () => {
  const missing = used.flatMap((key) =>
    LOCALES.filter((l) => typeof CATALOGUES[l][key] !== 'string').map((l) => `${l}:${key}`),
  );
  expect(missing).toEqual([]);
  expect(used.length).toBeGreaterThan(60);
});
