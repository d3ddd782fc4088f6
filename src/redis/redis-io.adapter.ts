import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisConnection } from './redis-connection.js';

/**
 * socket.io over Redis pub/sub: an event emitted to a room on any instance reaches the
 * room's sockets on every instance, so a digit typed against instance B lights up in a
 * browser whose socket sits on instance A. Connect it before `listen`.
 */
export class RedisIoAdapter extends IoAdapter {
  private adapter?: ReturnType<typeof createAdapter>;

  constructor(
    app: INestApplicationContext,
    private readonly redis: RedisConnection,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    const subscriber = await this.redis.subscriber();
    this.adapter = createAdapter(this.redis.requireClient(), subscriber, { key: 'callgate' });
  }

  override createIOServer(...args: Parameters<IoAdapter['createIOServer']>) {
    if (!this.adapter) throw new Error('RedisIoAdapter.connect() must run before listen');
    const server = super.createIOServer(...args);
    server.adapter(this.adapter);
    return server;
  }
}
