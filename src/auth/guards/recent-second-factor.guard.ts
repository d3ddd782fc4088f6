import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
} from '@nestjs/common';
import type { Request } from 'express';

/** ASVS 3.7.1: changing how one signs in needs a fresh proof, not just a live session. */
export const RECENT_SECOND_FACTOR_MS = 10 * 60 * 1000;

/** Signed in, with the phone call done within the last 10 minutes. */
@Injectable()
export class RecentSecondFactorGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const at = request.session?.secondFactorAt ?? 0;
    if (Date.now() - at > RECENT_SECOND_FACTOR_MS) {
      throw new ForbiddenException({
        statusCode: 403,
        message: 'For your safety, please sign in again before changing your phone numbers.',
        error: 'Forbidden',
        reauthenticate: true,
      });
    }
    return true;
  }
}
