/** Why a phone-number change was refused; each maps to one clear HTTP answer. */

export class TooManyPhoneNumbersError extends Error {
  constructor(readonly limit: number) {
    super(`A user may have at most ${limit} phone numbers`);
    this.name = 'TooManyPhoneNumbersError';
  }
}

export class PhoneNumberAlreadyAddedError extends Error {
  constructor() {
    super('This user already has that phone number');
    this.name = 'PhoneNumberAlreadyAddedError';
  }
}

export class PhoneNumberTakenError extends Error {
  constructor() {
    super('That phone number is already verified for another user');
    this.name = 'PhoneNumberTakenError';
  }
}

export class PhoneNumberNotVerifiedError extends Error {
  constructor() {
    super('Only a verified phone number can be the primary one');
    this.name = 'PhoneNumberNotVerifiedError';
  }
}

export class PhoneNumberAlreadyVerifiedError extends Error {
  constructor() {
    super('That phone number is already verified');
    this.name = 'PhoneNumberAlreadyVerifiedError';
  }
}

/** Removing it would leave the user no way to complete a sign-in. */
export class LastVerifiedPhoneNumberError extends Error {
  constructor() {
    super(
      'This is the user’s last verified phone number: without it they cannot sign in. Pass force=true to remove it anyway.',
    );
    this.name = 'LastVerifiedPhoneNumberError';
  }
}
