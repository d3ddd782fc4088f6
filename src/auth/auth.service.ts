import { Injectable, Logger, UnauthorizedException } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { User } from '../users/entities/user.entity.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { UsersService } from '../users/users.service.js';
import { accountLocked, BAD_CREDENTIALS } from './auth-errors.js';
import { SignInLockout } from './sign-in-lockout.service.js';

/**
 * A refused password is answered no sooner than this after it arrived, whichever way it
 * was wrong. Both ways cost one argon2 verification (an unknown name is checked against a
 * dummy hash), but only a known account's failure is then counted in the database; the
 * floor keeps that write (and any other difference) from being timed to tell accounts apart.
 */
export const REFUSAL_FLOOR_MS = 250;

/** The first factor: username and password. */
@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersService,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly lockout: SignInLockout,
  ) {}

  /**
   * The user, or UnauthorizedException (same words whatever was wrong) / 423 when locked.
   * A locked account is refused before its password is looked at: no guess is tested, and
   * none counts.
   */
  async checkPassword(username: string, password: string, ip?: string): Promise<User> {
    const arrivedAt = Date.now();
    try {
      return await this.check(username, password, ip);
    } catch (error) {
      if (error instanceof UnauthorizedException) await waitUntil(arrivedAt + REFUSAL_FLOOR_MS);
      throw error;
    }
  }

  private async check(username: string, password: string, ip?: string): Promise<User> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      await this.hasher.verifyAgainstNobody(password);
      await this.audit.record({
        actor: 'anonymous',
        action: 'sign-in.failed',
        ip,
        detail: { reason: 'unknown-user' },
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    if (this.users.isLocked(user)) {
      await this.audit.record({
        actor: 'anonymous',
        action: 'sign-in.refused',
        subject: user.id,
        ip,
        detail: { reason: 'locked' },
      });
      throw accountLocked(user.lockedUntil);
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      this.logger.log({ msg: 'wrong password', userId: user.id });
      await this.audit.record({
        actor: 'anonymous',
        action: 'sign-in.failed',
        subject: user.id,
        ip,
        detail: { reason: 'wrong-password' },
      });
      await this.lockout.passwordFailed(user.id, ip);
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    return user;
  }
}

function waitUntil(time: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - Date.now())));
}
