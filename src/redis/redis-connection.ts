import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createClient } from 'redis';

export type RedisClient = ReturnType<typeof createClient>;

const CONNECT_TIMEOUT_MS = 10_000;

export interface RedisConnectionOptions {
  /** How long start-up waits for Redis before giving up. */
  connectTimeoutMs?: number;
}

/**
 * The instance's connection to Redis, when `REDIS_URL` is set: one command client shared by
 * the session store, health and rate limits, plus subscriber connections (a subscribed
 * connection can run no other command) for the socket.io adapter. Connected before the app
 * is built, closed last at shutdown, after the HTTP server and sockets.
 */
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  private readonly subscribers: RedisClient[] = [];

  private constructor(
    /** Undefined on a single instance without Redis. */
    readonly client: RedisClient | undefined,
    private readonly connectTimeoutMs: number,
  ) {}

  static async open(
    url: string | undefined,
    { connectTimeoutMs = CONNECT_TIMEOUT_MS }: RedisConnectionOptions = {},
  ): Promise<RedisConnection> {
    if (!url) return new RedisConnection(undefined, connectTimeoutMs);
    const connection = new RedisConnection(createClient({ url }), connectTimeoutMs);
    await connection.connect(connection.client!, 'commands');
    return connection;
  }

  get enabled(): boolean {
    return this.client !== undefined;
  }

  /** The shared client; only for code that runs with Redis configured. */
  requireClient(): RedisClient {
    if (!this.client) throw new Error('Redis is not configured (REDIS_URL)');
    return this.client;
  }

  /** Another connection to the same server, for subscribing; closed with this one. */
  async subscriber(): Promise<RedisClient> {
    const client = this.requireClient().duplicate();
    this.subscribers.push(client);
    await this.connect(client, 'subscriber');
    return client;
  }

  async ping(): Promise<void> {
    const client = this.requireClient();
    // Commands wait in an offline queue while reconnecting: answer "down" at once instead.
    if (!client.isReady) throw new Error('not connected');
    await client.ping();
  }

  async onApplicationShutdown(): Promise<void> {
    const clients = [...this.subscribers, ...(this.client ? [this.client] : [])];
    await Promise.all(
      clients.filter((client) => client.isOpen).map((client) => client.close().catch(() => {})),
    );
  }

  private async connect(client: RedisClient, role: string): Promise<void> {
    // Without a listener an 'error' event would end the process. The client reconnects by
    // itself, retrying often: say so once per outage, not at every retry.
    let healthy = true;
    client.on('error', (error: Error) => {
      if (healthy) this.logger.warn({ msg: 'redis unreachable', role, reason: error.message });
      healthy = false;
    });
    client.on('ready', () => {
      if (!healthy) this.logger.log({ msg: 'redis reconnected', role });
      healthy = true;
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`could not connect to Redis within ${this.connectTimeoutMs} ms`)),
        this.connectTimeoutMs,
      );
    });
    try {
      await Promise.race([client.connect(), timeout]);
    } catch (error) {
      client.destroy();
      throw new Error(`REDIS_URL: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
