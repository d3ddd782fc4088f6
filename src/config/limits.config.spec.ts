import { readLimitsConfig } from './limits.config.js';
import { problemsOf } from '../../test/support/configuration-problems.js';

describe('readLimitsConfig', () => {
  it('allows 30 sign-in attempts per IP, 20 per username and 10 calls per hour by default', () => {
    expect(readLimitsConfig({})).toEqual({
      signInAttemptsPerIpPer15Minutes: 30,
      signInAttemptsPerUsernamePer15Minutes: 20,
      callsPerHour: 10,
    });
  });

  it('treats empty values as unset', () => {
    expect(
      readLimitsConfig({
        RATE_LIMIT_SIGNIN_PER_IP: '',
        RATE_LIMIT_SIGNIN_PER_USERNAME: '',
        RATE_LIMIT_CALLS_PER_HOUR: '',
      }),
    ).toEqual(readLimitsConfig({}));
  });

  it('reads every limit', () => {
    expect(
      readLimitsConfig({
        RATE_LIMIT_SIGNIN_PER_IP: '100',
        RATE_LIMIT_SIGNIN_PER_USERNAME: '12',
        RATE_LIMIT_CALLS_PER_HOUR: '3',
      }),
    ).toEqual({
      signInAttemptsPerIpPer15Minutes: 100,
      signInAttemptsPerUsernamePer15Minutes: 12,
      callsPerHour: 3,
    });
  });

  it.each([
    ['RATE_LIMIT_SIGNIN_PER_IP', '1', 1],
    ['RATE_LIMIT_SIGNIN_PER_IP', '10000', 10000],
    ['RATE_LIMIT_SIGNIN_PER_USERNAME', '1', 1],
    ['RATE_LIMIT_SIGNIN_PER_USERNAME', '10000', 10000],
    ['RATE_LIMIT_CALLS_PER_HOUR', '1', 1],
    ['RATE_LIMIT_CALLS_PER_HOUR', '1000', 1000],
  ])('accepts %s=%s at the edge of its range', (name, value, expected) => {
    const config = readLimitsConfig({ [name]: value });
    const read = {
      RATE_LIMIT_SIGNIN_PER_IP: config.signInAttemptsPerIpPer15Minutes,
      RATE_LIMIT_SIGNIN_PER_USERNAME: config.signInAttemptsPerUsernamePer15Minutes,
      RATE_LIMIT_CALLS_PER_HOUR: config.callsPerHour,
    }[name];
    expect(read).toBe(expected);
  });

  it.each([
    ['RATE_LIMIT_SIGNIN_PER_IP', '0', 'from 1 to 10000'],
    ['RATE_LIMIT_SIGNIN_PER_IP', '10001', 'from 1 to 10000'],
    ['RATE_LIMIT_SIGNIN_PER_IP', '2.5', 'from 1 to 10000'],
    ['RATE_LIMIT_SIGNIN_PER_USERNAME', '0', 'from 1 to 10000'],
    ['RATE_LIMIT_SIGNIN_PER_USERNAME', 'many', 'from 1 to 10000'],
    ['RATE_LIMIT_CALLS_PER_HOUR', '0', 'from 1 to 1000'],
    ['RATE_LIMIT_CALLS_PER_HOUR', '1001', 'from 1 to 1000'],
    ['RATE_LIMIT_CALLS_PER_HOUR', 'lots', 'from 1 to 1000'],
  ])('refuses %s=%s, naming the variable and its range', (name, value, range) => {
    expect(problemsOf(() => readLimitsConfig({ [name]: value }))).toEqual([
      `${name} must be a whole number ${range} (got "${value}")`,
    ]);
  });
});
