// Tests of the Embedded Profile control: view model + React view with @testing-library/react and a typed PCF
// context mock. Types are checked by `tsc --noEmit` in the build step; ts-jest only transpiles here.
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/EmbeddedProfile'],
  testMatch: ['**/__tests__/**/*.test.ts?(x)'],
  transform: {
    '^.+\\.tsx?$': [
      'ts-jest',
      {
        isolatedModules: true,
        tsconfig: { jsx: 'react', module: 'commonjs', target: 'es2019', esModuleInterop: true },
      },
    ],
  },
  // The core from its sources: tests need no prior build of shared-ts.
  moduleNameMapper: { '^@navsync/shared-ts$': '<rootDir>/../../shared-ts/src/domain/index.ts' },
  testTimeout: 20000,
};
