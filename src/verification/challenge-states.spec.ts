import {
  CALL_PROGRESS,
  CHALLENGE_STATUSES,
  type CallProgress,
  callProgressFromCarrier,
  canTransition,
  type ChallengeStatus,
  FAILURE_REASONS,
  isActive,
  isRetryable,
  progressesFrom,
  statusesLeadingTo,
} from './challenge-states.js';

describe('challenge status transitions', () => {
  const allowed: [ChallengeStatus, ChallengeStatus][] = [
    ['pending', 'calling'],
    ['pending', 'failed'],
    ['pending', 'expired'],
    ['calling', 'in-progress'],
    ['calling', 'failed'],
    ['calling', 'expired'],
    ['in-progress', 'verified'],
    ['in-progress', 'failed'],
    ['in-progress', 'expired'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  // Every pair not listed above, so a new edge cannot slip into the table unnoticed.
  const refused = CHALLENGE_STATUSES.flatMap((from) =>
    CHALLENGE_STATUSES.filter((to) => !allowed.some(([f, t]) => f === from && t === to)).map(
      (to) => [from, to] as [ChallengeStatus, ChallengeStatus],
    ),
  );

  it.each(refused)('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('refuses skipping a step forward or going back', () => {
    expect(canTransition('pending', 'in-progress')).toBe(false);
    expect(canTransition('pending', 'verified')).toBe(false);
    expect(canTransition('calling', 'verified')).toBe(false);
    expect(canTransition('in-progress', 'calling')).toBe(false);
    expect(canTransition('calling', 'pending')).toBe(false);
  });

  it.each(['verified', 'failed', 'expired'] as const)(
    'leaves terminal %s nowhere to go',
    (from) => {
      for (const to of CHALLENGE_STATUSES) expect(canTransition(from, to)).toBe(false);
    },
  );
});

describe('statusesLeadingTo', () => {
  it('names only pending as the way into calling', () => {
    expect(statusesLeadingTo('calling')).toEqual(['pending']);
  });

  it('names only calling as the way into in-progress', () => {
    expect(statusesLeadingTo('in-progress')).toEqual(['calling']);
  });

  it('names only in-progress as the way into verified', () => {
    expect(statusesLeadingTo('verified')).toEqual(['in-progress']);
  });

  it.each(['failed', 'expired'] as const)('lets every active status end as %s', (to) => {
    expect(statusesLeadingTo(to)).toEqual(['pending', 'calling', 'in-progress']);
  });

  it('offers no way back into pending', () => {
    expect(statusesLeadingTo('pending')).toEqual([]);
  });
});

describe('isActive', () => {
  it.each(['pending', 'calling', 'in-progress'] as const)('counts %s as active', (status) => {
    expect(isActive(status)).toBe(true);
  });

  it.each(['verified', 'failed', 'expired'] as const)('counts %s as over', (status) => {
    expect(isActive(status)).toBe(false);
  });
});

describe('isRetryable', () => {
  const retryable = ['call-failed', 'no-input', 'hung-up'] as const;

  it.each(retryable)('lets the user ask for another call after %s', (reason) => {
    expect(isRetryable(reason)).toBe(true);
  });

  it.each(FAILURE_REASONS.filter((reason) => !(retryable as readonly string[]).includes(reason)))(
    'sends the user back to sign-in after %s',
    (reason) => {
      expect(isRetryable(reason)).toBe(false);
    },
  );

  it('does not offer a retry when there is no failure reason', () => {
    expect(isRetryable(null)).toBe(false);
  });
});

describe('callProgressFromCarrier', () => {
  it.each([
    ['queued', 'queued'],
    ['initiated', 'queued'],
    ['ringing', 'ringing'],
    ['in-progress', 'answered'],
    ['answered', 'answered'],
    ['completed', 'completed'],
    ['busy', 'busy'],
    ['no-answer', 'no-answer'],
    ['failed', 'failed'],
    ['canceled', 'canceled'],
  ])('maps Twilio CallStatus %s to %s', (carrier, progress) => {
    expect(callProgressFromCarrier(carrier)).toBe(progress);
  });

  it.each(['', 'cancelled', 'RINGING', 'picked-up', 'constructor', 'toString', '__proto__'])(
    'ignores the unknown status %j',
    (carrier) => {
      expect(callProgressFromCarrier(carrier)).toBeUndefined();
    },
  );
});

describe('progressesFrom', () => {
  it.each(CALL_PROGRESS)('accepts %s as the first news of a call', (next) => {
    expect(progressesFrom(null, next)).toBe(true);
  });

  it.each([
    ['queued', 'ringing'],
    ['queued', 'answered'],
    ['ringing', 'answered'],
    ['ringing', 'busy'],
    ['ringing', 'no-answer'],
    ['queued', 'failed'],
    ['queued', 'canceled'],
    ['answered', 'completed'],
  ] as [CallProgress, CallProgress][])('moves forward from %s to %s', (previous, next) => {
    expect(progressesFrom(previous, next)).toBe(true);
  });

  it.each([
    ['answered', 'ringing'],
    ['ringing', 'queued'],
    ['answered', 'queued'],
    ['completed', 'answered'],
    ['busy', 'ringing'],
  ] as [CallProgress, CallProgress][])('refuses going back from %s to %s', (previous, next) => {
    expect(progressesFrom(previous, next)).toBe(false);
  });

  it.each(CALL_PROGRESS)('refuses repeating %s', (step) => {
    expect(progressesFrom(step, step)).toBe(false);
  });

  // A call ends once: after one final outcome, another final outcome is not news.
  it('refuses one final outcome after another', () => {
    expect(progressesFrom('busy', 'completed')).toBe(false);
    expect(progressesFrom('completed', 'failed')).toBe(false);
  });
});
