import { randomInt } from 'node:crypto';

/** A code of `length` decimal digits, each drawn uniformly from a CSPRNG. */
export function generateCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += randomInt(0, 10).toString();
  return code;
}
