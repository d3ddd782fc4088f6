import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** Thrown when an environment variable is missing or malformed; one line per problem. */
export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'InvalidConfigurationError';
  }
}

/** Variables whose values must never be echoed back, even in an error. */
const SECRET_VARIABLES = new Set([
  'SESSION_SECRET',
  'TWILIO_AUTH_TOKEN',
  'DATABASE_URL',
  'REDIS_URL',
]);

export type RawEnvironment = Record<string, string | undefined>;

/**
 * Validates the variables one configuration area reads. Empty strings count as unset, so a
 * `.env` line like `REDIS_URL=` means "not configured" rather than "malformed".
 */
export function validateEnvironment<T extends object>(schema: new () => T, raw: RawEnvironment): T {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const instance = plainToInstance(schema, present, { enableImplicitConversion: true });
  const errors = validateSync(instance, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    throw new InvalidConfigurationError(errors.map((error) => describe(error, raw)));
  }
  return instance;
}

function describe(error: ValidationError, raw: RawEnvironment): string {
  const messages = Object.values(error.constraints ?? {});
  const reason = messages[messages.length - 1] ?? 'is invalid';
  const shown = SECRET_VARIABLES.has(error.property)
    ? ''
    : ` (got ${JSON.stringify(raw[error.property] ?? '')})`;
  return `${error.property} ${reason}${shown}`;
}

/** For rules that span several variables and so cannot be a single decorator. */
export function configurationProblem(problem: string): InvalidConfigurationError {
  return new InvalidConfigurationError([problem]);
}
