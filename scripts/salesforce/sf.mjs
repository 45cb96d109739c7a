// `npm run package:version` and `npm run org:create`: the release and scratch-org commands, run with the real
// Salesforce CLI when it is there (on PATH, or in node_modules through `npx --no-install`). The CLI is not a
// dependency (292 MB). Where something is missing (Node 22, the CLI, a Dev Hub) the command stops and prints the
// exact steps. The release flow is documented in scripts/salesforce/README.md ("Releasing the managed package").
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/proc.mjs';

const ENV = {
  ...process.env,
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_DISABLE_AUTOUPDATE: 'true',
};
const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8'));
const pkg = project.packageDirectories.find((d) => d.default);

const DEV_HUB_STEPS = [
  'A Dev Hub, once per machine:',
  '  1. In the Dev Hub org (a production or Developer Edition org with Dev Hub enabled: Setup → Dev Hub), link the',
  `     namespace "${project.namespace}" (Setup → Namespace Registries).`,
  '  2. sf org login web --set-default-dev-hub --alias navsync-devhub',
  `  3. Once per package: sf package create --name ${pkg.package} --package-type Managed --path ${pkg.path}`,
  '     (it adds the 0Ho package id to packageAliases in sfdx-project.json: commit it).',
];

function stop(lines) {
  console.error(lines.join('\n'));
  process.exit(3);
}

/** How to run `sf`: the command on PATH, else the project's copy through npx; null when neither exists. */
function findSf() {
  const onPath = spawnSync('sf', ['--version'], { encoding: 'utf8', env: ENV });
  if (!onPath.error && onPath.status === 0) return ['sf'];
  const local = spawnSync('npx', ['--no-install', 'sf', '--version'], { encoding: 'utf8', env: ENV, cwd: root });
  if (!local.error && local.status === 0) return ['npx', '--no-install', 'sf'];
  return null;
}

function sf(cmd, args, { json = false } = {}) {
  const r = spawnSync(cmd[0], [...cmd.slice(1), ...args, ...(json ? ['--json'] : [])], {
    cwd: root,
    env: ENV,
    encoding: 'utf8',
    stdio: json ? 'pipe' : 'inherit',
  });
  if (!json) return { status: r.status ?? 1 };
  let out = null;
  try {
    out = JSON.parse(r.stdout || 'null');
  } catch (e) {
    out = { status: 1, message: `${e.message}: ${(r.stdout || r.stderr || '').slice(0, 500)}` };
  }
  return { status: r.status ?? 1, out };
}

export function preflight(task) {
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 22) {
    stop([
      `${task} needs the Salesforce CLI, and the current CLI (2.14x) needs Node 22 or later; this is Node ${process.versions.node}.`,
      "Install Node 22 (nvm install 22 && nvm use 22, or your platform's Node 22 package), then run the command again.",
      'The rest of the project (build, tests, navsync) runs on Node 20, 22 and 24.',
      '',
      ...DEV_HUB_STEPS,
    ]);
  }
  const cmd = findSf();
  if (!cmd) {
    stop([
      `${task} needs the Salesforce CLI, which is not installed (it is not a project dependency: 292 MB).`,
      'Install it:   npm install --global @salesforce/cli',
      '',
      ...DEV_HUB_STEPS,
      'Then run the command again.',
    ]);
  }
  return cmd;
}

/** The Dev Hub the CLI will use, or stop with the steps to authorise one. */
export function devHub(cmd) {
  const r = sf(cmd, ['config', 'get', 'target-dev-hub'], { json: true });
  const hub = r.out && Array.isArray(r.out.result) && r.out.result[0] ? r.out.result[0].value : null;
  if (hub) return hub;
  stop([
    'No Dev Hub is authorised, so no package version or scratch org can be created.',
    ...DEV_HUB_STEPS,
    'Then run the command again.',
  ]);
  return null;
}

const task = process.argv[2];
if (task === 'package:version') {
  const cmd = preflight('npm run package:version');
  devHub(cmd);
  if (!project.packageAliases || !project.packageAliases[pkg.package]) {
    stop([
      `sfdx-project.json has no package id for "${pkg.package}" yet. Create the package once (step 3 above):`,
      `  sf package create --name ${pkg.package} --package-type Managed --path ${pkg.path}`,
    ]);
  }
  // A beta version: installable in scratch orgs and sandboxes; promote it to release it (README: release flow).
  const r = sf(cmd, [
    'package',
    'version',
    'create',
    '--package',
    pkg.package,
    '--installation-key-bypass',
    '--code-coverage',
    '--definition-file',
    pkg.definitionFile,
    '--wait',
    '60',
  ]);
  if (r.status === 0) {
    console.log('\nNext: install the beta in a scratch org, then release it:');
    console.log('  sf package install --package <04t id printed above> --target-org <scratch alias> --wait 20');
    console.log('  sf package version promote --package <04t id>');
    console.log('Install URL for subscribers: https://login.salesforce.com/packaging/installPackage.apexp?p0=<04t id>');
  }
  process.exit(r.status);
} else if (task === 'org:create') {
  const cmd = preflight('npm run org:create');
  devHub(cmd);
  const alias = process.argv[3] || 'navsync';
  for (const args of [
    [
      'org',
      'create',
      'scratch',
      '--definition-file',
      pkg.definitionFile,
      '--alias',
      alias,
      '--set-default',
      '--duration-days',
      '7',
      '--wait',
      '15',
    ],
    ['project', 'deploy', 'start', '--source-dir', pkg.path, '--target-org', alias, '--wait', '30'],
    ['org', 'assign', 'permset', '--name', 'NavSync_Admin', '--target-org', alias],
  ]) {
    const r = sf(cmd, args);
    if (r.status !== 0) process.exit(r.status);
  }
  console.log(`\nScratch org "${alias}" is ready: sf org open --target-org ${alias}`);
} else {
  console.error('usage: node scripts/salesforce/sf.mjs package:version | org:create [alias]');
  process.exit(2);
}
