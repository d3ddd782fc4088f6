import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../../config/configuration.js';
import { CodeKeys } from './code-keys.js';
import { CodeSealer } from './code-sealer.js';

function sealerWithSecret(secret: string): CodeSealer {
  return new CodeSealer(
    new CodeKeys(new ConfigService<Configuration, true>({ session: { secret } })),
  );
}

const CHALLENGE_ID = '0b6f3c1e-6a55-4d1c-9a0e-2f3b7c9d8e11';
const CODE = '407193';

/** Flips one bit of one byte in a dot-separated part, keeping the text well-formed. */
function flipBit(sealed: string, part: number): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

describe('CodeSealer', () => {
  const sealer = sealerWithSecret('a-session-secret-for-the-code-sealer-spec');

  it('opens what it sealed', () => {
    expect(sealer.open(CHALLENGE_ID, sealer.seal(CHALLENGE_ID, CODE))).toBe(CODE);
  });

  it('does not show the code in the sealed text', () => {
    const sealed = sealer.seal(CHALLENGE_ID, CODE);
    expect(sealed).not.toContain(CODE);
    expect(Buffer.from(sealed.split('.')[1], 'base64url').toString('utf8')).not.toBe(CODE);
  });

  it('seals the same code differently each time', () => {
    const first = sealer.seal(CHALLENGE_ID, CODE);
    const second = sealer.seal(CHALLENGE_ID, CODE);
    expect(first).not.toBe(second);
    expect(first.split('.')[0]).not.toBe(second.split('.')[0]);
    expect(sealer.open(CHALLENGE_ID, second)).toBe(CODE);
  });

  it('refuses to open a seal for another challenge', () => {
    const sealed = sealer.seal(CHALLENGE_ID, CODE);
    expect(sealer.open('c2a7d4f0-1b3e-4e8a-8f6d-5a9b0c1d2e33', sealed)).toBeUndefined();
  });

  it('refuses to open a seal made with another SESSION_SECRET', () => {
    const sealed = sealerWithSecret('some-other-session-secret-of-enough-length').seal(
      CHALLENGE_ID,
      CODE,
    );
    expect(sealer.open(CHALLENGE_ID, sealed)).toBeUndefined();
  });

  it.each([
    ['the IV', 0],
    ['the ciphertext', 1],
    ['the tag', 2],
  ])('refuses a seal with a bit flipped in %s', (_, part) => {
    const sealed = sealer.seal(CHALLENGE_ID, CODE);
    expect(sealer.open(CHALLENGE_ID, flipBit(sealed, part))).toBeUndefined();
  });

  it('refuses a seal whose parts were swapped', () => {
    const [iv, body, tag] = sealer.seal(CHALLENGE_ID, CODE).split('.');
    expect(sealer.open(CHALLENGE_ID, [tag, body, iv].join('.'))).toBeUndefined();
  });

  it.each(['', 'garbage', 'a.b', 'a.b.c', '...', '!!!.@@@.###', CODE])(
    'refuses the garbage %j without throwing',
    (garbage) => {
      expect(sealer.open(CHALLENGE_ID, garbage)).toBeUndefined();
    },
  );
});

describe('CodeSealer with a shortened tag or IV', () => {
  const sealer = sealerWithSecret('k'.repeat(48));

  it.each([4, 8, 12, 15])('refuses a seal whose tag was cut to %i bytes', (bytes) => {
    const [iv, body, tag] = sealer.seal('challenge-1', '123456').split('.');
    const cut = Buffer.from(tag, 'base64url').subarray(0, bytes).toString('base64url');
    expect(sealer.open('challenge-1', [iv, body, cut].join('.'))).toBeUndefined();
  });

  it('refuses a seal with a short IV', () => {
    const [iv, body, tag] = sealer.seal('challenge-1', '123456').split('.');
    const short = Buffer.from(iv, 'base64url').subarray(0, 8).toString('base64url');
    expect(sealer.open('challenge-1', [short, body, tag].join('.'))).toBeUndefined();
  });
});
