/** Domain errors of the users area; controllers and the CLI turn them into responses. */

export class UsernameTakenError extends Error {
  constructor() {
    super('That username is already taken');
    this.name = 'UsernameTakenError';
  }
}

export class InvalidUsernameError extends Error {
  constructor() {
    super('A username is 3 to 64 letters, digits, dots, dashes or underscores');
    this.name = 'InvalidUsernameError';
  }
}

export class WeakPasswordError extends Error {
  constructor(min: number, max: number) {
    super(`A password is ${min} to ${max} characters`);
    this.name = 'WeakPasswordError';
  }
}

export class LastAdminError extends Error {
  constructor() {
    super('This is the last administrator; make someone else an admin first');
    this.name = 'LastAdminError';
  }
}
