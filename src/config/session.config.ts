import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { registerAs } from '@nestjs/config';
import { IsOptional, IsString } from 'class-validator';
import { declaresHttps, declaresProduction } from './app.config.js';
import {
  configurationProblem,
  type RawEnvironment,
  validateEnvironment,
} from './validate-environment.js';

class SessionEnvironment {
  @IsOptional()
  @IsString()
  SESSION_SECRET?: string;
}

export interface SessionConfig {
  secret: string;
  cookieName: string;
  /** Secure cookies whenever the public URL is https. */
  secureCookie: boolean;
  /** A session nobody used for this long is over. */
  idleTimeoutMs: number;
  /** A session is over this long after sign-in, however busy. */
  absoluteTimeoutMs: number;
}

/** Where a development machine keeps the secret it generated on first start. */
export const DEV_SECRET_FILE = 'data/session-secret';
export const MIN_SECRET_LENGTH = 32;
/** The session cookie's name over http; over https it carries the `__Host-` prefix. */
export const COOKIE_NAME = 'callgate.sid';
/** The placeholder `.env.example` ships; refused so nobody runs production on it. */
export const EXAMPLE_SECRET = 'replace-me-with-at-least-32-random-characters';

export function readSessionConfig(raw: RawEnvironment): SessionConfig {
  const isProduction = declaresProduction(raw);
  const env = validateEnvironment(SessionEnvironment, raw);
  const secret = env.SESSION_SECRET ?? (isProduction ? undefined : developmentSecret());
  if (secret === undefined) {
    throw configurationProblem(
      `SESSION_SECRET is required when NODE_ENV=production (at least ${MIN_SECRET_LENGTH} random characters)`,
    );
  }
  if (isProduction && !isStrongSecret(secret)) {
    throw configurationProblem(
      `SESSION_SECRET must be at least ${MIN_SECRET_LENGTH} random characters in production, not a placeholder`,
    );
  }
  const secureCookie = declaresHttps(raw);
  return {
    secret,
    // ASVS 3.4.4: over https the `__Host-` prefix makes browsers insist on Secure, Path=/
    // and no Domain, so a sibling subdomain cannot plant or shadow the cookie.
    cookieName: secureCookie ? `__Host-${COOKIE_NAME}` : COOKIE_NAME,
    secureCookie,
    idleTimeoutMs: 15 * 60 * 1000,
    absoluteTimeoutMs: 12 * 60 * 60 * 1000,
  };
}

function isStrongSecret(secret: string): boolean {
  const distinctCharacters = new Set(secret).size;
  return (
    secret.length >= MIN_SECRET_LENGTH && secret !== EXAMPLE_SECRET && distinctCharacters >= 12
  );
}

/** Generated once and kept, so development sessions survive a restart. */
function developmentSecret(): string {
  if (existsSync(DEV_SECRET_FILE)) {
    return readFileSync(DEV_SECRET_FILE, 'utf8').trim();
  }
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(DEV_SECRET_FILE), { recursive: true });
  writeFileSync(DEV_SECRET_FILE, `${secret}\n`, { mode: 0o600 });
  return secret;
}

export const sessionConfig = registerAs('session', () => readSessionConfig(process.env));
