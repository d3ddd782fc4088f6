import { randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { Semaphore } from '../common/semaphore.js';

/**
 * argon2id at OWASP's first recommended setting (m = 19 MiB, t = 2, p = 1): the floor the
 * Password Storage Cheat Sheet gives, chosen so a sign-in stays well under 250 ms.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashes at once: two (one on a single core), half of libuv's four threads. argon2 runs
 * on that pool, which SQLite's queries and fs share: a burst of sign-ins could fill all
 * four, and every key press then waited behind a 40 ms hash for its database write.
 * More hashes at once than cores would not finish a burst any sooner anyway.
 */
const CONCURRENT_HASHES = Math.max(1, Math.min(availableParallelism(), 2));

@Injectable()
export class PasswordHasher {
  private readonly slots = new Semaphore(CONCURRENT_HASHES);

  /** Verified against when the username is unknown, so both cases cost the same time. */
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return this.slots.run(() => argon2.hash(password, PASSWORD_HASH_OPTIONS));
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.slots.run(() => argon2.verify(hash, password));
    } catch {
      return false;
    }
  }

  /**
   * The hash an unknown username's password is checked against: made by `hash`, so with
   * the very parameters (and so the cost) of every real one, of a secret nobody knows.
   */
  nobodysHash(): Promise<string> {
    this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
    return this.dummyHash;
  }

  /** Spends what a real verification would, and always fails. */
  async verifyAgainstNobody(password: string): Promise<false> {
    await this.verify(await this.nobodysHash(), password);
    return false;
  }
}
