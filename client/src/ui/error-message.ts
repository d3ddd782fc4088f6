import { ApiError, NetworkError } from '../api/http.js';
import { seconds } from './format.js';

/**
 * A refused request in words a person can act on. The server's own message for what the
 * person can fix (400, 404, 409, 429); a plain apology for what they cannot (5xx).
 */
export function errorMessage(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  if (error.status === 429 && typeof error.retryAfter === 'number') {
    return `${error.message.replace(/\.?$/, '.')} Try again in ${seconds(error.retryAfter)}.`;
  }
  return error.message;
}

/** The 403 the self-service phone API sends when the last phone check is too old. */
export function needsReauthentication(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.body.reauthenticate === true;
}
