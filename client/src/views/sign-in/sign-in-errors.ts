import { ApiError, NetworkError } from '../../api/http.js';
import { seconds } from '../../ui/format.js';

/** A failed sign-in, in words a person can act on. */
export function signInErrorMessage(error: unknown): string {
  if (error instanceof NetworkError) return error.message;
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  switch (error.status) {
    case 400:
      return 'Enter your username and password.';
    case 401:
      // The server says the same for an unknown user and a wrong password, and so do we.
      return 'That username and password do not match. Check them and try again.';
    case 403:
      // No verified phone: the server's words say what to do.
      return error.message;
    case 423:
      return error.retryAfter
        ? `This account is locked for now. Try again in ${wait(error.retryAfter)}.`
        : 'This account is locked. Please contact an administrator to unlock it.';
    case 429:
      return error.retryAfter
        ? `Too many attempts. Please wait ${wait(error.retryAfter)} and try again.`
        : 'Too many attempts. Please wait a while and try again.';
    default:
      return error.status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : error.message;
  }
}

function wait(totalSeconds: number): string {
  if (totalSeconds < 120) return seconds(totalSeconds);
  return `${Math.ceil(totalSeconds / 60)} minutes`;
}
