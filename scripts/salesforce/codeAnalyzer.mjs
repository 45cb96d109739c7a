// Salesforce Code Analyzer v5 as a security reviewer runs it, through its core library (the `sf code-analyzer`
// plug-in cannot be installed offline): the pmd, cpd, eslint, regex, retire-js and sfge engines, the rule selectors
// AppExchange, Security and Recommended, over force-app. Returns the figures and every finding.
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { root } from '../lib/proc.mjs';

const require = createRequire(import.meta.url);
export const SELECTORS = ['AppExchange', 'Security', 'Recommended'];
const ENGINES = [
  '@salesforce/code-analyzer-pmd-engine',
  '@salesforce/code-analyzer-eslint-engine',
  '@salesforce/code-analyzer-regex-engine',
  '@salesforce/code-analyzer-retirejs-engine',
  '@salesforce/code-analyzer-sfge-engine',
];

export async function runCodeAnalyzer(target = join(root, 'force-app')) {
  const { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } = require('@salesforce/code-analyzer-core');
  // The repo's own ESLint config is the LWC lint (31-salesforce-checks); Code Analyzer applies Salesforce's bases.
  // Tests and their fixtures never deploy (.forceignore): what ships is what a reviewer scans.
  const config = CodeAnalyzerConfig.fromObject({
    config_root: root,
    ignores: { files: ['**/__tests__/**'] },
    engines: { eslint: { auto_discover_eslint_config: false } },
  });
  const ca = new CodeAnalyzer(config);
  const logs = [];
  ca.onEvent(EventType.LogEvent, (e) => e.logLevel <= LogLevel.Warn && logs.push(e.message));
  ca.onEvent(
    EventType.EngineLogEvent,
    (e) => e.logLevel <= LogLevel.Warn && logs.push(`${e.engineName}: ${e.message}`),
  );
  for (const m of ENGINES) await ca.addEnginePlugin(require(m).createEnginePlugin());
  const workspace = await ca.createWorkspace([target]);
  const selection = await ca.selectRules(SELECTORS, { workspace });
  const results = await ca.run(selection, { workspace });
  const violations = results.getViolations().map((v) => {
    const loc = v.getCodeLocations()[v.getPrimaryLocationIndex()];
    return {
      engine: v.getRule().getEngineName(),
      rule: v.getRule().getName(),
      severity: v.getRule().getSeverityLevel(),
      file: loc && loc.getFile() ? relative(root, loc.getFile()) : '',
      line: loc ? loc.getStartLine() : 0,
      message: v.getMessage(),
    };
  });
  const bySeverity = {};
  for (const v of violations) bySeverity[v.severity] = (bySeverity[v.severity] || 0) + 1;
  return {
    engines: ca.getEngineNames(),
    rules: selection.getCount(),
    rulesPerEngine: Object.fromEntries(selection.getEngineNames().map((e) => [e, selection.getRulesFor(e).length])),
    violations,
    bySeverity,
    logs,
  };
}
