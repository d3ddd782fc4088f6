import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEV_SECRET_FILE,
  EXAMPLE_SECRET,
  MIN_SECRET_LENGTH,
  readSessionConfig,
} from './session.config.js';
import { problemsOf } from '../../test/support/configuration-problems.js';

const STRONG_SECRET = 'Zq8v-Lk2Pw9xN4mR7tY1bC6dF3gH5jK0sA';

describe('readSessionConfig', () => {
  it('uses SESSION_SECRET with the fixed cookie name and timeouts', () => {
    expect(readSessionConfig({ SESSION_SECRET: STRONG_SECRET })).toEqual({
      secret: STRONG_SECRET,
      cookieName: 'callgate.sid',
      secureCookie: false,
      idleTimeoutMs: 15 * 60 * 1000,
      absoluteTimeoutMs: 12 * 60 * 60 * 1000,
    });
  });

  it('makes cookies secure exactly when PUBLIC_BASE_URL is https', () => {
    const https = { SESSION_SECRET: STRONG_SECRET, PUBLIC_BASE_URL: 'https://auth.example.com' };
    const http = { SESSION_SECRET: STRONG_SECRET, PUBLIC_BASE_URL: 'http://auth.example.com' };
    expect(readSessionConfig(https).secureCookie).toBe(true);
    expect(readSessionConfig(http).secureCookie).toBe(false);
  });

  it('names the cookie with the __Host- prefix over https only (ASVS 3.4.4)', () => {
    const https = { SESSION_SECRET: STRONG_SECRET, PUBLIC_BASE_URL: 'https://auth.example.com' };
    expect(readSessionConfig(https).cookieName).toBe('__Host-callgate.sid');
    expect(readSessionConfig({ SESSION_SECRET: STRONG_SECRET }).cookieName).toBe('callgate.sid');
  });

  it('leaves app variables to the app area, so its own checks still run', () => {
    // A bad PORT is readAppConfig's to report; it must not hide a session problem.
    expect(readSessionConfig({ SESSION_SECRET: STRONG_SECRET, PORT: 'abc' }).secret).toBe(
      STRONG_SECRET,
    );
    expect(problemsOf(() => readSessionConfig({ NODE_ENV: 'production', PORT: 'abc' }))).toEqual([
      expect.stringMatching(/^SESSION_SECRET is required/),
    ]);
  });

  describe('in production', () => {
    const production = { NODE_ENV: 'production', PUBLIC_BASE_URL: 'https://auth.example.com' };

    it('accepts a long, varied SESSION_SECRET', () => {
      expect(readSessionConfig({ ...production, SESSION_SECRET: STRONG_SECRET }).secret).toBe(
        STRONG_SECRET,
      );
    });

    it.each([
      ['missing', undefined],
      ['empty', ''],
      ['blank', '    '],
    ])('refuses a %s SESSION_SECRET', (_, secret) => {
      const problems = problemsOf(() =>
        readSessionConfig({ ...production, SESSION_SECRET: secret }),
      );
      expect(problems).toEqual([
        `SESSION_SECRET is required when NODE_ENV=production (at least ${MIN_SECRET_LENGTH} random characters)`,
      ]);
    });

    it.each([
      ['one character short', STRONG_SECRET.slice(0, MIN_SECRET_LENGTH - 1)],
      ['the .env.example placeholder', EXAMPLE_SECRET],
      ['long but repetitive', 'abcabcabcabcabcabcabcabcabcabcabcabcabcabc'],
    ])('refuses a SESSION_SECRET that is %s, without echoing it', (_, secret) => {
      const problems = problemsOf(() =>
        readSessionConfig({ ...production, SESSION_SECRET: secret }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^SESSION_SECRET must be at least 32 random characters/);
      expect(problems[0]).not.toContain(secret);
    });

    it('accepts a secret of exactly the minimum length', () => {
      const secret = STRONG_SECRET.slice(0, MIN_SECRET_LENGTH);
      expect(readSessionConfig({ ...production, SESSION_SECRET: secret }).secret).toBe(secret);
    });
  });

  // Outside production a missing secret is generated once into data/session-secret under the
  // working directory; each test runs in a fresh directory so the repository is untouched.
  describe('without SESSION_SECRET outside production', () => {
    const originalCwd = process.cwd();
    let workDir: string;

    beforeEach(() => {
      workDir = mkdtempSync(join(tmpdir(), 'callgate-session-'));
      process.chdir(workDir);
    });

    afterEach(() => {
      process.chdir(originalCwd);
      rmSync(workDir, { recursive: true, force: true });
    });

    it('generates a long secret and keeps it in data/session-secret, readable by the owner only', () => {
      const { secret } = readSessionConfig({});
      expect(secret.length).toBeGreaterThanOrEqual(MIN_SECRET_LENGTH);
      const file = join(workDir, DEV_SECRET_FILE);
      expect(readFileSync(file, 'utf8')).toBe(`${secret}\n`);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });

    it('reuses the kept secret, so sessions survive a restart', () => {
      const first = readSessionConfig({ NODE_ENV: 'development' }).secret;
      expect(readSessionConfig({ NODE_ENV: 'test' }).secret).toBe(first);
    });

    it('reads a secret an operator put in the file, trimmed', () => {
      mkdirSync(join(workDir, 'data'));
      writeFileSync(join(workDir, DEV_SECRET_FILE), `  ${STRONG_SECRET}\n\n`);
      expect(readSessionConfig({}).secret).toBe(STRONG_SECRET);
    });

    it('treats an empty SESSION_SECRET as unset', () => {
      const { secret } = readSessionConfig({ SESSION_SECRET: '' });
      expect(secret).not.toBe('');
      expect(readFileSync(join(workDir, DEV_SECRET_FILE), 'utf8').trim()).toBe(secret);
    });

    it('does not write the file when SESSION_SECRET is set', () => {
      readSessionConfig({ SESSION_SECRET: STRONG_SECRET });
      expect(() => statSync(join(workDir, DEV_SECRET_FILE))).toThrow();
    });
  });
});
