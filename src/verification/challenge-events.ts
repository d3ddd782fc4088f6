import type {
  CallProgress,
  ChallengePurpose,
  ChallengeStatus,
  FailureReason,
} from './challenge-states.js';

/**
 * What the verification module announces (in-process, through @nestjs/event-emitter). The
 * gateway relays each to the browser session named by `binding`; the audit listener records
 * them. Payloads are exactly the socket events of DESIGN §6.
 */

export const ChallengeEvent = {
  Started: 'challenge.started',
  CallPlaced: 'challenge.call-placed',
  CallProgress: 'challenge.call-progress',
  Digit: 'challenge.digit',
  Verified: 'challenge.verified',
  Failed: 'challenge.failed',
} as const;

/** The `challenge` socket event: enough for a reloaded page to resume. */
export interface ChallengeSnapshot {
  id: string;
  length: number;
  expiresAt: string;
  phone: string;
  purpose: ChallengePurpose;
  status: ChallengeStatus;
  entered: number;
  /** Added to DESIGN §6: the last call progress, so a page that connects late shows it. */
  call: CallProgress | null;
  /** Added to DESIGN §6: why it failed (null unless `failed`), so a reloaded page can say why. */
  reason: FailureReason | null;
}

interface Routed {
  binding: string;
  userId: string;
}

export interface ChallengeStartedEvent extends Routed {
  challenge: ChallengeSnapshot;
}

/** Internal (audited, not sent to browsers): the carrier accepted a call. */
export interface CallPlacedEvent extends Routed {
  challengeId: string;
  callSid: string;
  /** Which call of its sign-in this was. */
  ordinal: number;
}

export interface CallProgressEvent extends Routed {
  payload: { challengeId: string; status: CallProgress };
}

export interface DigitEvent extends Routed {
  payload: { challengeId: string; position: number; correct: boolean };
}

export interface VerifiedEvent extends Routed {
  purpose: ChallengePurpose;
  phoneNumberId: string;
  payload: { challengeId: string };
}

export interface FailedEvent extends Routed {
  purpose: ChallengePurpose;
  /** `superseded` is never sent to the browser; it hears of the new challenge instead. */
  payload: { challengeId: string; reason: FailureReason };
}
