import { isValidUsername, usernameKey } from './username.js';

describe('usernameKey', () => {
  it('lower-cases', () => {
    expect(usernameKey('Alice')).toBe('alice');
  });

  it('folds fullwidth letters to their plain form', () => {
    expect(usernameKey('ＡＬＩＣＥ')).toBe('alice');
  });

  it('folds compatibility characters such as ligatures and superscripts', () => {
    expect(usernameKey('ﬁ²')).toBe('fi2');
  });

  // A precomposed é and e + combining accent look identical; they must be one account.
  it('gives composed and decomposed accents the same key', () => {
    expect(usernameKey('Ren\u00e9')).toBe(usernameKey('Rene\u0301'));
  });

  it('keeps distinct names distinct', () => {
    expect(usernameKey('alice')).not.toBe(usernameKey('alice2'));
  });
});

describe('isValidUsername', () => {
  it.each(['bob', 'alice.smith', 'a_b-c', 'Zoë', 'δοκιμή', '用户名', 'user42', 'x'.repeat(64)])(
    'accepts %j',
    (username) => {
      expect(isValidUsername(username)).toBe(true);
    },
  );

  it('accepts fullwidth letters, judged in their folded form', () => {
    expect(isValidUsername('ＡＬＩＣＥ')).toBe(true);
  });

  it.each([
    ['too short', 'ab'],
    ['too long', 'x'.repeat(65)],
    ['empty', ''],
    ['a space inside', 'alice smith'],
    ['a leading space', ' alice'],
    ['a no-break space', 'alice\u00a0smith'],
    ['an ideographic space', 'alice\u3000smith'],
    ['a newline', 'alice\n'],
    ['a NUL', 'alice\u0000'],
    ['an escape', '\u001b[31malice'],
    ['a zero-width joiner', 'ali\u200dce'],
    ['an @', 'alice@example.com'],
    ['a slash', 'alice/bob'],
    ['an emoji', 'alice😀'],
  ])('refuses a name with %s', (_, username) => {
    expect(isValidUsername(username)).toBe(false);
  });

  it('counts length after folding', () => {
    // Two fullwidth letters fold to two plain ones: still too short.
    expect(isValidUsername('ＡＢ')).toBe(false);
    // One ligature folds to two letters, reaching the minimum.
    expect(isValidUsername('ﬀa')).toBe(true);
  });
});

describe('isValidUsername and the stored key', () => {
  it('refuses a name whose lower-cased key would outgrow its 64-character column', () => {
    // 'İ' lower-cases to 'i' plus a combining dot: 64 of them make a 128-character key.
    expect(isValidUsername('İ'.repeat(64))).toBe(false);
    expect(isValidUsername('İ'.repeat(32))).toBe(true);
  });
});
