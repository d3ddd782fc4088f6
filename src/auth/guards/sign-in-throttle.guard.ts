import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { usernameKey } from '../../users/username.js';
import { TooManySignInAttemptsException } from '../auth-errors.js';

/** Longer than any valid username; enough to tell names apart without hashing megabytes. */
const TRACKED_USERNAME_LENGTH = 128;

/**
 * Counts a sign-in attempt against its username, folded as sign-in folds it, so `ALICE`
 * and `ａｌｉｃｅ` spend alice's budget. A body without a string username gets one shared
 * bucket: it is refused with 400 anyway, and the per-address limit still counts it.
 */
export function usernameTracker(request: Record<string, unknown>): string {
  const username = (request.body as { username?: unknown } | undefined)?.username;
  if (typeof username !== 'string') return 'no-username';
  return `username:${usernameKey(username.slice(0, TRACKED_USERNAME_LENGTH))}`;
}

/**
 * @nestjs/throttler's guard with the sign-in limits (per client address and per username,
 * see RateLimitModule), answering DESIGN §5's 429 with a `retryAfter` that RetryAfterFilter
 * turns into the `Retry-After` header.
 */
@Injectable()
export class SignInThrottleGuard extends ThrottlerGuard {
  protected override throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw new TooManySignInAttemptsException(Math.max(1, detail.timeToBlockExpire));
  }
}
