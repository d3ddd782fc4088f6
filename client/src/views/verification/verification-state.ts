import type {
  CallProgress,
  ChallengeSnapshot,
  ChallengeStatus,
  ChallengeWithCode,
  FailureReason,
} from '../../api/types.js';

/** What the verification page knows about the current challenge. */
export interface VerificationState {
  id: string;
  /** Known from HTTP responses only (the socket never carries it). */
  code: string | null;
  length: number;
  expiresAt: string;
  /** Masked, as the server sends it. */
  phone: string;
  status: ChallengeStatus;
  /** Digits typed right so far. */
  entered: number;
  /** The position of the wrong digit, once one was typed. */
  wrongAt: number | null;
  call: CallProgress | null;
  reason: FailureReason | null;
}

export function fromChallenge(challenge: ChallengeWithCode): VerificationState {
  return {
    id: challenge.id,
    code: challenge.code,
    length: challenge.length,
    expiresAt: challenge.expiresAt,
    phone: challenge.phone,
    status: 'pending',
    entered: 0,
    wrongAt: null,
    call: null,
    reason: null,
  };
}

/** The server's replay (on connect) or the start of a new challenge. */
export function applySnapshot(
  state: VerificationState,
  snapshot: ChallengeSnapshot,
  knownCode: string | null,
): VerificationState {
  const same = snapshot.id === state.id;
  const reason = snapshot.reason ?? (same ? state.reason : null);
  return {
    id: snapshot.id,
    code: same ? (state.code ?? knownCode) : knownCode,
    length: snapshot.length,
    expiresAt: snapshot.expiresAt,
    phone: snapshot.phone,
    status: snapshot.status,
    entered: same ? Math.max(state.entered, snapshot.entered) : snapshot.entered,
    // A wrong digit leaves `entered` at its position.
    wrongAt: reason === 'wrong-digit' ? snapshot.entered : same ? state.wrongAt : null,
    call: snapshot.call ?? (same ? state.call : null),
    reason,
  };
}

export function applyDigit(
  state: VerificationState,
  position: number,
  correct: boolean,
): VerificationState {
  if (correct) return { ...state, entered: Math.max(state.entered, position + 1) };
  return { ...state, wrongAt: position };
}

export function isActive(state: VerificationState): boolean {
  return state.status === 'pending' || state.status === 'calling' || state.status === 'in-progress';
}

export function isOver(state: VerificationState): boolean {
  return state.status === 'failed' || state.status === 'expired';
}

/** The reason to show for a challenge that is over. */
export function failureOf(state: VerificationState): FailureReason | null {
  if (state.status === 'expired') return 'expired';
  if (state.status === 'failed') return state.reason;
  return null;
}
