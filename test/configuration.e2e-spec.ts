import { CarrierEmulator } from './support/carrier-emulator.js';
import {
  freshDatabaseUrl,
  runServerExpectingExit,
  ServerProcess,
  strongSecret,
} from './support/processes.js';

const TOKEN = 'a-secret-twilio-token-1234567890';
const base = () => ({
  DATABASE_URL: freshDatabaseUrl(),
  SESSION_SECRET: strongSecret(),
  TELEPHONY_DRIVER: 'simulated',
});

describe('bad configuration stops start-up with one clear line per problem', () => {
  it.each([
    [{ CODE_LENGTH: '3' }, 'CODE_LENGTH must be a whole number from 4 to 10 (got "3")'],
    [{ CODE_LENGTH: 'six' }, 'CODE_LENGTH must be a whole number from 4 to 10 (got "six")'],
    [
      { CHALLENGE_TTL_SECONDS: '900' },
      'CHALLENGE_TTL_SECONDS must be a whole number from 5 to 600 (got "900")',
    ],
    [{ PORT: '70000' }, 'PORT must be a whole number from 0 to 65535 (got "70000")'],
    [{ PUBLIC_BASE_URL: 'example.com' }, 'PUBLIC_BASE_URL must be an absolute http(s) URL'],
    [{ TELEPHONY_DRIVER: 'carrier-pigeon' }, 'TELEPHONY_DRIVER must be one of twilio, simulated'],
    [
      { ALLOWED_COUNTRIES: 'US,XX' },
      'ALLOWED_COUNTRIES must be a comma-separated list of two-letter ISO country codes',
    ],
    [
      { DATABASE_URL: 'mysql://db' },
      'DATABASE_URL must be sqlite:PATH, sqlite::memory: or postgres://',
    ],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY must be true or false (got "maybe")'],
  ])('%j', (bad, expected) => {
    const result = runServerExpectingExit({ ...base(), ...bad });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`callgate: configuration error: ${expected}`);
  });

  it('reports every bad variable at once', () => {
    const result = runServerExpectingExit({
      ...base(),
      CODE_LENGTH: '2',
      MAX_CALLS_PER_CHALLENGE: '0',
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'callgate: configuration error: CODE_LENGTH must be a whole number from 4 to 10 (got "2")',
      'callgate: configuration error: MAX_CALLS_PER_CHALLENGE must be a whole number from 1 to 10 (got "0")',
    ]);
  });

  it('production refuses to run without a strong SESSION_SECRET', () => {
    const twilio = {
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: TOKEN,
      TWILIO_FROM_NUMBER: '+15005550006',
    };
    const missing = runServerExpectingExit({
      NODE_ENV: 'production',
      DATABASE_URL: freshDatabaseUrl(),
      ...twilio,
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('SESSION_SECRET is required when NODE_ENV=production');
    const short = runServerExpectingExit({
      NODE_ENV: 'production',
      DATABASE_URL: freshDatabaseUrl(),
      SESSION_SECRET: 'too-short',
      ...twilio,
    });
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('SESSION_SECRET must be at least 32 random characters');
    expect(short.stderr).not.toContain('too-short');
  });

  it('production refuses the simulated carrier', () => {
    const result = runServerExpectingExit({ ...base(), NODE_ENV: 'production' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'TELEPHONY_DRIVER is simulated, which is refused when NODE_ENV=production',
    );
  });

  it('never echoes a secret in the error', () => {
    const result = runServerExpectingExit({
      ...base(),
      TELEPHONY_DRIVER: 'twilio',
      TWILIO_ACCOUNT_SID: 'not-a-sid',
      TWILIO_AUTH_TOKEN: 'has spaces in it',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'TWILIO_ACCOUNT_SID must be "AC" followed by 32 hexadecimal digits',
    );
    expect(result.stderr).toContain(
      'TWILIO_AUTH_TOKEN must be at least 16 characters without spaces',
    );
    expect(result.stderr).not.toContain('has spaces in it');
  });
});

describe('settings that run but are weak', () => {
  let carrier: CarrierEmulator;

  beforeAll(async () => {
    carrier = await CarrierEmulator.start();
  });

  afterAll(async () => {
    await carrier.close();
  });

  const startInProduction = (extra: Record<string, string>) =>
    ServerProcess.start({
      NODE_ENV: 'production',
      DATABASE_URL: freshDatabaseUrl(),
      SESSION_SECRET: strongSecret(),
      ...carrier.env(),
      ...extra,
    });

  it('production warns once at start-up about codes shorter than six digits', async () => {
    const server = await startInProduction({ CODE_LENGTH: '4' });
    await server.stop();
    const warnings = server.printed.split('\n').filter((line) => line.includes('CODE_LENGTH=4'));
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!)).toMatchObject({
      level: 'warn',
      message: { msg: expect.stringContaining('at least 6 digits in production') },
    });
  }, 30_000);

  it('production says nothing about the default six-digit codes', async () => {
    const server = await startInProduction({});
    await server.stop();
    expect(server.printed).toContain('Callgate is running');
    expect(server.printed).not.toContain('CODE_LENGTH');
  }, 30_000);
});
