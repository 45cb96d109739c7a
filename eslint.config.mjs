// Flat ESLint config. force-app LWC code (including the generated navsyncCore module) uses the Salesforce
// LWC recommended config; other areas add their own blocks below (PCF lints through pcf-scripts' own config).
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const lwc = require('@salesforce/eslint-config-lwc');
const jest = require('eslint-plugin-jest');

const lwcFiles = ['force-app/**/lwc/**/*.js'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/out/**', '**/generated/**', '.ci-out/**', 'coverage/**'] },
  ...lwc.configs.recommended.map((c) => ({ ...c, files: lwcFiles })),
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.js'],
    plugins: { jest },
    languageOptions: { globals: { ...jest.environments.globals.globals } },
    rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
  },
  // Salesforce LWC tests (issue 3): fixtures are loaded with require() and promises are flushed with setTimeout,
  // as in lwc-recipes; both are fine in jest, never in a deployed component.
  {
    files: ['force-app/**/lwc/**/__tests__/**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'readonly' } },
    rules: { '@lwc/lwc/no-async-operation': 'off' },
  },
];
