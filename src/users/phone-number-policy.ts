import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { parsePhoneNumberWithError, type PhoneNumber as ParsedNumber } from 'libphonenumber-js/max';
import type { Configuration } from '../config/configuration.js';

/** Why a number was refused, in words an admin can act on. */
export class PhoneNumberRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PhoneNumberRejected';
  }
}

/** Lines that bill the caller extra or are shared-cost: toll-fraud targets, never called. */
const REFUSED_TYPES = new Set(['PREMIUM_RATE', 'SHARED_COST']);

/** The rules a number must meet before Callgate will ever dial it. */
@Injectable()
export class PhoneNumberPolicy {
  private readonly allowedCountries: string[];

  constructor(config: ConfigService<Configuration, true>) {
    this.allowedCountries = config.get('phonePolicy', { infer: true }).allowedCountries;
  }

  /** Returns the number in E.164, or throws PhoneNumberRejected. */
  normalize(input: string): string {
    const parsed = this.parse(input);
    if (!parsed.isValid()) {
      throw new PhoneNumberRejected('is not a valid phone number');
    }
    const country = parsed.country;
    if (
      this.allowedCountries.length > 0 &&
      (!country || !this.allowedCountries.includes(country))
    ) {
      throw new PhoneNumberRejected(
        `belongs to a country not allowed here (allowed: ${this.allowedCountries.join(', ')})`,
      );
    }
    const type = parsed.getType();
    if (type && REFUSED_TYPES.has(type)) {
      throw new PhoneNumberRejected('is a premium-rate or shared-cost number');
    }
    return parsed.number;
  }

  private parse(input: string): ParsedNumber {
    if (!/^\+[\d\s().-]{7,24}$/.test(input.trim())) {
      throw new PhoneNumberRejected(
        'must be in international form, starting with + and the country code',
      );
    }
    try {
      return parsePhoneNumberWithError(input.trim());
    } catch {
      throw new PhoneNumberRejected('is not a valid phone number');
    }
  }
}
