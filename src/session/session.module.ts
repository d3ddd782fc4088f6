import { Module } from '@nestjs/common';
import { getRepositoryToken, TypeOrmModule } from '@nestjs/typeorm';
import { Store } from 'express-session';
import type { Repository } from 'typeorm';
import { RedisConnection } from '../redis/redis-connection.js';
import { RedisModule } from '../redis/redis.module.js';
import { DatabaseSessionStore } from './database-session.store.js';
import { RedisSessionStore } from './redis-session.store.js';
import { SessionRecord } from './session-record.entity.js';
import { SessionMiddleware } from './session-middleware.js';

/**
 * A leaf: where browser sessions live and the middleware that loads them. Imported by the
 * HTTP side (AuthModule) and the socket side (VerificationModule) alike. Sessions live in
 * our database on one instance and in Redis when `REDIS_URL` is set.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SessionRecord]), RedisModule],
  providers: [
    {
      provide: Store,
      inject: [RedisConnection, getRepositoryToken(SessionRecord)],
      useFactory: (redis: RedisConnection, records: Repository<SessionRecord>): Store =>
        redis.client ? new RedisSessionStore(redis.client) : new DatabaseSessionStore(records),
    },
    SessionMiddleware,
  ],
  exports: [SessionMiddleware, Store],
})
export class SessionModule {}
