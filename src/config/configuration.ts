import { type AppConfig, appConfig, readAppConfig } from './app.config.js';
import { type DatabaseConfig, databaseConfig, readDatabaseConfig } from './database.config.js';
import { type LimitsConfig, limitsConfig, readLimitsConfig } from './limits.config.js';
import {
  type PhonePolicyConfig,
  phonePolicyConfig,
  readPhonePolicyConfig,
} from './phone-policy.config.js';
import { type RedisConfig, readRedisConfig, redisConfig } from './redis.config.js';
import { readSessionConfig, type SessionConfig, sessionConfig } from './session.config.js';
import { readTelephonyConfig, type TelephonyConfig, telephonyConfig } from './telephony.config.js';
import { InvalidConfigurationError, type RawEnvironment } from './validate-environment.js';
import {
  readVerificationConfig,
  type VerificationConfig,
  verificationConfig,
} from './verification.config.js';

/** The typed shape behind `ConfigService<Configuration, true>`. */
export interface Configuration {
  app: AppConfig;
  database: DatabaseConfig;
  session: SessionConfig;
  telephony: TelephonyConfig;
  verification: VerificationConfig;
  limits: LimitsConfig;
  phonePolicy: PhonePolicyConfig;
  redis: RedisConfig;
}

/** Every area, for `ConfigModule.forRoot({ load })`. */
export const configurationAreas = [
  appConfig,
  databaseConfig,
  sessionConfig,
  telephonyConfig,
  verificationConfig,
  limitsConfig,
  phonePolicyConfig,
  redisConfig,
];

const readers = [
  readAppConfig,
  readDatabaseConfig,
  readSessionConfig,
  readTelephonyConfig,
  readVerificationConfig,
  readLimitsConfig,
  readPhonePolicyConfig,
  readRedisConfig,
];

/**
 * Checks every area before anything starts, so an operator sees all bad settings at once,
 * one line each, instead of a stack trace for the first.
 */
export function assertValidConfiguration(raw: RawEnvironment): void {
  const problems = new Set<string>();
  for (const read of readers) {
    try {
      read(raw);
    } catch (error) {
      if (!(error instanceof InvalidConfigurationError)) throw error;
      error.problems.forEach((problem) => problems.add(problem));
    }
  }
  if (problems.size > 0) throw new InvalidConfigurationError([...problems]);
}
