/**
 * How consecutive failed sign-ins lock an account (NIST SP 800-63B rev 3 §5.2.2, ASVS 2.2.1).
 * Every tenth consecutive failure locks it for a while, twice as long each time (1 minute,
 * 2, 4 … at most an hour), so a person who mistypes waits a little and a guesser slows to
 * a crawl; the hundredth locks it until an administrator unlocks it, the hard limit NIST
 * sets. Only a successful sign-in (both factors) resets the count.
 */

export const FAILURES_PER_LOCK = 10;
export const FIRST_LOCK_MS = 60 * 1000;
export const LONGEST_TEMPORARY_LOCK_MS = 60 * 60 * 1000;
/** §5.2.2: no more than 100 consecutive failed attempts on one account. */
export const MAX_CONSECUTIVE_FAILURES = 100;

export type LockDecision =
  { kind: 'none' } | { kind: 'temporary'; durationMs: number } | { kind: 'until-unlocked' };

/** What the failure that brought the count to `consecutiveFailures` does to the account. */
export function lockAfter(consecutiveFailures: number): LockDecision {
  if (consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) return { kind: 'until-unlocked' };
  if (consecutiveFailures <= 0 || consecutiveFailures % FAILURES_PER_LOCK !== 0) {
    return { kind: 'none' };
  }
  const locksSoFar = consecutiveFailures / FAILURES_PER_LOCK;
  return {
    kind: 'temporary',
    durationMs: Math.min(FIRST_LOCK_MS * 2 ** (locksSoFar - 1), LONGEST_TEMPORARY_LOCK_MS),
  };
}
