import { registerAs } from '@nestjs/config';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { type RawEnvironment, validateEnvironment } from './validate-environment.js';

const range = (min: number, max: number) => `must be a whole number from ${min} to ${max}`;

class VerificationEnvironment {
  @IsOptional()
  @IsInt({ message: range(4, 10) })
  @Min(4, { message: range(4, 10) })
  @Max(10, { message: range(4, 10) })
  CODE_LENGTH?: number;

  @IsOptional()
  @IsInt({ message: range(5, 600) })
  @Min(5, { message: range(5, 600) })
  @Max(600, { message: range(5, 600) })
  CHALLENGE_TTL_SECONDS?: number;

  @IsOptional()
  @IsInt({ message: range(0, 600) })
  @Min(0, { message: range(0, 600) })
  @Max(600, { message: range(0, 600) })
  CALL_RETRY_COOLDOWN_SECONDS?: number;

  @IsOptional()
  @IsInt({ message: range(1, 10) })
  @Min(1, { message: range(1, 10) })
  @Max(10, { message: range(1, 10) })
  MAX_CALLS_PER_CHALLENGE?: number;
}

export interface VerificationConfig {
  codeLength: number;
  challengeTtlSeconds: number;
  callRetryCooldownSeconds: number;
  maxCallsPerSignIn: number;
}

export function readVerificationConfig(raw: RawEnvironment): VerificationConfig {
  const env = validateEnvironment(VerificationEnvironment, raw);
  return {
    codeLength: env.CODE_LENGTH ?? 6,
    challengeTtlSeconds: env.CHALLENGE_TTL_SECONDS ?? 300,
    callRetryCooldownSeconds: env.CALL_RETRY_COOLDOWN_SECONDS ?? 30,
    maxCallsPerSignIn: env.MAX_CALLS_PER_CHALLENGE ?? 3,
  };
}

export const verificationConfig = registerAs('verification', () =>
  readVerificationConfig(process.env),
);
