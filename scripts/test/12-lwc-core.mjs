// The generated LWC service modules must pass the LWC compiler and the LWC ESLint config, or they will not deploy.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from '@lwc/compiler';
import { ESLint } from 'eslint';
import { runChecks } from '../lib/results.mjs';
import { root } from '../lib/proc.mjs';

const MODULES = ['navsyncCore', 'navsyncRecord'];
const fileOf = (name) => join(root, 'force-app', 'main', 'default', 'lwc', name, `${name}.js`);

const ok = await runChecks(
  MODULES.flatMap((name) => [
    [
      `${name} passes @lwc/compiler transformSync`,
      () => {
        transformSync(readFileSync(fileOf(name), 'utf8'), `${name}.js`, { namespace: 'c', name });
      },
    ],
    [
      `${name} passes the LWC ESLint config with no errors`,
      async () => {
        const eslint = new ESLint({ cwd: root });
        const [res] = await eslint.lintFiles([fileOf(name)]);
        const errors = res.messages.filter((m) => m.severity === 2);
        if (errors.length) {
          throw new Error(
            errors
              .slice(0, 20)
              .map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`)
              .join('\n'),
          );
        }
      },
    ],
  ]),
);
process.exit(ok ? 0 : 1);
