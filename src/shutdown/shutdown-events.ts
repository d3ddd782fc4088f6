/** Announced when the instance starts shutting down, before anything closes. */
export const ShutdownEvent = {
  /** No new connections are taken; live sockets should be sent elsewhere now. */
  Draining: 'app.draining',
} as const;
