import { io, type Socket } from 'socket.io-client';
import type { CallProgress, ChallengeSnapshot, FailureReason } from '../api/types.js';

/** Server → client events on `/verification` (DESIGN §6). */
export interface VerificationEvents {
  challenge: (snapshot: ChallengeSnapshot) => void;
  call: (payload: { challengeId: string; status: CallProgress }) => void;
  digit: (payload: { challengeId: string; position: number; correct: boolean }) => void;
  verified: (payload: { challengeId: string }) => void;
  failed: (payload: { challengeId: string; reason: FailureReason }) => void;
}

export interface VerificationFeedHandlers extends VerificationEvents {
  /** The server ended the socket (signed out elsewhere, or refused it): check the session. */
  lost: () => void;
}

export interface Feed {
  close(): void;
}

/**
 * Live feedback for this browser session. The session cookie authenticates the handshake;
 * on every (re)connect the server replays the current `challenge`, so nothing is missed
 * across a reload or a dropped connection.
 */
export function watchVerification(handlers: VerificationFeedHandlers): Feed {
  const socket: Socket<VerificationEvents> = io('/verification', { withCredentials: true });
  socket.on('challenge', handlers.challenge);
  socket.on('call', handlers.call);
  socket.on('digit', handlers.digit);
  socket.on('verified', handlers.verified);
  socket.on('failed', handlers.failed);
  // socket.io retries lost transports itself; a refusal or a server-side close it does not.
  socket.on('connect_error', () => {
    if (!socket.active) handlers.lost();
  });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') handlers.lost();
  });
  return { close: () => socket.close() };
}
