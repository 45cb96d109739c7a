// Prettier formats all code (the project's .prettierrc.json: 120 columns, single quotes; Apex is checked with the
// Salesforce checks). Files git ignores (build output, node_modules) are ignored here too.
import { runChecks } from '../lib/results.mjs';
import { bin, run } from '../lib/proc.mjs';

const ok = await runChecks([
  [
    'TypeScript and JavaScript are in prettier form',
    () => {
      const r = run(bin('prettier'), ['--list-different', '**/*.{ts,tsx,mjs,cjs,js}'], { capture: true });
      const files = r.stdout.trim();
      if (r.status !== 0)
        throw new Error(
          `${files || r.stderr.trim()}\n(npx prettier --write <file> formats a file; CI checks them all)`,
        );
    },
  ],
]);
process.exit(ok ? 0 : 1);
