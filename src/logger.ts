import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { AppConfig } from './config/app.config.js';

const ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Field names masked wherever they appear in a logged object: a second line of defence
 * behind the rule that log calls never pass secrets at all.
 */
export const REDACTED_FIELDS = [
  'password',
  'code',
  'sealedCode',
  'digits',
  'token',
  'authToken',
  'secret',
  'cookie',
  'sessionId',
  'sid',
];

/**
 * Nest's own logger. Production: one JSON object per line, for a log shipper. Development:
 * coloured text, with `{ msg, ...fields }` objects printed as `msg field=value …`.
 */
class CallgateLogger extends ConsoleLogger {
  protected override stringifyMessage(message: unknown, logLevel: LogLevel): string {
    if (!this.options.json && isFields(message)) {
      const { msg, ...fields } = this.redact(message) as Record<string, unknown>;
      const pairs = Object.entries(fields).map(([key, value]) => `${key}=${formatValue(value)}`);
      return super.stringifyMessage([msg, ...pairs].filter(Boolean).join(' '), logLevel);
    }
    return super.stringifyMessage(message, logLevel);
  }
}

export function createLogger({ logFormat, logLevel }: AppConfig): ConsoleLogger {
  return new CallgateLogger({
    json: logFormat === 'json',
    colors: logFormat === 'pretty',
    logLevels: ORDER.slice(0, ORDER.indexOf(logLevel) + 1),
    redact: REDACTED_FIELDS,
  });
}

function isFields(message: unknown): message is Record<string, unknown> {
  return (
    typeof message === 'object' &&
    message !== null &&
    !Array.isArray(message) &&
    !(message instanceof Error)
  );
}

function formatValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
