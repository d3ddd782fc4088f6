import { problemsOf } from '../../test/support/configuration-problems.js';
import { readVerificationConfig } from './verification.config.js';

describe('readVerificationConfig', () => {
  it('uses a 6-digit code, a 5-minute challenge, a 30 s cooldown and 3 calls by default', () => {
    expect(readVerificationConfig({})).toEqual({
      codeLength: 6,
      challengeTtlSeconds: 300,
      callRetryCooldownSeconds: 30,
      maxCallsPerSignIn: 3,
    });
  });

  it('treats empty values as unset', () => {
    expect(
      readVerificationConfig({
        CODE_LENGTH: '',
        CHALLENGE_TTL_SECONDS: ' ',
        CALL_RETRY_COOLDOWN_SECONDS: '',
        MAX_CALLS_PER_CHALLENGE: '',
      }),
    ).toEqual(readVerificationConfig({}));
  });

  it('reads every variable', () => {
    expect(
      readVerificationConfig({
        CODE_LENGTH: '8',
        CHALLENGE_TTL_SECONDS: '120',
        CALL_RETRY_COOLDOWN_SECONDS: '0',
        MAX_CALLS_PER_CHALLENGE: '1',
      }),
    ).toEqual({
      codeLength: 8,
      challengeTtlSeconds: 120,
      callRetryCooldownSeconds: 0,
      maxCallsPerSignIn: 1,
    });
  });

  it.each(['4', '10'])('accepts CODE_LENGTH=%s', (value) => {
    expect(readVerificationConfig({ CODE_LENGTH: value }).codeLength).toBe(Number(value));
  });

  it.each(['5', '600'])('accepts CHALLENGE_TTL_SECONDS=%s', (value) => {
    expect(readVerificationConfig({ CHALLENGE_TTL_SECONDS: value }).challengeTtlSeconds).toBe(
      Number(value),
    );
  });

  it.each([
    ['CODE_LENGTH', '3', 'from 4 to 10'],
    ['CODE_LENGTH', '11', 'from 4 to 10'],
    ['CODE_LENGTH', '6.5', 'from 4 to 10'],
    ['CODE_LENGTH', 'six', 'from 4 to 10'],
    ['CHALLENGE_TTL_SECONDS', '4', 'from 5 to 600'],
    ['CHALLENGE_TTL_SECONDS', '601', 'from 5 to 600'],
    ['CALL_RETRY_COOLDOWN_SECONDS', '-1', 'from 0 to 600'],
    ['CALL_RETRY_COOLDOWN_SECONDS', '601', 'from 0 to 600'],
    ['MAX_CALLS_PER_CHALLENGE', '0', 'from 1 to 10'],
    ['MAX_CALLS_PER_CHALLENGE', '11', 'from 1 to 10'],
  ])('refuses %s=%s, naming the variable and its range', (name, value, range) => {
    expect(problemsOf(() => readVerificationConfig({ [name]: value }))).toEqual([
      `${name} must be a whole number ${range} (got "${value}")`,
    ]);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf(() =>
      readVerificationConfig({ CODE_LENGTH: '3', CHALLENGE_TTL_SECONDS: '601' }),
    );
    expect(problems).toHaveLength(2);
    expect(problems).toContain('CODE_LENGTH must be a whole number from 4 to 10 (got "3")');
    expect(problems).toContain(
      'CHALLENGE_TTL_SECONDS must be a whole number from 5 to 600 (got "601")',
    );
  });
});
