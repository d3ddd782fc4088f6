import { assertValidConfiguration } from './configuration.js';
import { InvalidConfigurationError } from './validate-environment.js';

const VALID_PRODUCTION = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://auth.example.com',
  SESSION_SECRET: 'Zq8v-Lk2Pw9xN4mR7tY1bC6dF3gH5jK0sA',
  TWILIO_ACCOUNT_SID: 'AC0123456789abcdef0123456789abcdef',
  TWILIO_AUTH_TOKEN: 'tok3n-0f-the-tw1lio-acc0unt-wxyz',
  TWILIO_FROM_NUMBER: '+14155550123',
  DATABASE_URL: 'postgres://callgate:db-pa55word@db/callgate',
  REDIS_URL: 'redis://:redis-pa55word@cache:6379',
  ALLOWED_COUNTRIES: 'US,GB',
};

function errorOf(raw: Record<string, string | undefined>): InvalidConfigurationError {
  try {
    assertValidConfiguration(raw);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('assertValidConfiguration', () => {
  it('accepts a complete production configuration', () => {
    expect(() => assertValidConfiguration(VALID_PRODUCTION)).not.toThrow();
  });

  it('reports bad variables of several areas at once, one line each', () => {
    const error = errorOf({
      ...VALID_PRODUCTION,
      CODE_LENGTH: '3',
      RATE_LIMIT_CALLS_PER_HOUR: '0',
      ALLOWED_COUNTRIES: 'USA',
      LOG_LEVEL: 'trace',
      REDIS_URL: 'http://cache',
    });
    expect(error.problems).toHaveLength(5);
    const lines = error.message.split('\n');
    expect(lines).toEqual(error.problems);
    for (const name of [
      'CODE_LENGTH',
      'RATE_LIMIT_CALLS_PER_HOUR',
      'ALLOWED_COUNTRIES',
      'LOG_LEVEL',
      'REDIS_URL',
    ]) {
      expect(lines.filter((line) => line.startsWith(`${name} `))).toHaveLength(1);
    }
  });

  // PUBLIC_BASE_URL is read by the app, session and telephony areas alike.
  it('reports a variable read by several areas only once', () => {
    const error = errorOf({ ...VALID_PRODUCTION, PUBLIC_BASE_URL: 'auth.example.com' });
    expect(error.problems).toEqual([
      'PUBLIC_BASE_URL must be an absolute http(s) URL such as https://auth.example.com (got "auth.example.com")',
    ]);
  });

  it('reports the production rules of session and telephony together', () => {
    const error = errorOf({
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: 'https://auth.example.com',
    });
    expect(error.problems).toHaveLength(2);
    expect(error.problems[0]).toMatch(/^SESSION_SECRET is required when NODE_ENV=production/);
    expect(error.problems[1]).toMatch(/^TELEPHONY_DRIVER is simulated/);
  });

  it('never shows the values of secret variables', () => {
    const secrets = {
      SESSION_SECRET: 'short-s3cret',
      TWILIO_AUTH_TOKEN: 'tw1lio secret token',
      DATABASE_URL: 'mysql://callgate:db-s3cret@db/callgate',
      REDIS_URL: 'memcached://:redis-s3cret@cache',
    };
    const error = errorOf({ ...VALID_PRODUCTION, ...secrets });
    expect(error.problems).toHaveLength(4);
    for (const name of Object.keys(secrets)) {
      expect(error.problems.some((line) => line.startsWith(`${name} `))).toBe(true);
    }
    expect(error.message).not.toMatch(/s3cret/);
    expect(String(error.stack)).not.toMatch(/s3cret/);
  });
});

describe('assertValidConfiguration with a bad app variable', () => {
  it('still reports the production rules of session and telephony', () => {
    const lines = errorOf({ NODE_ENV: 'production', PORT: 'abc' }).problems;
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^PORT /);
    expect(lines[1]).toMatch(/^SESSION_SECRET is required/);
    expect(lines[2]).toMatch(/^TELEPHONY_DRIVER is simulated/);
  });
});
