// What every Jest config of this project shares: ts-jest in native ESM mode, `.js` import
// suffixes mapped to the TypeScript sources, and two library workarounds.
/** @type {import('jest').Config} */
export const esmPreset = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Its ESM build imports JSON without an import attribute, which Jest warns about.
    '^libphonenumber-js/max$': '<rootDir>/node_modules/libphonenumber-js/max/index.cjs',
    // A CommonJS library needing Nest's ES modules: see test/support/jest/nest-cjs-transform.js.
    '^@nestjs/throttler$': '<rootDir>/test/support/jest/throttler.ts',
  },
  transform: {
    '/node_modules/@nestjs/throttler/.+\\.js$': '<rootDir>/test/support/jest/nest-cjs-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/throttler/)'],
};

/** ts-jest for the TypeScript sources, with the given tsconfig. */
export function withTsJest(tsconfig) {
  return {
    ...esmPreset.transform,
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig }],
  };
}
