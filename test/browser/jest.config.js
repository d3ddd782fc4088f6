// Browser end-to-end tests (`npm run test:browser`): the real app in-process on a free port,
// driven through Debian's Chromium by playwright-core. The app serves client/dist, so the
// script builds the client first.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  rootDir: '../..',
  roots: ['<rootDir>/test/browser'],
  testRegex: '\\.browser-spec\\.ts$',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^libphonenumber-js/max$': '<rootDir>/node_modules/libphonenumber-js/max/index.cjs',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/test/browser/tsconfig.json' }],
  },
  testTimeout: 60000,
  // Each file runs its own app and Chromium: two at once is what a 2-core machine bears.
  maxWorkers: 2,
};
