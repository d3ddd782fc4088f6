import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import { RedisConnection } from './redis-connection.js';

/**
 * A leaf: the instance's Redis connection (or its absence without `REDIS_URL`), for the
 * session store, the socket.io adapter, health and rate-limit storage alike.
 */
@Module({
  providers: [
    {
      provide: RedisConnection,
      inject: [ConfigService],
      // Resolved while the app is built, so the socket adapter has it before `listen`.
      useFactory: (config: ConfigService<Configuration, true>) =>
        RedisConnection.open(config.get('redis', { infer: true }).url),
    },
  ],
  exports: [RedisConnection],
})
export class RedisModule {}
