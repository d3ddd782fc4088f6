import { type ExecutionContext, Injectable, ValidationPipe } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { LoginDto } from '../dto/login.dto.js';

const validation = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true });

/**
 * Runs passport-local, after checking the body's shape: guards run before pipes, and a
 * malformed body must be a 400, not passport's "missing credentials" 401.
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    request.body = await validation.transform(request.body, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }
}
