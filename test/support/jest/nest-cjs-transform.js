// @nestjs/throttler 6 is CommonJS and require()s @nestjs/common and @nestjs/core, which are
// ES modules from Nest 12 on. Node (20.19+) loads that fine; Jest cannot before Node 24.9
// (jestjs/jest#15275). In Jest only, its two requires of Nest read the ES modules that
// test/support/jest/throttler.ts has already imported, so everything shares one Nest.
// Delete this file, throttler.ts and their two lines in jest.config.js once either the
// library ships ESM or the project's Node runs Jest with require(esm).

const NEST_REQUIRE = /require\("(@nestjs\/(?:common|core))"\)/g;

export default {
  process(source) {
    return {
      code: source.replace(
        NEST_REQUIRE,
        (_, name) =>
          `globalThis[Symbol.for('callgate.jest.nest-modules')][${JSON.stringify(name)}]`,
      ),
    };
  },
};
