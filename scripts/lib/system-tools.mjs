// System packages the checks need (xmllint, Debian Chromium, Java 17 for apex-ls/PMD).
// As root on Debian they are installed; otherwise we stop with a message that says what to install.
import { spawnSync } from 'node:child_process';

const debianPackage = { xmllint: 'libxml2-utils', chromium: 'chromium', java: 'openjdk-17-jre-headless' };

const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

export function ensureSystemTools(tools) {
  const missing = tools.filter((t) => !has(t));
  if (missing.length === 0) return;
  const pkgs = missing.map((t) => debianPackage[t]);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !has('apt-get')) {
    console.error(
      `Missing system tools: ${missing.join(', ')}.\n` +
        `Install them first, e.g. on Debian/Ubuntu: sudo apt-get install -y ${pkgs.join(' ')}`,
    );
    process.exit(3);
  }
  console.log(`Installing ${pkgs.join(', ')} with apt-get (needed for: ${missing.join(', ')})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-q'],
    ['install', '-y', '-q', '--no-install-recommends', ...pkgs],
  ]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.status !== 0) {
      console.error(`apt-get ${args[0]} failed; install ${pkgs.join(' ')} by hand and run again.`);
      process.exit(3);
    }
  }
}
