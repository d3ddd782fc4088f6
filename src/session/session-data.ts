import type { SessionData } from 'express-session';

/** The second factor a signed-in-with-password session still owes. */
export interface PendingSecondFactor {
  userId: string;
  challengeId: string;
  /** The code, sealed with a server key: shown again after a reload, unreadable in a store copy. */
  sealedCode: string;
}

declare module 'express-session' {
  interface SessionData {
    /**
     * An opaque, non-secret name for this browser session: its socket room and the binding
     * its challenges carry. Survives every session id regeneration.
     */
    binding: string;
    /** Epoch ms of the password sign-in; the absolute timeout counts from here. */
    signedInAt: number;
    pending: PendingSecondFactor;
    /** Epoch ms of the last completed second factor (recent re-authentication checks). */
    secondFactorAt: number;
    /** Written by passport once both factors are done. */
    passport: { user: string };
  }
}

export type CallgateSessionData = Partial<SessionData>;
