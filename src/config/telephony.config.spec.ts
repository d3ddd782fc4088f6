import { readTelephonyConfig } from './telephony.config.js';
import { problemsOf } from '../../test/support/configuration-problems.js';

const ACCOUNT_SID = 'AC0123456789abcdef0123456789abcdef';
const AUTH_TOKEN = 'tok3n-0f-the-tw1lio-acc0unt-wxyz';
const FROM_NUMBER = '+14155550123';
const TWILIO = {
  TWILIO_ACCOUNT_SID: ACCOUNT_SID,
  TWILIO_AUTH_TOKEN: AUTH_TOKEN,
  TWILIO_FROM_NUMBER: FROM_NUMBER,
};

describe('readTelephonyConfig', () => {
  describe('the simulated driver', () => {
    it('is the default without Twilio credentials', () => {
      const config = readTelephonyConfig({});
      expect(config.driver).toBe('simulated');
      expect(config.fromNumber).toBe('+12025550100');
    });

    it('signs its webhooks with a fresh random token when none is set', () => {
      const first = readTelephonyConfig({});
      const second = readTelephonyConfig({});
      expect(first.authToken).toMatch(/^[0-9a-f]{64}$/);
      expect(second.authToken).not.toBe(first.authToken);
    });

    it('uses TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER when given', () => {
      expect(
        readTelephonyConfig({
          TELEPHONY_DRIVER: 'simulated',
          TWILIO_AUTH_TOKEN: AUTH_TOKEN,
          TWILIO_FROM_NUMBER: FROM_NUMBER,
        }),
      ).toEqual({ driver: 'simulated', authToken: AUTH_TOKEN, fromNumber: FROM_NUMBER });
    });

    it('stays the default with an account SID but no token', () => {
      expect(readTelephonyConfig({ TWILIO_ACCOUNT_SID: ACCOUNT_SID }).driver).toBe('simulated');
    });

    it('is refused in production, whether chosen or defaulted to', () => {
      for (const raw of [
        { NODE_ENV: 'production' },
        { NODE_ENV: 'production', TELEPHONY_DRIVER: 'simulated' },
      ]) {
        const problems = problemsOf(() => readTelephonyConfig(raw));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(
          /^TELEPHONY_DRIVER is simulated, which is refused when NODE_ENV=production/,
        );
      }
    });

    it('is chosen explicitly even when Twilio credentials are present', () => {
      expect(readTelephonyConfig({ ...TWILIO, TELEPHONY_DRIVER: 'simulated' }).driver).toBe(
        'simulated',
      );
    });
  });

  describe('the twilio driver', () => {
    it('is chosen by default when the account SID and token are set', () => {
      expect(readTelephonyConfig(TWILIO)).toEqual({
        driver: 'twilio',
        accountSid: ACCOUNT_SID,
        authToken: AUTH_TOKEN,
        fromNumber: FROM_NUMBER,
        apiBaseUrl: undefined,
      });
    });

    it('is accepted in production', () => {
      expect(readTelephonyConfig({ ...TWILIO, NODE_ENV: 'production' }).driver).toBe('twilio');
    });

    it.each([
      ['shorter than a real token', AUTH_TOKEN.slice(0, 31)],
      ['a placeholder', 'x'.repeat(32)],
      ['a repeated pattern', 'abab'.repeat(8)],
    ])('refuses in production a TWILIO_AUTH_TOKEN %s, without echoing it', (_, token) => {
      const problems = problemsOf(() =>
        readTelephonyConfig({ ...TWILIO, NODE_ENV: 'production', TWILIO_AUTH_TOKEN: token }),
      );
      expect(problems).toEqual([
        "TWILIO_AUTH_TOKEN must be the account's real auth token in production (at least 32 characters, not a placeholder)",
      ]);
    });

    it('accepts a short but well-formed token outside production (test carriers)', () => {
      const token = AUTH_TOKEN.slice(0, 20);
      expect(readTelephonyConfig({ ...TWILIO, TWILIO_AUTH_TOKEN: token }).authToken).toBe(token);
    });

    it('reads TWILIO_API_BASE_URL without its trailing slash', () => {
      const config = readTelephonyConfig({
        ...TWILIO,
        TWILIO_API_BASE_URL: 'http://localhost:4010/',
      });
      expect(config).toMatchObject({ driver: 'twilio', apiBaseUrl: 'http://localhost:4010' });
    });

    it.each(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER'] as const)(
      'requires %s',
      (name) => {
        const missing = { ...TWILIO, TELEPHONY_DRIVER: 'twilio', [name]: undefined };
        expect(problemsOf(() => readTelephonyConfig(missing))).toEqual([
          `${name} is required when TELEPHONY_DRIVER=twilio`,
        ]);
      },
    );

    it.each(['TWILIO_ACCOUNT_SID', 'TWILIO_AUTH_TOKEN', 'TWILIO_FROM_NUMBER'] as const)(
      'treats an empty %s as unset',
      (name) => {
        const empty = { ...TWILIO, TELEPHONY_DRIVER: 'twilio', [name]: '' };
        expect(problemsOf(() => readTelephonyConfig(empty))).toEqual([
          `${name} is required when TELEPHONY_DRIVER=twilio`,
        ]);
      },
    );

    it('is chosen by the SID and token alone, then asks for TWILIO_FROM_NUMBER', () => {
      const withoutFrom = { ...TWILIO, TWILIO_FROM_NUMBER: undefined };
      expect(problemsOf(() => readTelephonyConfig(withoutFrom))).toEqual([
        'TWILIO_FROM_NUMBER is required when TELEPHONY_DRIVER=twilio',
      ]);
    });
  });

  it.each([
    ['TELEPHONY_DRIVER', 'vonage', 'must be one of twilio, simulated'],
    ['TWILIO_ACCOUNT_SID', 'AC123', 'must be "AC" followed by 32 hexadecimal digits'],
    [
      'TWILIO_ACCOUNT_SID',
      `SK${ACCOUNT_SID.slice(2)}`,
      'must be "AC" followed by 32 hexadecimal digits',
    ],
    ['TWILIO_FROM_NUMBER', '4155550123', 'must be a phone number in E.164 form, like +14155550123'],
    [
      'TWILIO_FROM_NUMBER',
      '+0155550123',
      'must be a phone number in E.164 form, like +14155550123',
    ],
    ['TWILIO_API_BASE_URL', 'localhost:4010', 'must be an absolute http(s) URL'],
  ])('refuses %s=%j, naming the variable and showing the value', (name, value, reason) => {
    expect(problemsOf(() => readTelephonyConfig({ ...TWILIO, [name]: value }))).toEqual([
      `${name} ${reason} (got ${JSON.stringify(value)})`,
    ]);
  });

  it.each(['short-tok3n', 'a token with spaces in it, long enough'])(
    'refuses TWILIO_AUTH_TOKEN=%j without echoing it',
    (token) => {
      const problems = problemsOf(() =>
        readTelephonyConfig({ ...TWILIO, TWILIO_AUTH_TOKEN: token }),
      );
      expect(problems).toEqual(['TWILIO_AUTH_TOKEN must be at least 16 characters without spaces']);
    },
  );
});
