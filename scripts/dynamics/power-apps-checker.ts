// The Power Apps checker's own rules (@microsoft/eslint-plugin-power-apps, the `paCheckerHosted` set the hosted
// solution checker applies to web resources) over the TypeScript sources of the web resources and the PCF control.
// Sources, not the minified bundles: the DOM rules give false positives on minified code (toolchain.md, turn 2).
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import powerApps from '@microsoft/eslint-plugin-power-apps';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

export const CHECKED_SOURCES = [
  'dynamics-solution/src/webresources/**/*.ts',
  'pcf-controls/EmbeddedProfile/EmbeddedProfile/**/*.{ts,tsx}',
];

export interface CheckerResult {
  files: number;
  rules: number;
  findings: string[];
}

const rules = powerApps.configs.paCheckerHosted.rules as Record<string, 'warn' | 'error'>;

function checker(): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ['**/generated/**', '**/__tests__/**', '**/__mocks__/**'] },
      {
        files: ['**/*.ts', '**/*.tsx'],
        languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { '@microsoft/power-apps': powerApps },
        // Every finding counts, warnings included: the hosted checker reports both.
        rules: Object.fromEntries(Object.keys(rules).map((r) => [r, 'error'])),
      },
    ],
  });
}

function describe(results: ESLint.LintResult[]): string[] {
  return results.flatMap((r) =>
    r.messages.map((m) => `${relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? 'parse'}: ${m.message}`),
  );
}

export async function runPowerAppsChecker(): Promise<CheckerResult> {
  const results = await checker().lintFiles(CHECKED_SOURCES);
  return { files: results.length, rules: Object.keys(rules).length, findings: describe(results) };
}

/** Findings for a piece of web-resource code (shows the check can fail). */
export async function checkSnippet(code: string): Promise<string[]> {
  return describe(
    await checker().lintText(code, { filePath: join(root, 'dynamics-solution/src/webresources/snippet.ts') }),
  );
}
