import type { RedisClient } from './redis-connection.js';

/** What @nestjs/throttler's `ThrottlerStorage.increment` resolves with (times in seconds). */
export interface ThrottleRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One hit, atomically, as @nestjs/throttler's in-memory storage counts it: a window per key
 * and throttler; past the limit, blocked for the block duration (or, without one, until the
 * window ends); a block's end starts a fresh window. Blocked requests add no hits.
 * KEYS: hits, block. ARGV: window ms, limit, block ms. Returns hits, window ms, block ms.
 */
const INCREMENT = `
local blocked = redis.call('PTTL', KEYS[2])
if blocked > 0 then
  local hits = tonumber(redis.call('GET', KEYS[1]) or '0')
  return { hits, math.max(redis.call('PTTL', KEYS[1]), 0), blocked }
end
local hits = redis.call('INCR', KEYS[1])
local expires = redis.call('PTTL', KEYS[1])
if expires <= 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  expires = tonumber(ARGV[1])
end
if hits <= tonumber(ARGV[2]) then return { hits, expires, 0 } end
if tonumber(ARGV[3]) <= 0 then return { hits, expires, expires } end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
redis.call('DEL', KEYS[1])
return { hits, expires, tonumber(ARGV[3]) }
`;

/**
 * Rate-limit counters in Redis, shared by every instance: the shape of @nestjs/throttler's
 * `ThrottlerStorage` (structurally; this module does not depend on the throttler). Keys are
 * the throttler's own (already hashed) keys under `callgate:throttle:`.
 */
export class RedisThrottlerStorage {
  constructor(private readonly client: RedisClient) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottleRecord> {
    const base = `callgate:throttle:${throttlerName}:${key}`;
    const [totalHits, expiresMs, blockedMs] = (await this.client.eval(INCREMENT, {
      keys: [`${base}:hits`, `${base}:blocked`],
      arguments: [String(ttl), String(limit), String(Math.max(blockDuration, 0))],
    })) as [number, number, number];
    const isBlocked = blockedMs > 0;
    return {
      totalHits,
      timeToExpire: Math.ceil(expiresMs / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockedMs / 1000) : 0,
    };
  }
}
