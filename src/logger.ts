import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from './config/app.config.js';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Nest's own logger, as JSON lines in production (one object per line, for a log shipper)
 * and coloured text in development. Log calls pass objects of fields, never secrets.
 */
export function createLogger({ logFormat, logLevel }: AppConfig): ConsoleLogger {
  return new ConsoleLogger({
    json: logFormat === 'json',
    colors: logFormat === 'pretty',
    logLevels: ORDER.slice(0, ORDER.indexOf(logLevel) + 1),
  });
}
