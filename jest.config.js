// Jest runs the ESM build of the app (Nest 12 ships ESM only) through ts-jest;
// `npm test` starts node with --experimental-vm-modules for that.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/cluster/'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Its ESM build imports JSON without an import attribute, which Jest warns about.
    '^libphonenumber-js/max$': '<rootDir>/node_modules/libphonenumber-js/max/index.cjs',
    // A CommonJS library needing Nest's ES modules: see test/support/jest/nest-cjs-transform.js.
    '^@nestjs/throttler$': '<rootDir>/test/support/jest/throttler.ts',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
    '/node_modules/@nestjs/throttler/.+\\.js$': '<rootDir>/test/support/jest/nest-cjs-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/throttler/)'],
  // The attack suite's summary line: `security: N attacks tried, N refused, 0 state changes`.
  reporters: ['default', '<rootDir>/test/security/summary-reporter.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
