import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { CliModule } from '../../src/cli/cli.module.js';
import { BrowserSession } from './browser-session.js';
import { CarrierEmulator } from './carrier-emulator.js';
import { createUser, type TestUser } from './factories.js';
import { type Backend, LoadBalancer, type RoutedRequest } from './load-balancer.js';
import { ServerProcess, strongSecret } from './processes.js';
import { createDatabase, PostgresServer, RedisServer } from './services.js';

export type InstanceName = 'A' | 'B';

/** The header a test browser sends so the balancer knows which instance it sticks to. */
export const BACKEND_HEADER = 'x-test-backend';

/** Different zones on purpose: times must agree across instances whatever the process TZ. */
const TIME_ZONES: Record<InstanceName, string> = { A: 'America/New_York', B: 'Asia/Kolkata' };

const WEBHOOK_PATH = /^\/api\/voice\/challenges\/([^/]+)\//;

/**
 * Two Callgate instances (`node dist/main.js`, NODE_ENV=production) on one PostgreSQL
 * database and one Redis, behind a load balancer at PUBLIC_BASE_URL: browsers stick to the
 * instance they name, each challenge's webhooks go where the test sends them, and a dead
 * instance's traffic falls over to the other. Calls go to the Twilio-protocol emulator.
 */
export class Cluster {
  readonly instances = {} as Record<InstanceName, ServerProcess>;
  private readonly backends: Record<InstanceName, Backend> = {
    A: { name: 'A', port: 0 },
    B: { name: 'B', port: 0 },
  };
  private readonly webhookRoutes = new Map<string, InstanceName>();
  private readonly secret = strongSecret();

  private constructor(
    readonly postgres: PostgresServer,
    readonly redis: RedisServer,
    readonly carrier: CarrierEmulator,
    readonly balancer: LoadBalancer,
    readonly databaseUrl: string,
  ) {
    balancer.setRule((request) => this.route(request));
  }

  static async start(): Promise<Cluster> {
    const [postgres, redis, carrier, balancer] = await Promise.all([
      PostgresServer.start(),
      RedisServer.start(),
      CarrierEmulator.start(),
      LoadBalancer.start(() => []),
    ]);
    const databaseUrl = await createDatabase(
      postgres,
      `callgate_${randomBytes(4).toString('hex')}`,
    );
    const cluster = new Cluster(postgres, redis, carrier, balancer, databaseUrl);
    // One at a time: both would otherwise race to apply the migrations to an empty database.
    await cluster.startInstance('A');
    await cluster.startInstance('B');
    return cluster;
  }

  /** PUBLIC_BASE_URL: the balancer, as the carrier and the browsers know it. */
  get publicUrl(): string {
    return this.balancer.url;
  }

  /** A browser whose requests and socket go to `home` (the other when `home` is down). */
  browser(home: InstanceName): BrowserSession {
    return new BrowserSession(this.publicUrl, this.publicUrl, { [BACKEND_HEADER]: home });
  }

  /** Sends every webhook of this challenge to `instance`. */
  routeWebhooks(challengeId: string, instance: InstanceName): void {
    this.webhookRoutes.set(challengeId, instance);
  }

  async startInstance(name: InstanceName): Promise<ServerProcess> {
    const instance = await ServerProcess.start({
      NODE_ENV: 'production',
      TZ: TIME_ZONES[name],
      PUBLIC_BASE_URL: this.publicUrl,
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      SESSION_SECRET: this.secret,
      // Far above what 50 sign-ins from one loopback address need.
      RATE_LIMIT_SIGNIN_PER_IP: '10000',
      RATE_LIMIT_CALLS_PER_HOUR: '1000',
      LOG_LEVEL: 'warn',
      ...this.carrier.env(),
    });
    this.instances[name] = instance;
    this.backends[name].port = instance.port;
    return instance;
  }

  /** Users with a verified phone, written through the app's own services. */
  async createUsers(count: number): Promise<TestUser[]> {
    const saved = { ...process.env };
    Object.assign(process.env, {
      NODE_ENV: 'test',
      DATABASE_URL: this.databaseUrl,
      SESSION_SECRET: this.secret,
    });
    const context = await NestFactory.createApplicationContext(
      CliModule.forCommand({ migrationsRun: false }),
      { logger: ['error'] },
    ).finally(() => (process.env = saved));
    try {
      return await Promise.all(Array.from({ length: count }, () => createUser(context)));
    } finally {
      await context.close();
    }
  }

  async stop(): Promise<void> {
    await Promise.all(Object.values(this.instances).map((instance) => instance.stop()));
    await this.balancer.close();
    await this.carrier.close();
    await Promise.all([this.postgres.stop(), this.redis.stop()]);
  }

  private route(request: RoutedRequest): Backend[] {
    const webhook = WEBHOOK_PATH.exec(request.path);
    const header = request.headers[BACKEND_HEADER];
    const preferred: InstanceName = webhook
      ? (this.webhookRoutes.get(webhook[1]) ?? 'A')
      : header === 'B'
        ? 'B'
        : 'A';
    const other: InstanceName = preferred === 'A' ? 'B' : 'A';
    return [this.backends[preferred], this.backends[other]];
  }
}
