import { randomBytes } from 'node:crypto';
import { registerAs } from '@nestjs/config';
import { IsIn, IsOptional, IsUrl, Matches } from 'class-validator';
import { declaresProduction } from './app.config.js';
import {
  configurationProblem,
  type RawEnvironment,
  validateEnvironment,
} from './validate-environment.js';

export const TELEPHONY_DRIVERS = ['twilio', 'simulated'] as const;
export type TelephonyDriver = (typeof TELEPHONY_DRIVERS)[number];

class TelephonyEnvironment {
  @IsOptional()
  @IsIn(TELEPHONY_DRIVERS, { message: `must be one of ${TELEPHONY_DRIVERS.join(', ')}` })
  TELEPHONY_DRIVER?: TelephonyDriver;

  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'must be "AC" followed by 32 hexadecimal digits' })
  TWILIO_ACCOUNT_SID?: string;

  @IsOptional()
  @Matches(/^\S{16,}$/, { message: 'must be at least 16 characters without spaces' })
  TWILIO_AUTH_TOKEN?: string;

  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, {
    message: 'must be a phone number in E.164 form, like +14155550123',
  })
  TWILIO_FROM_NUMBER?: string;

  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'must be an absolute http(s) URL' },
  )
  TWILIO_API_BASE_URL?: string;
}

export type TelephonyConfig =
  | {
      driver: 'twilio';
      accountSid: string;
      /** Also the key every webhook signature is checked with. */
      authToken: string;
      fromNumber: string;
      /** Origin to send the SDK's REST calls to instead of Twilio's. */
      apiBaseUrl?: string;
    }
  | {
      driver: 'simulated';
      /** Signs and checks the simulated carrier's webhooks, exactly as Twilio's would be. */
      authToken: string;
      fromNumber: string;
    };

const SIMULATED_CALLER_ID = '+12025550100';

/** Twilio's auth tokens are 32 hexadecimal digits; anything shorter is not one. */
export const MIN_PRODUCTION_TOKEN_LENGTH = 32;

/**
 * The token also keys every webhook signature, so a guessable one lets anyone forge key
 * presses. Refuses short values and placeholders such as 32 x's (a real token, 32 random
 * hexadecimal digits, has far more than 8 distinct characters).
 */
function isRealAuthToken(token: string): boolean {
  return token.length >= MIN_PRODUCTION_TOKEN_LENGTH && new Set(token.toLowerCase()).size >= 8;
}

export function readTelephonyConfig(raw: RawEnvironment): TelephonyConfig {
  const env = validateEnvironment(TelephonyEnvironment, raw);
  const hasTwilioCredentials = Boolean(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN);
  const driver = env.TELEPHONY_DRIVER ?? (hasTwilioCredentials ? 'twilio' : 'simulated');

  if (driver === 'simulated') {
    if (declaresProduction(raw)) {
      throw configurationProblem(
        'TELEPHONY_DRIVER is simulated, which is refused when NODE_ENV=production: set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER',
      );
    }
    return {
      driver,
      authToken: env.TWILIO_AUTH_TOKEN ?? randomBytes(32).toString('hex'),
      fromNumber: env.TWILIO_FROM_NUMBER ?? SIMULATED_CALLER_ID,
    };
  }
  for (const name of ['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER'] as const) {
    if (!env[name]) throw configurationProblem(`${name} is required when TELEPHONY_DRIVER=twilio`);
  }
  if (declaresProduction(raw) && !isRealAuthToken(env.TWILIO_AUTH_TOKEN!)) {
    throw configurationProblem(
      `TWILIO_AUTH_TOKEN must be the account's real auth token in production (at least ${MIN_PRODUCTION_TOKEN_LENGTH} characters, not a placeholder)`,
    );
  }
  return {
    driver,
    accountSid: env.TWILIO_ACCOUNT_SID!,
    authToken: env.TWILIO_AUTH_TOKEN!,
    fromNumber: env.TWILIO_FROM_NUMBER!,
    apiBaseUrl: env.TWILIO_API_BASE_URL?.replace(/\/+$/, ''),
  };
}

export const telephonyConfig = registerAs('telephony', () => readTelephonyConfig(process.env));
