import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CodeKeys } from './code-keys.js';

/** 128 bits of each HMAC are kept: ample against forgery, compact per challenge row. */
const KEPT_BYTES = 16;

/**
 * Keeps a code as one keyed hash per position, bound to its challenge: each digit can be
 * checked as it arrives, yet a copy of the database (without the key) reveals nothing.
 */
@Injectable()
export class DigitHasher {
  constructor(private readonly keys: CodeKeys) {}

  hashCode(challengeId: string, code: string): string {
    return [...code].map((digit, position) => this.hash(challengeId, position, digit)).join('.');
  }

  matches(challengeId: string, digitHashes: string, position: number, digit: string): boolean {
    const stored = digitHashes.split('.')[position];
    if (stored === undefined || !/^[0-9]$/.test(digit)) return false;
    const expected = Buffer.from(this.hash(challengeId, position, digit), 'base64url');
    const actual = Buffer.from(stored, 'base64url');
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  }

  private hash(challengeId: string, position: number, digit: string): string {
    return createHmac('sha256', this.keys.digitHashKey)
      .update(`${challengeId}:${position}:${digit}`)
      .digest()
      .subarray(0, KEPT_BYTES)
      .toString('base64url');
  }
}
