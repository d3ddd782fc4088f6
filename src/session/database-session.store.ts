import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type SessionData, Store } from 'express-session';
import { LessThan, Repository } from 'typeorm';
import { hashSessionId as hashId } from './session-id-hash.js';
import { SessionRecord } from './session-record.entity.js';

type Callback<T = void> = (error?: unknown, value?: T) => void;

const PRUNE_EVERY_MS = 10 * 60 * 1000;
const DEFAULT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * express-session's store in our own database. Rows are keyed by a SHA-256 of the session
 * id, so the table (or a backup of it) holds no id anyone could present as a cookie.
 */
@Injectable()
export class DatabaseSessionStore extends Store implements OnModuleInit, OnModuleDestroy {
  private pruneTimer?: NodeJS.Timeout;

  constructor(
    @InjectRepository(SessionRecord) private readonly records: Repository<SessionRecord>,
  ) {
    super();
  }

  onModuleInit(): void {
    this.pruneTimer = setInterval(() => void this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.pruneTimer);
  }

  override get = (sid: string, callback: Callback<SessionData | null>): void => {
    this.records
      .findOneBy({ idHash: hashId(sid) })
      .then((record) => {
        if (!record || record.expiresAt.getTime() <= Date.now()) return callback(null, null);
        callback(null, JSON.parse(record.data) as SessionData);
      })
      .catch(callback);
  };

  override set = (sid: string, session: SessionData, callback?: Callback): void => {
    this.records
      .upsert(
        { idHash: hashId(sid), expiresAt: expiryOf(session), data: JSON.stringify(session) },
        ['idHash'],
      )
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  };

  override destroy = (sid: string, callback?: Callback): void => {
    this.records
      .delete({ idHash: hashId(sid) })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  };

  override touch = (sid: string, session: SessionData, callback?: Callback): void => {
    this.records
      .update({ idHash: hashId(sid) }, { expiresAt: expiryOf(session) })
      .then(() => callback?.())
      .catch((error: unknown) => callback?.(error));
  };

  private async prune(): Promise<void> {
    await this.records.delete({ expiresAt: LessThan(new Date()) }).catch(() => undefined);
  }
}

function expiryOf(session: SessionData): Date {
  const expires = session.cookie?.expires;
  return expires ? new Date(expires) : new Date(Date.now() + DEFAULT_LIFETIME_MS);
}
