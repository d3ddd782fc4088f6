import { registerAs } from '@nestjs/config';
import { IsISO31661Alpha2, IsOptional } from 'class-validator';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { ToUpperCaseList } from './env-transforms.js';
import {
  configurationProblem,
  type RawEnvironment,
  validateEnvironment,
} from './validate-environment.js';

class PhonePolicyEnvironment {
  @IsOptional()
  @ToUpperCaseList()
  @IsISO31661Alpha2({
    each: true,
    message: 'must be a comma-separated list of two-letter ISO country codes, like US,GB,DE',
  })
  ALLOWED_COUNTRIES?: string[];
}

export interface PhonePolicyConfig {
  /** Empty means every country. */
  allowedCountries: string[];
}

export function readPhonePolicyConfig(raw: RawEnvironment): PhonePolicyConfig {
  const env = validateEnvironment(PhonePolicyEnvironment, raw);
  const allowedCountries = env.ALLOWED_COUNTRIES ?? [];
  const unknown = allowedCountries.filter((country) => !isSupportedCountry(country));
  if (unknown.length > 0) {
    throw configurationProblem(
      `ALLOWED_COUNTRIES names countries without phone numbering rules: ${unknown.join(', ')}`,
    );
  }
  return { allowedCountries };
}

export const phonePolicyConfig = registerAs('phonePolicy', () =>
  readPhonePolicyConfig(process.env),
);
