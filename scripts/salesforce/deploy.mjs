// `npm run deploy:salesforce -- --target-org <alias> [--source] [--dry-run] [--tests]` for admins with an org:
// builds the package zip and deploys it with the Salesforce CLI (`sf project deploy start --metadata-dir`), or the
// source tree (`--source-dir force-app`). The CLI is not a project dependency (292 MB); install it with
// `npm i -g @salesforce/cli` and log in once with `sf org login web --alias <alias>`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';
import { packageSalesforce, OUT_DIR } from './package.mjs';

function arg(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name) => process.argv.includes(name);

const targetOrg = arg('--target-org');
if (!targetOrg) {
  console.error(
    'usage: npm run deploy:salesforce -- --target-org <alias> [--source] [--dry-run] [--tests] [--without-translations]',
  );
  process.exit(2);
}
const probe = spawnSync('sf', ['--version'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.error(
    'The Salesforce CLI (`sf`) is not installed. Install it with `npm i -g @salesforce/cli`, log in with\n' +
      '`sf org login web --alias <alias>`, then run this command again. On Node 20 the CLI needs the undici 7\n' +
      'override this repository already uses (see ../shared/reference/toolchain.md §3) or Node 22.',
  );
  process.exit(3);
}

const args = ['project', 'deploy', 'start', '--target-org', targetOrg, '--wait', '30'];
if (flag('--source')) {
  args.push('--source-dir', join(root, 'force-app'));
} else {
  const { file } = await packageSalesforce({ translations: !flag('--without-translations') });
  // --metadata-dir takes the unzipped folder or, with --single-package, a zip holding package.xml at its root.
  args.push('--metadata-dir', file, '--single-package');
}
if (flag('--dry-run')) args.push('--dry-run');
// RunLocalTests runs the package's Apex tests in the org (they cannot run anywhere else).
if (flag('--tests')) args.push('--test-level', 'RunLocalTests');
console.log(`sf ${args.join(' ')}`);
const r = spawnSync('sf', args, { stdio: 'inherit', cwd: root, env: { ...process.env, SF_DISABLE_TELEMETRY: 'true' } });
console.log(`package built in ${OUT_DIR.slice(root.length + 1)}`);
process.exit(r.status ?? 1);
