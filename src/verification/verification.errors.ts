/** Why a new call cannot be placed for a sign-in; AuthModule maps each to a status code. */

export class ChallengeNotFoundError extends Error {
  constructor() {
    super('No such challenge for this session');
    this.name = 'ChallengeNotFoundError';
  }
}

export class ChallengeAlreadyVerifiedError extends Error {
  constructor() {
    super('The code was already entered correctly');
    this.name = 'ChallengeAlreadyVerifiedError';
  }
}

/** The challenge ended in a way that needs a fresh sign-in (wrong digit, expiry, fraud report). */
export class ChallengeOverError extends Error {
  constructor(readonly reason: string) {
    super('This sign-in has ended; please sign in again');
    this.name = 'ChallengeOverError';
  }
}

export class CallCooldownError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Please wait ${retryAfterSeconds} seconds before asking for another call`);
    this.name = 'CallCooldownError';
  }
}

export class CallLimitReachedError extends Error {
  constructor(readonly limit: number) {
    super(`No more calls for this sign-in (at most ${limit}); please sign in again`);
    this.name = 'CallLimitReachedError';
  }
}

/** The phone a challenge would call is gone or no longer usable. */
export class PhoneUnavailableError extends Error {
  constructor() {
    super('That phone number can no longer be called');
    this.name = 'PhoneUnavailableError';
  }
}
