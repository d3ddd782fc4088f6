import type { ChallengeSnapshot } from './challenge-events.js';
import type { Challenge } from './entities/challenge.entity.js';

/** DESIGN §5's `challenge` object: shown only to the session that owns it. */
export interface ChallengeWithCode {
  id: string;
  code: string;
  length: number;
  expiresAt: string;
  phone: string;
}

export function snapshotOf(challenge: Challenge, maskedPhone: string): ChallengeSnapshot {
  return {
    id: challenge.id,
    length: challenge.length,
    expiresAt: challenge.expiresAt.toISOString(),
    phone: maskedPhone,
    purpose: challenge.purpose,
    status: challenge.status,
    entered: challenge.digitsEntered,
    call: challenge.callStatus,
    reason: challenge.failureReason,
  };
}

export function withCode(
  challenge: Challenge,
  code: string,
  maskedPhone: string,
): ChallengeWithCode {
  return {
    id: challenge.id,
    code,
    length: challenge.length,
    expiresAt: challenge.expiresAt.toISOString(),
    phone: maskedPhone,
  };
}
