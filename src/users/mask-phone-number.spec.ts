import { maskPhoneNumber } from './mask-phone-number.js';

/** The digits a masked number still shows, in order. */
const shownDigits = (masked: string) => masked.replace(/[^0-9]/g, '');

describe('maskPhoneNumber', () => {
  it('shows a US number as its country code and last four digits', () => {
    expect(maskPhoneNumber('+12025550147')).toBe('+1 ••• ••• 0147');
  });

  it('keeps only the country code and last group of a UK landline', () => {
    expect(maskPhoneNumber('+442079460958')).toBe('+44 •• •••• 0958');
  });

  it('keeps only the country code and last group of a UK mobile', () => {
    expect(maskPhoneNumber('+447400123456')).toBe('+44 •••• 123456');
  });

  it('keeps only the country code and last pair of a French number', () => {
    expect(maskPhoneNumber('+33612345678')).toBe('+33 • •• •• •• 78');
  });

  it.each(['+12025550147', '+442079460958', '+447400123456', '+33612345678', '+4915123456789'])(
    'never shows the whole of %s',
    (e164) => {
      const masked = maskPhoneNumber(e164);
      expect(masked).not.toContain(e164);
      expect(masked).not.toContain(e164.slice(1));
      expect(shownDigits(masked).length).toBeLessThan(e164.length - 1);
      expect(masked).toContain('•');
    },
  );

  it('masks each hidden group with one dot per digit', () => {
    const masked = maskPhoneNumber('+12025550147');
    expect(masked.split(' ').map((group) => group.length)).toEqual([2, 3, 3, 4]);
  });

  // Not every stored string need be a number the library can parse; masking still applies.
  it('masks an unparseable value by position', () => {
    expect(maskPhoneNumber('+0001234567')).toBe('+•••••• 4567');
  });

  it.each(['+999', '+12', '+12345678'])(
    'shows no digit of a short unparseable value (%s)',
    (value) => {
      expect(maskPhoneNumber(value)).toMatch(/^\+•+$/);
    },
  );
});
