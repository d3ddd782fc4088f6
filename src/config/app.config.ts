import { registerAs } from '@nestjs/config';
import { IsBoolean, IsIn, IsInt, IsOptional, IsUrl, Max, Min } from 'class-validator';
import { ToBoolean } from './env-transforms.js';
import { type RawEnvironment, validateEnvironment } from './validate-environment.js';

export const NODE_ENVIRONMENTS = ['development', 'production', 'test'] as const;
export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;

class AppEnvironment {
  @IsOptional()
  @IsIn(NODE_ENVIRONMENTS, { message: `must be one of ${NODE_ENVIRONMENTS.join(', ')}` })
  NODE_ENV?: (typeof NODE_ENVIRONMENTS)[number];

  @IsOptional()
  @IsInt({ message: 'must be a whole number from 0 to 65535' })
  @Min(0, { message: 'must be a whole number from 0 to 65535' })
  @Max(65535, { message: 'must be a whole number from 0 to 65535' })
  PORT?: number;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an absolute http(s) URL such as https://auth.example.com' },
  )
  PUBLIC_BASE_URL?: string;

  @IsOptional()
  @ToBoolean()
  @IsBoolean({ message: 'must be true or false' })
  TRUST_PROXY?: boolean;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL?: (typeof LOG_LEVELS)[number];

  @IsOptional()
  @IsIn(LOG_FORMATS, { message: `must be one of ${LOG_FORMATS.join(', ')}` })
  LOG_FORMAT?: (typeof LOG_FORMATS)[number];
}

export interface AppConfig {
  nodeEnv: (typeof NODE_ENVIRONMENTS)[number];
  isProduction: boolean;
  port: number;
  /** Absolute origin (and optional path) the outside world reaches us at, no trailing slash. */
  publicBaseUrl: string;
  /** The origin part of publicBaseUrl: what browsers send in `Origin`. */
  publicOrigin: string;
  trustProxy: boolean;
  logLevel: (typeof LOG_LEVELS)[number];
  logFormat: (typeof LOG_FORMATS)[number];
}

export function readAppConfig(raw: RawEnvironment): AppConfig {
  const env = validateEnvironment(AppEnvironment, raw);
  const nodeEnv = env.NODE_ENV ?? 'development';
  const port = env.PORT ?? 3000;
  const publicBaseUrl = (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, '');
  return {
    nodeEnv,
    isProduction: nodeEnv === 'production',
    port,
    publicBaseUrl,
    publicOrigin: new URL(publicBaseUrl).origin,
    trustProxy: env.TRUST_PROXY ?? false,
    logLevel: env.LOG_LEVEL ?? 'log',
    logFormat: env.LOG_FORMAT ?? (nodeEnv === 'production' ? 'json' : 'pretty'),
  };
}

/**
 * For other areas' production rules. Read leniently so that a malformed app variable is
 * reported once, by readAppConfig, without hiding the other areas' own problems.
 */
export function declaresProduction(raw: RawEnvironment): boolean {
  return raw.NODE_ENV?.trim() === 'production';
}

export function declaresHttps(raw: RawEnvironment): boolean {
  return (raw.PUBLIC_BASE_URL ?? '').trim().toLowerCase().startsWith('https://');
}

export const appConfig = registerAs('app', () => readAppConfig(process.env));
