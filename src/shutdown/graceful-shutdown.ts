import type { INestApplication, LoggerService } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { HttpDrain } from './http-drain.js';
import { ShutdownEvent } from './shutdown-events.js';

/** Long enough for any webhook (a database round trip or two), short of a 30 s kill. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * SIGTERM, in order: stop accepting connections; send live sockets elsewhere with a
 * reconnect hint; let requests under way (webhooks) finish; then let the modules close
 * (timers, socket server, database, Redis). Nothing about a challenge lives in this
 * process, so a call in progress carries on through another instance.
 */
export async function shutDownGracefully(
  app: INestApplication,
  drain: HttpDrain,
  logger: LoggerService,
): Promise<void> {
  logger.log({ msg: 'shutting down', requestsInFlight: drain.requestsInFlight }, 'Shutdown');
  drain.stopAccepting();
  await app.get(EventEmitter2).emitAsync(ShutdownEvent.Draining);
  const cutOff = await drain.finish(DRAIN_TIMEOUT_MS);
  if (cutOff > 0) logger.warn({ msg: 'requests cut off at shutdown', count: cutOff }, 'Shutdown');
  await app.close();
  logger.log({ msg: 'shut down' }, 'Shutdown');
}
