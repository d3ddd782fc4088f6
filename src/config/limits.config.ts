import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { type RawEnvironment, validateEnvironment } from './validate-environment.js';

const range = (min: number, max: number) => `must be a whole number from ${min} to ${max}`;

class LimitsEnvironment {
  @IsOptional()
  @IsInt({ message: range(1, 10000) })
  @Min(1, { message: range(1, 10000) })
  @Max(10000, { message: range(1, 10000) })
  RATE_LIMIT_SIGNIN_PER_IP?: number;

  @IsOptional()
  @IsInt({ message: range(1, 10000) })
  @Min(1, { message: range(1, 10000) })
  @Max(10000, { message: range(1, 10000) })
  RATE_LIMIT_SIGNIN_PER_USERNAME?: number;

  @IsOptional()
  @IsInt({ message: range(1, 1000) })
  @Min(1, { message: range(1, 1000) })
  @Max(1000, { message: range(1, 1000) })
  RATE_LIMIT_CALLS_PER_HOUR?: number;
}

/** The window the sign-in limits count over. */
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
/** The window the call limits count over. */
export const CALL_WINDOW_MS = 60 * 60 * 1000;

export interface LimitsConfig {
  signInAttemptsPerIpPer15Minutes: number;
  /** Added to DESIGN §3: attempts on one username, from anywhere, in 15 minutes. */
  signInAttemptsPerUsernamePer15Minutes: number;
  callsPerHour: number;
}

export function readLimitsConfig(raw: RawEnvironment): LimitsConfig {
  const env = validateEnvironment(LimitsEnvironment, raw);
  return {
    signInAttemptsPerIpPer15Minutes: env.RATE_LIMIT_SIGNIN_PER_IP ?? 30,
    // Above the lockout threshold (10), so a user who mistypes meets the lock's clear
    // "try again in N seconds" before this blunter limit.
    signInAttemptsPerUsernamePer15Minutes: env.RATE_LIMIT_SIGNIN_PER_USERNAME ?? 20,
    callsPerHour: env.RATE_LIMIT_CALLS_PER_HOUR ?? 10,
  };
}

export const limitsConfig = registerAs('limits', () => readLimitsConfig(process.env));
