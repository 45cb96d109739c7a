import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n/index';

// A remedy may only send an admin to permission sets and security roles the packages ship.
const root = join(__dirname, '..', '..', '..');
const permissionSets = readdirSync(join(root, 'force-app', 'main', 'default', 'permissionsets'))
  .map((f) => readFileSync(join(root, 'force-app', 'main', 'default', 'permissionsets', f), 'utf8'))
  .map((xml) => /<label>([^<]+)<\/label>/.exec(xml)?.[1] ?? '');
const roles = [
  ...readFileSync(join(root, 'dynamics-solution', 'src', 'solution', 'model.ts'), 'utf8').matchAll(
    /export const \w*ROLE\w* = \{\s*name: '([^']+)'/g,
  ),
].map((m) => m[1]);

const remedies = Object.values(ERROR_CODES).map((e) => [e.remedy, t(e.remedy, 'en')] as const);

test.each(remedies)('%s names only shipped permission sets and security roles', (_key, text) => {
  const sets = [...text.matchAll(/the ([A-Z][\w]*(?: [A-Z][\w]*)*) permission set/g)].map((m) => m[1]);
  const named = [
    ...text.matchAll(/the ([A-Z][\w]*(?: [A-Z][\w]*)*) (?:security )?role/g),
    ...text.matchAll(/security role ([A-Z][\w]*(?: [A-Z][\w]*)*)/g),
  ].map((m) => m[1]);
  for (const s of sets) expect(permissionSets).toContain(s);
  for (const r of named) expect(roles).toContain(r);
});

test('the packages ship what the access remedy names', () => {
  expect(permissionSets).toContain('NavSync Admin');
  expect(t('errors.insufficientAccessRemedy', 'en')).toContain('the NavSync Admin permission set');
});
