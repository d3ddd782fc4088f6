/** The vocabulary of a challenge's life, and which moves between states are allowed. */

export const CHALLENGE_PURPOSES = ['login', 'enrollment'] as const;
export type ChallengePurpose = (typeof CHALLENGE_PURPOSES)[number];

export const CHALLENGE_STATUSES = [
  'pending',
  'calling',
  'in-progress',
  'verified',
  'failed',
  'expired',
] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATUSES)[number];

/** Statuses in which the challenge can still succeed. */
export const ACTIVE_STATUSES: readonly ChallengeStatus[] = ['pending', 'calling', 'in-progress'];

/**
 * Why a challenge ended without success. Two are internal and never sent to a browser:
 * `superseded` (the user asked for a new call, and hears of the new challenge instead) and
 * `abandoned` (the session that asked for it ended: signed out, or signed in afresh).
 */
export const FAILURE_REASONS = [
  'wrong-digit',
  'expired',
  'call-failed',
  'no-input',
  'hung-up',
  'reported-fraud',
  'superseded',
  'abandoned',
] as const;

/** Reasons the browser is never told of (DESIGN §6 lists the others). */
export const SILENT_FAILURE_REASONS: readonly FailureReason[] = ['superseded', 'abandoned'];
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** After these the user may ask for another call; after any other, they sign in again. */
const RETRYABLE_REASONS: readonly FailureReason[] = ['call-failed', 'no-input', 'hung-up'];

/** What the browser is told about the call itself (DESIGN §6 `call`). */
export const CALL_PROGRESS = [
  'queued',
  'ringing',
  'answered',
  'busy',
  'no-answer',
  'failed',
  'canceled',
  'completed',
] as const;
export type CallProgress = (typeof CALL_PROGRESS)[number];

/** Call outcomes that mean nobody will be typing on this call. */
export const UNREACHABLE_CALL_OUTCOMES: readonly CallProgress[] = [
  'busy',
  'no-answer',
  'failed',
  'canceled',
];

const TRANSITIONS: Record<ChallengeStatus, readonly ChallengeStatus[]> = {
  pending: ['calling', 'failed', 'expired'],
  calling: ['in-progress', 'failed', 'expired'],
  'in-progress': ['verified', 'failed', 'expired'],
  verified: [],
  failed: [],
  expired: [],
};

export function canTransition(from: ChallengeStatus, to: ChallengeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The statuses a challenge may be in for a move to `to` to be allowed. */
export function statusesLeadingTo(to: ChallengeStatus): ChallengeStatus[] {
  return CHALLENGE_STATUSES.filter((from) => canTransition(from, to));
}

export function isActive(status: ChallengeStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

export function isRetryable(reason: FailureReason | null): boolean {
  return reason !== null && RETRYABLE_REASONS.includes(reason);
}

/** Twilio's `CallStatus` values, mapped to what the browser is told. */
const TWILIO_CALL_STATUS: Record<string, CallProgress> = {
  queued: 'queued',
  initiated: 'queued',
  ringing: 'ringing',
  'in-progress': 'answered',
  answered: 'answered',
  completed: 'completed',
  busy: 'busy',
  'no-answer': 'no-answer',
  failed: 'failed',
  canceled: 'canceled',
};

export function callProgressFromCarrier(callStatus: string): CallProgress | undefined {
  // Own keys only: "constructor" or "__proto__" are not call statuses.
  return Object.hasOwn(TWILIO_CALL_STATUS, callStatus) ? TWILIO_CALL_STATUS[callStatus] : undefined;
}

/** Progress only moves forward: a late "ringing" must not follow "answered". */
const PROGRESS_RANK: Record<CallProgress, number> = {
  queued: 0,
  ringing: 1,
  answered: 2,
  busy: 3,
  'no-answer': 3,
  failed: 3,
  canceled: 3,
  completed: 3,
};

export function progressesFrom(previous: CallProgress | null, next: CallProgress): boolean {
  return previous === null || PROGRESS_RANK[next] > PROGRESS_RANK[previous];
}
