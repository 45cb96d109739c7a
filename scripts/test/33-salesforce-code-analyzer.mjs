// Salesforce Code Analyzer v5 over the package, as the AppExchange security review runs it (AppExchange, Security and
// Recommended rules of the pmd, cpd, eslint, regex, retire-js and sfge engines): no finding of severity 1-3 in what
// ships, and every file parsed (PMD skips a file it cannot parse, which would hide its findings). Figures printed.
import { runChecks } from '../lib/results.mjs';
import { runCodeAnalyzer, SELECTORS } from '../salesforce/codeAnalyzer.mjs';

let result;
const line = (v) => `sev ${v.severity} ${v.engine}:${v.rule} ${v.file}:${v.line} ${v.message}`;

const ok = await runChecks([
  [
    `Code Analyzer runs ${SELECTORS.join(', ')} with the pmd, cpd, eslint, regex, retire-js and sfge engines`,
    async () => {
      const started = Date.now();
      result = await runCodeAnalyzer();
      const sev = [1, 2, 3, 4, 5].map((s) => `sev${s} ${result.bySeverity[s] || 0}`).join(', ');
      console.log(
        `    ${result.rules} rules (${Object.entries(result.rulesPerEngine)
          .map(([e, n]) => `${e} ${n}`)
          .join(', ')}); findings: ${sev}; ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
      const want = ['pmd', 'cpd', 'eslint', 'regex', 'retire-js', 'sfge'];
      const missing = want.filter((e) => !result.engines.includes(e));
      if (missing.length) throw new Error(`engines not loaded: ${missing.join(', ')}`);
    },
  ],
  [
    'no finding of severity 1-3 (critical, high, moderate)',
    () => {
      const bad = result.violations.filter((v) => v.severity <= 3);
      if (bad.length) throw new Error(bad.map(line).join('\n'));
      for (const v of result.violations) console.log(`    (${line(v)})`);
    },
  ],
  [
    'every file parsed: no engine reported a processing error',
    () => {
      const errors = result.logs.filter((l) => /processing error|parse|Exception|error while/i.test(l));
      if (errors.length) throw new Error(errors.join('\n'));
    },
  ],
]);
process.exit(ok ? 0 : 1);
