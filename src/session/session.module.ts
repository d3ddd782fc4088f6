import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Store } from 'express-session';
import { DatabaseSessionStore } from './database-session.store.js';
import { SessionRecord } from './session-record.entity.js';
import { SessionMiddleware } from './session-middleware.js';

/**
 * A leaf: where browser sessions live and the middleware that loads them. Imported by the
 * HTTP side (AuthModule) and the socket side (VerificationModule) alike.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SessionRecord])],
  providers: [
    DatabaseSessionStore,
    { provide: Store, useExisting: DatabaseSessionStore },
    SessionMiddleware,
  ],
  exports: [SessionMiddleware, Store],
})
export class SessionModule {}
