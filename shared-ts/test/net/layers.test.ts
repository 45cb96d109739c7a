import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// Sources (linkedin/) and sinks (crm/) meet only in the engine; what both need lives in net/, below both.
const src = join(__dirname, '..', '..', 'src');
const ALLOWED: Record<string, string[]> = {
  net: ['net', 'domain'],
  linkedin: ['linkedin', 'net', 'domain'],
  crm: ['crm', 'net', 'domain'],
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative module a file imports, re-exports, requires or loads dynamically. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"](\.[^'"]*)['"]/gm;
  return [...text.matchAll(re)].map((m) => m[1]);
}

describe('layers of shared-ts', () => {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    test(`${layer}/ imports only from ${allowed.join(', ')}`, () => {
      const offending: string[] = [];
      for (const file of files(join(src, layer))) {
        for (const spec of relativeImports(file)) {
          const target = relative(src, resolve(dirname(file), spec)).split(sep)[0];
          if (!allowed.includes(target)) offending.push(`${relative(src, file)} → ${spec}`);
        }
      }
      expect(offending).toEqual([]);
    });
  }
});
