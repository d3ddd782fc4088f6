import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { RedisConnection } from './redis/redis-connection.js';
import { RedisIoAdapter } from './redis/redis-io.adapter.js';

/** Builds the whole application, not yet listening. */
export async function createApp(
  logger?: LoggerService | LogLevel[] | false,
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bodyParser: false,
    abortOnError: false,
    logger,
  });
  const redis = app.get(RedisConnection);
  if (redis.enabled) {
    const adapter = new RedisIoAdapter(app, redis);
    await adapter.connect();
    app.useWebSocketAdapter(adapter);
  }
  configureApp(app);
  return app;
}
