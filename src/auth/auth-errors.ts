import { HttpException, HttpStatus } from '@nestjs/common';
import { LOCKED_UNTIL_UNLOCKED } from '../users/users.service.js';

/** One message for an unknown user and a wrong password alike, so neither is revealed. */
export const BAD_CREDENTIALS = 'Invalid username or password';

/** 423, with the seconds left when the lock has an end (a fraud lock does not). */
export class AccountLockedException extends HttpException {
  constructor(retryAfterSeconds: number | null) {
    super(
      {
        statusCode: HttpStatus.LOCKED,
        message:
          retryAfterSeconds === null
            ? 'This account is locked. Please contact an administrator.'
            : `This account is locked. Try again in ${retryAfterSeconds} seconds.`,
        error: 'Locked',
        retryAfter: retryAfterSeconds,
      },
      HttpStatus.LOCKED,
    );
  }
}

/** The 423 for an account locked until `lockedUntil` (the far future: until an admin unlocks). */
export function accountLocked(lockedUntil: Date | null, now = Date.now()): AccountLockedException {
  if (!lockedUntil || lockedUntil.getTime() >= LOCKED_UNTIL_UNLOCKED.getTime()) {
    return new AccountLockedException(null);
  }
  return new AccountLockedException(Math.max(1, Math.ceil((lockedUntil.getTime() - now) / 1000)));
}

/** 429 for too many sign-in attempts from one address or on one username. */
export class TooManySignInAttemptsException extends HttpException {
  constructor(retryAfterSeconds: number) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message: `Too many sign-in attempts. Please try again in ${retryAfterSeconds} seconds.`,
        error: 'Too Many Requests',
        retryAfter: retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/** 429, with `retryAfter` seconds (null when waiting will not help). */
export class TooManyCallsException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null,
  ) {
    super(
      {
        statusCode: HttpStatus.TOO_MANY_REQUESTS,
        message,
        error: 'Too Many Requests',
        retryAfter: retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
