import { generateCode } from './generate-code.js';

describe('generateCode', () => {
  it.each([1, 4, 6, 10])('returns exactly %i characters', (length) => {
    expect(generateCode(length)).toHaveLength(length);
  });

  it('returns only decimal digits', () => {
    for (let i = 0; i < 200; i++) expect(generateCode(10)).toMatch(/^[0-9]{10}$/);
  });

  it('returns an empty code for length 0', () => {
    expect(generateCode(0)).toBe('');
  });

  // Expected 2,000 per digit (σ ≈ 42); a band of ±300 never fails by chance yet catches
  // a missing digit, a biased modulo or a constant generator.
  it('draws every digit about equally often', () => {
    const counts = new Array<number>(10).fill(0);
    for (let i = 0; i < 20_000; i++) counts[Number(generateCode(1))]++;
    for (const count of counts) {
      expect(count).toBeGreaterThan(1_700);
      expect(count).toBeLessThan(2_300);
    }
  });

  it('does not repeat itself across calls', () => {
    const codes = new Set(Array.from({ length: 100 }, () => generateCode(10)));
    expect(codes.size).toBeGreaterThan(95);
  });
});
