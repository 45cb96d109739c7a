// ESLint config that pcf-scripts runs during `build` (it fails the build on errors, see toolchain.md §5).
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import promise from 'eslint-plugin-promise';
import powerApps from '@microsoft/eslint-plugin-power-apps';
import globals from 'globals';

export default [
  {
    ignores: [
      '**/generated/**',
      'out/**',
      '**/__tests__/**',
      '**/__mocks__/**',
      'jest.config.cjs',
      'eslint.config.mjs',
    ],
  },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  promise.configs['flat/recommended'],
  {
    plugins: { '@microsoft/power-apps': powerApps },
    languageOptions: {
      globals: { ...globals.browser, ComponentFramework: 'readonly' },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: { ...powerApps.configs.paCheckerHosted.rules },
  },
];
