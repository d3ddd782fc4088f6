// Jest's stand-in for '@nestjs/throttler' (see nest-cjs-transform.js for why): the very same
// library code, loaded after the Nest modules it needs are in place.
import { createRequire } from 'node:module';
import * as common from '@nestjs/common';
import * as core from '@nestjs/core';

type Throttler = typeof import('@nestjs/throttler');

(globalThis as Record<symbol, unknown>)[Symbol.for('callgate.jest.nest-modules')] = {
  '@nestjs/common': common,
  '@nestjs/core': core,
};
const library = createRequire(import.meta.url)(
  '../../../node_modules/@nestjs/throttler/dist/index.js',
) as Throttler;

export const {
  DEFAULT_IPV6_SUBNET_PREFIX,
  DEFAULT_SWEEP_INTERVAL,
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  SkipThrottle,
  Throttle,
  ThrottlerException,
  ThrottlerGuard,
  ThrottlerModule,
  ThrottlerStorage,
  ThrottlerStorageService,
  days,
  getOptionsToken,
  getStorageToken,
  hours,
  minutes,
  normalizeIp,
  seconds,
  throttlerMessage,
  weeks,
} = library;
