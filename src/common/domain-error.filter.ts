import { type ArgumentsHost, Catch, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';
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

type ErrorClass = new (...args: never[]) => Error;

const STATUS_OF = new Map<ErrorClass, HttpStatus>([
  [PhoneNumberRejected, HttpStatus.BAD_REQUEST],
  [InvalidUsernameError, HttpStatus.BAD_REQUEST],
  [WeakPasswordError, HttpStatus.BAD_REQUEST],
  [UsernameTakenError, HttpStatus.CONFLICT],
  [LastAdminError, HttpStatus.CONFLICT],
  [TooManyPhoneNumbersError, HttpStatus.CONFLICT],
  [PhoneNumberAlreadyAddedError, HttpStatus.CONFLICT],
  [PhoneNumberTakenError, HttpStatus.CONFLICT],
  [PhoneNumberNotVerifiedError, HttpStatus.CONFLICT],
  [PhoneNumberAlreadyVerifiedError, HttpStatus.CONFLICT],
  [LastVerifiedPhoneNumberError, HttpStatus.CONFLICT],
]);

const ERROR_NAMES: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.BAD_REQUEST]: 'Bad Request',
  [HttpStatus.CONFLICT]: 'Conflict',
};

/**
 * Turns the users area's rule violations into Nest-shaped answers (400 for bad input, 409
 * for a clash with the current state); anything else goes to Nest's usual handling.
 */
@Catch()
export class DomainErrorFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const status =
      exception instanceof Error ? STATUS_OF.get(exception.constructor as ErrorClass) : undefined;
    if (!status || host.getType() !== 'http') return super.catch(exception, host);
    const message =
      exception instanceof PhoneNumberRejected
        ? `number ${exception.message}`
        : (exception as Error).message;
    host
      .switchToHttp()
      .getResponse<Response>()
      .status(status)
      .json({ statusCode: status, message, error: ERROR_NAMES[status] });
  }
}
