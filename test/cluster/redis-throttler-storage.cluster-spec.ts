import { RedisConnection } from '../../src/redis/redis-connection.js';
import { RedisThrottlerStorage } from '../../src/redis/redis-throttler-storage.js';
import { RedisServer } from '../support/services.js';
import { sleep } from '../support/wait.js';

describe('RedisThrottlerStorage (rate-limit counters shared by instances)', () => {
  let redis: RedisServer;
  let connections: RedisConnection[];
  let a: RedisThrottlerStorage;
  let b: RedisThrottlerStorage;

  beforeAll(async () => {
    redis = await RedisServer.start();
    // Two connections, as two instances would hold.
    connections = await Promise.all([
      RedisConnection.open(redis.url),
      RedisConnection.open(redis.url),
    ]);
    [a, b] = connections.map((connection) => new RedisThrottlerStorage(connection.requireClient()));
  });

  afterAll(async () => {
    await Promise.all(connections.map((connection) => connection.onApplicationShutdown()));
    await redis?.stop();
  });

  it('counts hits from every instance together and blocks past the limit', async () => {
    const hit = (storage: RedisThrottlerStorage) => storage.increment('k1', 800, 3, 600, 'signin');
    const records = [await hit(a), await hit(b), await hit(a)];
    expect(records.map((record) => [record.totalHits, record.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    expect(records[0].timeToExpire).toBe(1);

    const over = await hit(b);
    expect(over).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 1 });
    expect(await hit(a)).toMatchObject({ isBlocked: true });

    await sleep(700);
    expect(await hit(b)).toMatchObject({ totalHits: 1, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('keeps throttlers and keys apart', async () => {
    await a.increment('k2', 60_000, 1, 60_000, 'signin');
    expect(await b.increment('k2', 60_000, 1, 60_000, 'calls')).toMatchObject({ isBlocked: false });
    expect(await b.increment('k3', 60_000, 1, 60_000, 'signin')).toMatchObject({
      isBlocked: false,
    });
    expect(await b.increment('k2', 60_000, 1, 60_000, 'signin')).toMatchObject({ isBlocked: true });
    const keys = (await redis.command('KEYS', 'callgate:throttle:*')) as string[];
    expect(keys).toContain('callgate:throttle:signin:k2:blocked');
  });

  it('without a block duration, refuses until the window ends', async () => {
    await a.increment('k4', 500, 1, 0, 'signin');
    expect(await b.increment('k4', 500, 1, 0, 'signin')).toMatchObject({
      isBlocked: true,
      timeToBlockExpire: 1,
    });
    await sleep(600);
    expect(await a.increment('k4', 500, 1, 0, 'signin')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });
});
