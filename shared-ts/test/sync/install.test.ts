import { execFileSync, spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

// A production install of the `navsync` command (`npm install --omit=dev`) gets the package as `npm pack` ships it
// plus its declared dependencies and nothing else. The registry is not reachable here, so the install is rebuilt from
// what npm itself resolves for the workspace without dev dependencies (`npm ls --omit=dev`), hard-linked into a
// directory outside the project so that no module can be found through the project's own node_modules.
const root = join(__dirname, '..', '..', '..');
const pkgDir = join(root, 'shared-ts');
const built = existsSync(join(pkgDir, 'dist', 'sync', 'cli.js'));
const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
  dependencies?: Record<string, string>;
};
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? jsFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  );
}

/** `jsforce/lib/x` → `jsforce`, `@scope/name/x` → `@scope/name`. */
const packageOf = (spec: string) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

(built ? describe : describe.skip)('navsync production install (after npm run build)', () => {
  let dir = '';
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  test('every module the compiled core requires is a Node built-in or a declared dependency', () => {
    const builtins = new Set(builtinModules);
    const undeclared = new Set<string>();
    for (const file of jsFiles(join(pkgDir, 'dist'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\brequire\(\s*["']([^"'.][^"']*)["']\s*\)/g)) {
        const name = packageOf(m[1]);
        if (!name.startsWith('node:') && !builtins.has(name) && !manifest.dependencies?.[name]) undeclared.add(name);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  test('the packed package with only its production dependencies runs `navsync --help`', () => {
    dir = mkdtempSync(join(tmpdir(), 'navsync-install-'));
    const tgz = execFileSync(npm, ['pack', '--silent', '--pack-destination', dir], { cwd: pkgDir, encoding: 'utf8' })
      .trim()
      .split('\n')
      .pop() as string;
    const target = join(dir, 'node_modules', '@navsync', 'shared-ts');
    mkdirSync(target, { recursive: true });
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', target, '--strip-components=1']);
    const closure = execFileSync(npm, ['ls', '--omit=dev', '-w', 'shared-ts', '--parseable', '--all'], {
      cwd: root,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((p) => p.includes(`${join(root, 'node_modules')}/`) && !p.endsWith(join('@navsync', 'shared-ts')));
    for (const p of closure) {
      if (statSync(p).isDirectory()) cpSync(p, join(dir, relative(root, p)), { recursive: true, dereference: true });
    }
    const r = spawnSync(process.execPath, [join(target, 'bin', 'navsync.cjs'), '--help'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^usage: navsync /);
    expect(r.status).toBe(0);
  }, 60_000);
});
