import { parsePhoneNumberWithError } from 'libphonenumber-js/max';

/**
 * Shows only the country code and the last group, as in `+1 ••• ••• 4567`, so a screen
 * or a log line never carries a whole number.
 */
export function maskPhoneNumber(e164: string): string {
  try {
    const [country, ...groups] = parsePhoneNumberWithError(e164).formatInternational().split(' ');
    if (groups.length >= 2) {
      const last = groups.pop()!;
      return [country, ...groups.map((group) => '•'.repeat(group.length)), last].join(' ');
    }
  } catch {
    // Not a number libphonenumber can format: fall through to masking by position.
  }
  return maskByPosition(e164);
}

/** Keeps at most the last four digits, and only of a value long enough to hide the rest. */
function maskByPosition(value: string): string {
  const digits = value.replace(/\D/g, '');
  const shown = digits.length > 8 ? digits.slice(-4) : '';
  return `+${'•'.repeat(digits.length - shown.length)}${shown ? ` ${shown}` : ''}`;
}
