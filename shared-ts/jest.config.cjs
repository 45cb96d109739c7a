// Unit, property and contract tests of the core. Type errors are caught by `tsc -p tsconfig.test.json`
// (a separate test step), so ts-jest only transpiles here, which keeps the run fast.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true, tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testTimeout: 30000,
};
