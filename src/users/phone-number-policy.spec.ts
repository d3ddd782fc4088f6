import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import { PhoneNumberPolicy, PhoneNumberRejected } from './phone-number-policy.js';

function policy(allowedCountries: string[] = []): PhoneNumberPolicy {
  return new PhoneNumberPolicy(
    new ConfigService<Configuration, true>({ phonePolicy: { allowedCountries } }),
  );
}

function rejectionOf(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    if (error instanceof PhoneNumberRejected) return error.message;
    throw error;
  }
  throw new Error('expected the number to be refused');
}

describe('PhoneNumberPolicy', () => {
  describe('with every country allowed', () => {
    it.each([
      ['+1 202 555 0147', '+12025550147'],
      ['+1 (202) 555-0147', '+12025550147'],
      ['  +12025550147  ', '+12025550147'],
      ['+44 7400 123456', '+447400123456'],
      ['+33 6 12 34 56 78', '+33612345678'],
    ])('normalises %j to %s', (input, e164) => {
      expect(policy().normalize(input)).toBe(e164);
    });

    it.each(['12025550147', '0044 7911 123456', '(202) 555-0147'])(
      'refuses %j without a leading + and country code',
      (input) => {
        expect(rejectionOf(() => policy().normalize(input))).toBe(
          'must be in international form, starting with + and the country code',
        );
      },
    );

    it.each(['+1 202 CALL NOW', '+1 202 555 O147', '+1-800-FLOWERS'])(
      'refuses letters in %j',
      (input) => {
        expect(rejectionOf(() => policy().normalize(input))).toBe(
          'must be in international form, starting with + and the country code',
        );
      },
    );

    it.each(['+1 202 555', '+1 202 555 01470', '+999 1234 5678'])(
      'refuses the invalid number %j',
      (input) => {
        expect(rejectionOf(() => policy().normalize(input))).toBe('is not a valid phone number');
      },
    );

    it('refuses input too short to be a number at all', () => {
      expect(() => policy().normalize('+1')).toThrow(PhoneNumberRejected);
      expect(() => policy().normalize('')).toThrow(PhoneNumberRejected);
    });

    // Toll-fraud targets: the call would cost money per minute to someone else's benefit.
    it.each([
      ['US premium rate', '+1 900 555 0100'],
      ['UK premium rate', '+44 909 123 4567'],
      ['French shared cost', '+33 810 12 34 56'],
      ['Spanish shared cost', '+34 901 123 456'],
    ])('refuses a %s number', (_, input) => {
      expect(rejectionOf(() => policy().normalize(input))).toBe(
        'is a premium-rate or shared-cost number',
      );
    });

    it('accepts a toll-free number, which costs the caller nothing extra', () => {
      expect(policy().normalize('+1 800 555 0100')).toBe('+18005550100');
    });
  });

  describe('with ALLOWED_COUNTRIES=US,GB', () => {
    const usAndUk = policy(['US', 'GB']);

    it('accepts numbers of the allowed countries', () => {
      expect(usAndUk.normalize('+1 202 555 0147')).toBe('+12025550147');
      expect(usAndUk.normalize('+44 7400 123456')).toBe('+447400123456');
    });

    it.each([
      ['France', '+33 6 12 34 56 78'],
      ['Canada, though it shares +1', '+1 416 555 0123'],
    ])('refuses a number of %s, naming the allowed countries', (_, input) => {
      expect(rejectionOf(() => usAndUk.normalize(input))).toBe(
        'belongs to a country not allowed here (allowed: US, GB)',
      );
    });

    // +44 7911 is a Guernsey range: the numbering plan, not the prefix, decides the country.
    it('refuses a +44 number of Guernsey, which is not GB', () => {
      expect(rejectionOf(() => usAndUk.normalize('+44 7911 123456'))).toBe(
        'belongs to a country not allowed here (allowed: US, GB)',
      );
    });

    it('checks validity before the country', () => {
      expect(rejectionOf(() => usAndUk.normalize('+33 12 34'))).toBe('is not a valid phone number');
    });
  });
});
