import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AuditService } from '../audit/audit.service.js';
import { AccountLockout } from '../users/account-lockout.service.js';
import {
  ChallengeEvent,
  type FailedEvent,
  type VerifiedEvent,
} from '../verification/challenge-events.js';
import type { FailureReason } from '../verification/challenge-states.js';

/**
 * The second-factor outcomes that count as a failed sign-in (docs/SECURITY.md says why):
 * - `wrong-digit`: a wrong code was presented, which is what guessing looks like;
 * - `no-input`, `hung-up`, `expired`: the call reached a phone and the code was not
 *   proven. Someone holding only the password causes exactly these (the owner ignores or
 *   rejects calls they did not ask for), so counting them stops endless calls to the owner.
 * Not counted: `call-failed` (busy, no answer, carrier error: nothing was tried, and a
 * carrier outage must not lock everyone out; the hourly call limits bound it),
 * `superseded` (the user asked for a new call) and `reported-fraud` (it locks outright).
 */
export const FAILED_SECOND_FACTORS: readonly FailureReason[] = [
  'wrong-digit',
  'no-input',
  'hung-up',
  'expired',
];

/**
 * Counts failed first and second factors per account and locks by the lockout policy
 * (AccountLockout); a verified second factor, the end of a successful sign-in, resets it.
 * A correct password alone does not: else password + wrong digit, repeated, never locks.
 */
@Injectable()
export class SignInLockout {
  private readonly logger = new Logger(SignInLockout.name);

  constructor(
    private readonly lockout: AccountLockout,
    private readonly audit: AuditService,
  ) {}

  passwordFailed(userId: string, ip?: string | null): Promise<void> {
    return this.countFailure(userId, 'wrong-password', ip);
  }

  @OnEvent(ChallengeEvent.Failed, { async: true, promisify: true })
  async onSecondFactorFailed({ userId, purpose, payload }: FailedEvent): Promise<void> {
    if (purpose !== 'login' || !FAILED_SECOND_FACTORS.includes(payload.reason)) return;
    await this.countFailure(userId, payload.reason);
  }

  @OnEvent(ChallengeEvent.Verified, { async: true, promisify: true })
  async onSecondFactorVerified({ userId, purpose }: VerifiedEvent): Promise<void> {
    if (purpose === 'login') await this.lockout.recordSuccess(userId);
  }

  private async countFailure(userId: string, reason: string, ip?: string | null): Promise<void> {
    const outcome = await this.lockout.recordFailure(userId);
    if (!outcome?.lockedUntil) return;
    this.logger.warn({ msg: 'account locked after failed sign-ins', userId, ...outcome });
    await this.audit.record({
      actor: 'system',
      action: 'account.locked',
      subject: userId,
      ip,
      detail: {
        reason: 'failed-attempts',
        lastFailure: reason,
        failures: outcome.failures,
        until: outcome.lockedUntil.toISOString(),
      },
    });
  }
}
