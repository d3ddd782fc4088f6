import { type ArgumentsHost, Catch, HttpException, HttpStatus } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Response } from 'express';

/**
 * Adds a `Retry-After` header to any 429 or 423 whose body says how long to wait
 * (`retryAfter`, seconds), then answers as Nest normally would.
 */
@Catch(HttpException)
export class RetryAfterFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): void {
    const status = exception instanceof HttpException ? exception.getStatus() : undefined;
    if (
      exception instanceof HttpException &&
      (status === HttpStatus.TOO_MANY_REQUESTS || status === HttpStatus.LOCKED)
    ) {
      const body = exception.getResponse();
      const retryAfter =
        typeof body === 'object' ? (body as { retryAfter?: unknown }).retryAfter : undefined;
      if (typeof retryAfter === 'number' && host.getType() === 'http') {
        host.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(retryAfter));
      }
    }
    super.catch(exception, host);
  }
}
