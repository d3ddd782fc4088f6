import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { AuditModule } from '../audit/audit.module.js';
import { RateLimitModule } from '../rate-limit/rate-limit.module.js';
import { SessionModule } from '../session/session.module.js';
import { UsersModule } from '../users/users.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LocalStrategy } from './local.strategy.js';
import { MeController } from './me.controller.js';
import './passport-user.js';
import { SessionSerializer } from './session.serializer.js';
import { SignInLockout } from './sign-in-lockout.service.js';
import { SignInService } from './sign-in.service.js';

/** Passport-local first factor, the session's journey to signed-in, and its guards. */
@Module({
  imports: [
    PassportModule.register({ session: true }),
    UsersModule,
    VerificationModule,
    AuditModule,
    SessionModule,
    RateLimitModule,
  ],
  controllers: [AuthController, MeController],
  providers: [AuthService, LocalStrategy, SessionSerializer, SignInService, SignInLockout],
})
export class AuthModule {}
