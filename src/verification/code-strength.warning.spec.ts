import { codeStrengthAdvice } from './code-strength.warning.js';

describe('codeStrengthAdvice', () => {
  it('warns about codes shorter than six digits in production', () => {
    expect(codeStrengthAdvice(4, true)).toBe(
      'CODE_LENGTH=4 leaves 10000 possible codes; NIST SP 800-63B asks for at least 6 digits in production',
    );
    expect(codeStrengthAdvice(5, true)).toContain('100000 possible codes');
  });

  it('is silent for six digits or more in production', () => {
    expect(codeStrengthAdvice(6, true)).toBeNull();
    expect(codeStrengthAdvice(10, true)).toBeNull();
  });

  it('is silent outside production, where short codes make demos quicker', () => {
    expect(codeStrengthAdvice(4, false)).toBeNull();
  });
});
