import { Transform } from 'class-transformer';

const TRUE_WORDS = new Set(['true', '1', 'yes', 'on']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'off']);

/** Reads "true"/"false"/"1"/"0"/"yes"/"no"; anything else stays a string so @IsBoolean fails. */
export function ToBoolean(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) => {
    const value = String(obj[key]).trim().toLowerCase();
    if (TRUE_WORDS.has(value)) return true;
    if (FALSE_WORDS.has(value)) return false;
    return obj[key];
  });
}

/** Reads a comma-separated list, trimmed and upper-cased, empty items dropped. */
export function ToUpperCaseList(): PropertyDecorator {
  return Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    String(obj[key])
      .split(',')
      .map((item) => item.trim().toUpperCase())
      .filter((item) => item.length > 0),
  );
}
