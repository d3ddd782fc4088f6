import {
  FIRST_LOCK_MS,
  lockAfter,
  LONGEST_TEMPORARY_LOCK_MS,
  MAX_CONSECUTIVE_FAILURES,
} from './lockout-policy.js';

const minutes = (count: number) => count * 60 * 1000;

describe('lockAfter', () => {
  it('does not lock before the tenth consecutive failure', () => {
    for (let failures = 1; failures < 10; failures++) {
      expect(lockAfter(failures)).toEqual({ kind: 'none' });
    }
  });

  it('locks for one minute at the tenth', () => {
    expect(lockAfter(10)).toEqual({ kind: 'temporary', durationMs: FIRST_LOCK_MS });
    expect(FIRST_LOCK_MS).toBe(minutes(1));
  });

  it('doubles the lock at every tenth failure after that, up to one hour', () => {
    const durations = [10, 20, 30, 40, 50, 60, 70, 80, 90].map((failures) => {
      const decision = lockAfter(failures);
      return decision.kind === 'temporary' ? decision.durationMs : decision.kind;
    });
    expect(durations).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60].map(minutes));
    expect(LONGEST_TEMPORARY_LOCK_MS).toBe(minutes(60));
  });

  it('leaves the failures between two locks unlocked', () => {
    for (const failures of [11, 15, 19, 21, 55, 99]) {
      expect(lockAfter(failures)).toEqual({ kind: 'none' });
    }
  });

  it('locks until an administrator unlocks at the hundredth, and for every failure beyond', () => {
    expect(MAX_CONSECUTIVE_FAILURES).toBe(100);
    for (const failures of [100, 101, 150, 1000]) {
      expect(lockAfter(failures)).toEqual({ kind: 'until-unlocked' });
    }
  });

  it('never allows ten failures in a row without a lock, nor a hundred in all', () => {
    let sinceLastLock = 0;
    for (let failures = 1; failures <= MAX_CONSECUTIVE_FAILURES; failures++) {
      sinceLastLock = lockAfter(failures).kind === 'none' ? sinceLastLock + 1 : 0;
      expect(sinceLastLock).toBeLessThan(10);
    }
    expect(lockAfter(MAX_CONSECUTIVE_FAILURES).kind).toBe('until-unlocked');
  });

  it('makes fewer than 100 failures possible in any hour (ASVS 2.2.1)', () => {
    // Guess as fast as the locks allow, starting at time 0, and count what fits in an hour.
    let now = 0;
    let failures = 0;
    while (failures < MAX_CONSECUTIVE_FAILURES) {
      failures++;
      const decision = lockAfter(failures);
      if (decision.kind === 'temporary') now += decision.durationMs;
      if (decision.kind === 'until-unlocked' || now >= minutes(60)) break;
    }
    expect(failures).toBeLessThan(100);
  });
});
