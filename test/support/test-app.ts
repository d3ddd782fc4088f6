import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app.factory.js';
import { freePort } from './free-port.js';

/** Every variable the configuration layer reads; a test app sees only what it is given. */
const CONFIG_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'PUBLIC_BASE_URL',
  'DATABASE_URL',
  'SESSION_SECRET',
  'TELEPHONY_DRIVER',
  'TWILIO_ACCOUNT_SID',
  'TWILIO_AUTH_TOKEN',
  'TWILIO_FROM_NUMBER',
  'TWILIO_API_BASE_URL',
  'CODE_LENGTH',
  'CHALLENGE_TTL_SECONDS',
  'CALL_RETRY_COOLDOWN_SECONDS',
  'MAX_CALLS_PER_CHALLENGE',
  'ALLOWED_COUNTRIES',
  'RATE_LIMIT_SIGNIN_PER_IP',
  'RATE_LIMIT_SIGNIN_PER_USERNAME',
  'RATE_LIMIT_CALLS_PER_HOUR',
  'TRUST_PROXY',
  'REDIS_URL',
  'LOG_LEVEL',
  'LOG_FORMAT',
];

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  get<T>(type: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The suites sign in dozens of times from one loopback address, which the production
 * limits would (rightly) stop; they run with these roomy ones unless told otherwise. The
 * limits themselves are proven by test/rate-limits.e2e-spec.ts and test/security/.
 */
const ROOMY_LIMITS: Record<string, string> = {
  RATE_LIMIT_SIGNIN_PER_IP: '10000',
  RATE_LIMIT_SIGNIN_PER_USERNAME: '10000',
  RATE_LIMIT_CALLS_PER_HOUR: '1000',
};

/**
 * Boots the real application in this process on a free port, with a fresh SQLite file and
 * the given environment (the simulated carrier and roomy rate limits unless told
 * otherwise). Set TEST_LOGS=1 to see its logs.
 */
export async function startApp(env: Record<string, string> = {}): Promise<TestApp> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'callgate-test-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  const settings: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: String(port),
    PUBLIC_BASE_URL: baseUrl,
    DATABASE_URL: `sqlite:${join(dir, 'callgate.sqlite')}`,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    TELEPHONY_DRIVER: 'simulated',
    ...ROOMY_LIMITS,
    ...env,
  };
  const saved = { ...process.env };
  for (const name of CONFIG_VARIABLES) delete process.env[name];
  Object.assign(process.env, settings);
  let app: NestExpressApplication;
  try {
    const levels: LogLevel[] = ['error', 'warn', 'log', 'debug'];
    app = await createApp(process.env.TEST_LOGS ? levels : false);
    await app.listen(port, '127.0.0.1');
  } finally {
    // Configuration was read while the app was built; the next test starts clean.
    process.env = saved;
  }
  return {
    app,
    baseUrl,
    get: (type) => app.get(type),
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
