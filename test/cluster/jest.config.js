// The cluster suite (`npm run test:cluster`): PostgreSQL, Redis and two Callgate instances
// behind a load balancer. Separate from `npm test`, whose config ignores test/cluster/.
// Not UTC, on purpose: times must come out right whatever the process's zone. Set before
// Jest starts its workers (which inherit it); each instance gets a zone of its own too.
import { esmPreset, withTsJest } from '../support/jest/esm-preset.js';

process.env.TZ = 'America/New_York';

/** @type {import('jest').Config} */
export default {
  ...esmPreset,
  rootDir: '../..',
  roots: ['<rootDir>/test/cluster'],
  testRegex: '\\.cluster-spec\\.ts$',
  transform: withTsJest('<rootDir>/tsconfig.json'),
  testTimeout: 120000,
  // Each file runs its own servers: one file at a time on a 2-core machine.
  maxWorkers: 1,
};
