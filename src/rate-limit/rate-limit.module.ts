import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Configuration } from '../config/configuration.js';
import { SIGN_IN_WINDOW_MS } from '../config/limits.config.js';
import { CallBudget } from './call-budget.js';
import { SIGN_IN_PER_IP, SIGN_IN_PER_USERNAME } from './rate-limit-names.js';

/**
 * A leaf: the short-window counters. @nestjs/throttler holds them behind its
 * `ThrottlerStorage` token, which the sign-in guard and CallBudget both use; with no
 * `storage` below it is the library's in-memory store (one instance). For several
 * instances, return a shared ThrottlerStorage (e.g. Redis) as `storage` here: nothing
 * else changes.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<Configuration, true>): ThrottlerModuleOptions => {
        const limits = config.get('limits', { infer: true });
        return {
          // Our guard answers 429 with Retry-After itself; no X-RateLimit-* noise.
          setHeaders: false,
          throttlers: [
            {
              name: SIGN_IN_PER_IP,
              ttl: SIGN_IN_WINDOW_MS,
              limit: limits.signInAttemptsPerIpPer15Minutes,
            },
            {
              name: SIGN_IN_PER_USERNAME,
              ttl: SIGN_IN_WINDOW_MS,
              limit: limits.signInAttemptsPerUsernamePer15Minutes,
            },
          ],
        };
      },
    }),
  ],
  providers: [CallBudget],
  exports: [CallBudget],
})
export class RateLimitModule {}
