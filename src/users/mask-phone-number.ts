import { parsePhoneNumberWithError } from 'libphonenumber-js/max';

/**
 * Shows only the country code and the last group, as in `+1 ••• ••• 4567`, so a screen
 * or a log line never carries a whole number.
 */
export function maskPhoneNumber(e164: string): string {
  let groups: string[];
  try {
    groups = parsePhoneNumberWithError(e164).formatInternational().split(' ');
  } catch {
    groups = [e164.slice(0, 2), e164.slice(2, -4), e164.slice(-4)];
  }
  if (groups.length < 3) {
    const digits = groups.slice(1).join('');
    groups = [groups[0], digits.slice(0, -4), digits.slice(-4)];
  }
  const [country, ...rest] = groups;
  const last = rest.pop() ?? '';
  return [country, ...rest.map((group) => '•'.repeat(group.length)), last].join(' ');
}
