import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../../config/configuration.js';
import { CodeKeys } from './code-keys.js';
import { DigitHasher } from './digit-hasher.js';

function hasherWithSecret(secret: string): DigitHasher {
  return new DigitHasher(
    new CodeKeys(new ConfigService<Configuration, true>({ session: { secret } })),
  );
}

const CHALLENGE_ID = '0b6f3c1e-6a55-4d1c-9a0e-2f3b7c9d8e11';
const OTHER_CHALLENGE_ID = 'c2a7d4f0-1b3e-4e8a-8f6d-5a9b0c1d2e33';
const CODE = '407193';
const SECRET = 'a-session-secret-for-the-digit-hasher-spec';

describe('DigitHasher', () => {
  const hasher = hasherWithSecret(SECRET);
  const hashes = hasher.hashCode(CHALLENGE_ID, CODE);

  it('keeps one hash per position', () => {
    expect(hashes.split('.')).toHaveLength(CODE.length);
  });

  it('matches the right digit at every position', () => {
    [...CODE].forEach((digit, position) => {
      expect(hasher.matches(CHALLENGE_ID, hashes, position, digit)).toBe(true);
    });
  });

  it('refuses every other digit at every position', () => {
    [...CODE].forEach((right, position) => {
      for (const digit of '0123456789') {
        if (digit !== right)
          expect(hasher.matches(CHALLENGE_ID, hashes, position, digit)).toBe(false);
      }
    });
  });

  it.each(['#', '*', '', '40', '4 ', ' 4', '٤', 'a'])('refuses the key %j', (key) => {
    expect(hasher.matches(CHALLENGE_ID, hashes, 0, key)).toBe(false);
  });

  it.each([-1, CODE.length, CODE.length + 5, 1.5, Number.NaN])(
    'refuses position %p outside the code',
    (position) => {
      for (const digit of '0123456789') {
        expect(hasher.matches(CHALLENGE_ID, hashes, position, digit)).toBe(false);
      }
    },
  );

  it('binds the hashes to their challenge', () => {
    [...CODE].forEach((digit, position) => {
      expect(hasher.matches(OTHER_CHALLENGE_ID, hashes, position, digit)).toBe(false);
    });
    expect(hasher.hashCode(OTHER_CHALLENGE_ID, CODE)).not.toBe(hashes);
  });

  it('binds the hashes to SESSION_SECRET', () => {
    const otherKey = hasherWithSecret('another-session-secret-of-enough-length-1234');
    [...CODE].forEach((digit, position) => {
      expect(otherKey.matches(CHALLENGE_ID, hashes, position, digit)).toBe(false);
    });
    expect(otherKey.hashCode(CHALLENGE_ID, CODE)).not.toBe(hashes);
  });

  it('is deterministic for the same key, challenge and code', () => {
    expect(hasherWithSecret(SECRET).hashCode(CHALLENGE_ID, CODE)).toBe(hashes);
  });

  // Equal digits at different positions must not produce equal hashes, or the stored
  // string would reveal the code's pattern (e.g. 000000) to anyone reading the database.
  it('stores no trace of the code in clear', () => {
    const zeros = hasher.hashCode(CHALLENGE_ID, '000000');
    const ones = hasher.hashCode(CHALLENGE_ID, '111111');
    expect(zeros).not.toBe(ones);
    expect(zeros).not.toContain('000000');
    expect(ones).not.toContain('111111');
    expect(new Set(zeros.split('.')).size).toBe(6);
    expect(hashes).not.toContain(CODE);
  });
});

describe('DigitHasher with a damaged stored value', () => {
  const hasher = hasherWithSecret(SECRET);

  it('treats a stored hash of the wrong length as a mismatch, not a crash', () => {
    expect(hasher.matches(CHALLENGE_ID, 'abc.def', 0, CODE[0])).toBe(false);
  });
});
