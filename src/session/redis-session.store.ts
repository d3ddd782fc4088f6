import type { SessionData } from 'express-session';
import { RedisStore } from 'connect-redis';
import type { RedisClient } from '../redis/redis-connection.js';
import { hashSessionId } from './session-id-hash.js';

// connect-redis's own callback shape.
type Callback = Parameters<RedisStore['get']>[1];

/**
 * Sessions in Redis for several instances (connect-redis), keyed like the database store by
 * a hash of the session id: a dump of Redis holds no usable cookie. Each key expires with
 * its cookie. (`ids()` and `all()` therefore list hashes, not ids; nothing here uses them.)
 */
export class RedisSessionStore extends RedisStore {
  constructor(client: RedisClient) {
    super({ client, prefix: 'callgate:session:' });
  }

  override get(sid: string, callback?: Callback) {
    return super.get(hashSessionId(sid), callback);
  }

  override set(sid: string, session: SessionData, callback?: Callback) {
    return super.set(hashSessionId(sid), session, callback);
  }

  override touch(sid: string, session: SessionData, callback?: Callback) {
    return super.touch(hashSessionId(sid), session, callback);
  }

  override destroy(sid: string, callback?: Callback) {
    return super.destroy(hashSessionId(sid), callback);
  }
}
