// The generated LWC service module must pass the LWC compiler and the LWC ESLint config, or it will not deploy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@lwc/compiler';
import { ESLint } from 'eslint';
import { runChecks } from '../lib/results.mjs';
import { root } from '../lib/proc.mjs';

const dir = join(root, 'force-app', 'main', 'default', 'lwc', 'navsyncCore');
const file = join(dir, 'navsyncCore.js');

const ok = await runChecks([
  [
    'navsyncCore passes @lwc/compiler transformSync',
    () => {
      const src = readFileSync(file, 'utf8');
      transformSync(src, 'navsyncCore.js', { namespace: 'c', name: 'navsyncCore' });
    },
  ],
  [
    'navsyncCore passes the LWC ESLint config with no errors',
    async () => {
      const eslint = new ESLint({ cwd: root });
      const [res] = await eslint.lintFiles([file]);
      const errors = res.messages.filter((m) => m.severity === 2);
      if (errors.length) {
        throw new Error(errors.slice(0, 20).map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`).join('\n'));
      }
    },
  ],
]);
process.exit(ok ? 0 : 1);
