import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ThrottlerModule, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Configuration } from '../config/configuration.js';
import { SIGN_IN_WINDOW_MS } from '../config/limits.config.js';
import { RedisConnection } from '../redis/redis-connection.js';
import { RedisThrottlerStorage } from '../redis/redis-throttler-storage.js';
import { RedisModule } from '../redis/redis.module.js';
import { CallBudget } from './call-budget.js';
import { SIGN_IN_PER_IP, SIGN_IN_PER_USERNAME } from './rate-limit-names.js';

/**
 * The short-window counters. @nestjs/throttler holds them behind its `ThrottlerStorage`
 * token, which the sign-in guard and CallBudget both use: the library's in-memory store on
 * one instance, Redis (shared by every instance) when `REDIS_URL` is set.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RedisModule],
      inject: [ConfigService, RedisConnection],
      useFactory: (
        config: ConfigService<Configuration, true>,
        redis: RedisConnection,
      ): ThrottlerModuleOptions => {
        const limits = config.get('limits', { infer: true });
        return {
          storage: redis.client ? new RedisThrottlerStorage(redis.client) : undefined,
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
