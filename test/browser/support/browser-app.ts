import { startApp, type TestApp } from '../../support/test-app.js';

/** Seconds before "Call me again" may place another call, short enough to wait for. */
export const CALL_RETRY_COOLDOWN_SECONDS = 3;

/**
 * The real app for a browser suite: simulated carrier, fresh SQLite (demo accounts seeded),
 * a short call cooldown, and rate limits no suite reaches (every test signs in from
 * 127.0.0.1).
 */
export function startBrowserApp(env: Record<string, string> = {}): Promise<TestApp> {
  return startApp({
    TELEPHONY_DRIVER: 'simulated',
    CALL_RETRY_COOLDOWN_SECONDS: String(CALL_RETRY_COOLDOWN_SECONDS),
    RATE_LIMIT_SIGNIN_PER_IP: '10000',
    RATE_LIMIT_CALLS_PER_HOUR: '1000',
    ...env,
  });
}
