import { Injectable } from '@nestjs/common';
import { lockAfter } from './lockout-policy.js';
import { LOCKED_UNTIL_UNLOCKED, UsersService } from './users.service.js';

export interface FailureOutcome {
  /** Consecutive failures so far, this one included. */
  failures: number;
  /** Set when this failure locked the account: until when. */
  lockedUntil: Date | null;
}

/**
 * Counts consecutive failed sign-ins in the database (so a restart forgets nothing) and
 * locks by the lockout policy. Never shortens a lock already in place.
 */
@Injectable()
export class AccountLockout {
  constructor(private readonly users: UsersService) {}

  /** Null when the user no longer exists. */
  async recordFailure(userId: string, now = new Date()): Promise<FailureOutcome | null> {
    const failures = await this.users.incrementFailedAttempts(userId);
    if (failures === null) return null;
    const decision = lockAfter(failures);
    if (decision.kind === 'none') return { failures, lockedUntil: null };
    const lockedUntil =
      decision.kind === 'until-unlocked'
        ? LOCKED_UNTIL_UNLOCKED
        : new Date(now.getTime() + decision.durationMs);
    await this.users.extendLock(userId, lockedUntil);
    return { failures, lockedUntil };
  }

  recordSuccess(userId: string): Promise<void> {
    return this.users.resetFailedAttempts(userId);
  }
}
