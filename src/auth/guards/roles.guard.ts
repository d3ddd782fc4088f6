import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { Role } from '../../users/entities/user.entity.js';
import { ROLES_KEY } from '../roles.decorator.js';

/**
 * Fully signed in (both factors) and holding one of the roles named by @Roles: 401 for an
 * anonymous or pending session, 403 for a signed-in user without the role.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.isAuthenticated()) throw new UnauthorizedException('Please sign in');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles && !roles.includes(request.user.role)) {
      throw new ForbiddenException('This needs an administrator');
    }
    return true;
  }
}
