import {
  type ArgumentsHost,
  BadRequestException,
  Catch,
  ConflictException,
  HttpException,
} from '@nestjs/common';
import { TooManyCallsException } from '../auth/auth-errors.js';
import { CallBudgetExceededError } from '../rate-limit/call-budget.js';
import {
  LastVerifiedPhoneNumberError,
  PhoneNumberAlreadyAddedError,
  PhoneNumberAlreadyVerifiedError,
  PhoneNumberNotVerifiedError,
  PhoneNumberTakenError,
  TooManyPhoneNumbersError,
} from '../users/phone-number.errors.js';
import { PhoneNumberRejected } from '../users/phone-number-policy.js';
import {
  InvalidUsernameError,
  LastAdminError,
  UsernameTakenError,
  WeakPasswordError,
} from '../users/users.errors.js';
import { PhoneUnavailableError } from '../verification/verification.errors.js';
import { RetryAfterFilter } from './retry-after.filter.js';

type ErrorClass = new (...args: never[]) => Error;

const BAD_REQUEST: ErrorClass[] = [InvalidUsernameError, WeakPasswordError, PhoneUnavailableError];

const CONFLICT: ErrorClass[] = [
  UsernameTakenError,
  LastAdminError,
  TooManyPhoneNumbersError,
  PhoneNumberAlreadyAddedError,
  PhoneNumberTakenError,
  PhoneNumberNotVerifiedError,
  PhoneNumberAlreadyVerifiedError,
  LastVerifiedPhoneNumberError,
];

/**
 * Turns the rule violations of the users, verification and rate-limit areas into
 * Nest-shaped answers: 400 for bad input, 409 for a clash with the current state, 429 (with
 * Retry-After) past the call budget. Anything else gets Nest's usual handling.
 */
@Catch()
export class DomainErrorFilter extends RetryAfterFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    super.catch(toHttp(exception), host);
  }
}

function toHttp(error: unknown): unknown {
  if (!(error instanceof Error) || error instanceof HttpException) return error;
  if (error instanceof PhoneNumberRejected)
    return new BadRequestException(`number ${error.message}`);
  if (error instanceof CallBudgetExceededError) {
    return new TooManyCallsException(error.message, error.retryAfterSeconds);
  }
  if (BAD_REQUEST.some((type) => error instanceof type))
    return new BadRequestException(error.message);
  if (CONFLICT.some((type) => error instanceof type)) return new ConflictException(error.message);
  return error;
}
