import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request } from 'express';

/** Password accepted, phone call still owed. */
@Injectable()
export class SecondFactorPendingGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.isAuthenticated() || !request.session?.pending || !request.session.binding) {
      throw new UnauthorizedException('No sign-in is waiting for its second factor');
    }
    return true;
  }
}
