import { freePort } from '../../test/support/free-port.js';
import { RedisConnection } from './redis-connection.js';

describe('RedisConnection', () => {
  it('is absent without REDIS_URL', async () => {
    const connection = await RedisConnection.open(undefined);
    expect(connection.enabled).toBe(false);
    expect(() => connection.requireClient()).toThrow('Redis is not configured (REDIS_URL)');
    await connection.onApplicationShutdown();
  });

  it('refuses to start when Redis cannot be reached, naming the variable but not the URL', async () => {
    const port = await freePort();
    const failure = RedisConnection.open(`redis://:hunter2-secret@127.0.0.1:${port}`, {
      connectTimeoutMs: 300,
    });
    await expect(failure).rejects.toThrow(/^REDIS_URL: could not connect to Redis within 300 ms$/);
    await expect(failure).rejects.not.toThrow(/hunter2/);
  });
});
