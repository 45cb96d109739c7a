// Web-resource and solution tests: enable flow against a loopback Web API double, form script with xrm-mock,
// settings page logic. ts-jest transpiles only; `tsc --noEmit -p dynamics-solution` checks types (a test step).
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  // The core's sources, not its dist/: tests do not depend on a prior build (or on another build running).
  moduleNameMapper: { '^@navsync/shared-ts$': '<rootDir>/../shared-ts/src/domain/index.ts' },
  testTimeout: 20000,
};
