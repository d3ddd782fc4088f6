import { type ExecutionContext, ForbiddenException } from '@nestjs/common';
import { RECENT_SECOND_FACTOR_MS, RecentSecondFactorGuard } from './recent-second-factor.guard.js';

function contextWith(session: { secondFactorAt?: number } | undefined): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: () => ({ session }) }),
  } as unknown as ExecutionContext;
}

describe('RecentSecondFactorGuard', () => {
  const guard = new RecentSecondFactorGuard();

  it('lets through a session whose phone call was just completed', () => {
    expect(guard.canActivate(contextWith({ secondFactorAt: Date.now() - 60_000 }))).toBe(true);
  });

  it('refuses one whose call is more than 10 minutes old, asking to sign in again', () => {
    const stale = contextWith({ secondFactorAt: Date.now() - RECENT_SECOND_FACTOR_MS - 1000 });
    expect(() => guard.canActivate(stale)).toThrow(ForbiddenException);
    try {
      guard.canActivate(stale);
    } catch (error) {
      expect((error as ForbiddenException).getResponse()).toMatchObject({
        statusCode: 403,
        reauthenticate: true,
      });
    }
  });

  it('refuses a session that never completed a call', () => {
    expect(() => guard.canActivate(contextWith({}))).toThrow(ForbiddenException);
    expect(() => guard.canActivate(contextWith(undefined))).toThrow(ForbiddenException);
  });
});
