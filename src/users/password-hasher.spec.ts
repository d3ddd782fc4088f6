import argon2 from 'argon2';
import { PASSWORD_HASH_OPTIONS, PasswordHasher } from './password-hasher.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();

  it('hashes with argon2id at m = 19 MiB, t = 2, p = 1', async () => {
    const hash = await hasher.hash('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(await hasher.verify(hash, 'correct horse battery staple')).toBe(true);
    expect(await hasher.verify(hash, 'correct horse battery stapler')).toBe(false);
  });

  // Unknown usernames are checked against this hash so that they take as long as a wrong
  // password: argon2's cost is set by the parameters in the hash, and these are the same.
  it('checks unknown usernames against a hash made exactly like real ones', async () => {
    const nobodys = await hasher.nobodysHash();
    const real = await hasher.hash('any password at all');
    const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');
    expect(parameters(nobodys)).toBe(parameters(real));
    expect(argon2.needsRehash(nobodys, PASSWORD_HASH_OPTIONS)).toBe(false);
    expect(await hasher.nobodysHash()).toBe(nobodys);
  });

  it('never lets anyone in as nobody', async () => {
    for (const password of ['', 'password', 'callgate-timing-equaliser']) {
      expect(await hasher.verifyAgainstNobody(password)).toBe(false);
    }
  });

  it('treats a malformed stored hash as a wrong password, not an error', async () => {
    expect(await hasher.verify('not-a-hash', 'password')).toBe(false);
  });
});
