/** Announced when a browser session ends (sign-out, expiry), so its live sockets close too. */
export const SessionEvent = {
  Ended: 'session.ended',
} as const;

export interface SessionEndedEvent {
  binding: string;
}
