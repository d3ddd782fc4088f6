// Browser end-to-end tests (`npm run test:browser`): the real app in-process on a free port,
// driven through Debian's Chromium by playwright-core. The app serves client/dist, so the
// script builds the client first.
import { esmPreset, withTsJest } from '../support/jest/esm-preset.js';

/** @type {import('jest').Config} */
export default {
  ...esmPreset,
  rootDir: '../..',
  roots: ['<rootDir>/test/browser'],
  testRegex: '\\.browser-spec\\.ts$',
  transform: withTsJest('<rootDir>/test/browser/tsconfig.json'),
  testTimeout: 60000,
  // Each file runs its own app and Chromium: two at once is what a 2-core machine bears.
  maxWorkers: 2,
};
