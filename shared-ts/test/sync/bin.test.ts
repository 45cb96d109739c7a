import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The installed `navsync` command is a symlink in node_modules/.bin: it must run the CLI, not load it silently.
const root = join(__dirname, '..', '..', '..');
const bin = join(root, 'node_modules', '.bin', 'navsync');
const built = existsSync(join(root, 'shared-ts', 'dist', 'sync', 'cli.js'));

(built ? describe : describe.skip)('navsync command (after npm run build)', () => {
  test('--help through the node_modules/.bin symlink prints the usage and exits 0', () => {
    const r = spawnSync(bin, ['--help'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: navsync <sync\|validate\|status\|disconnect\|test-writeback>/);
  });

  test('a missing config file is a usage error (exit 2) with a clear message', () => {
    const r = spawnSync(bin, ['status', '--config', 'no-such-navsync.config.json'], { encoding: 'utf8', cwd: root });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('config file not found: no-such-navsync.config.json');
  });
});
