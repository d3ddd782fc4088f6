import { HttpException, HttpStatus } from '@nestjs/common';

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
