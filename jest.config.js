// `npm test`: unit specs beside the code and the end-to-end suites under test/. Jest runs the
// ESM build of the app (Nest 12 ships ESM only); `npm test` starts node with
// --experimental-vm-modules for that.
import { esmPreset, withTsJest } from './test/support/jest/esm-preset.js';

/** @type {import('jest').Config} */
export default {
  ...esmPreset,
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testRegex: '\\.(spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/browser/', '<rootDir>/test/cluster/'],
  transform: withTsJest('<rootDir>/tsconfig.json'),
  // The attack suite's summary line: `security: N attacks tried, N refused, 0 state changes`.
  reporters: ['default', '<rootDir>/test/security/summary-reporter.js'],
  testTimeout: 30000,
  maxWorkers: 2,
};
