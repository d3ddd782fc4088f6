import type { Request } from 'express';
import type { User } from '../users/entities/user.entity.js';

/** express-session and passport speak callbacks; these are the same calls as promises. */

/** A new session id with nothing in it: run before trusting a session with anything. */
export function regenerateSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    request.session.regenerate((error: unknown) => (error ? reject(error) : resolve())),
  );
}

export function saveSession(request: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    request.session.save((error: unknown) => (error ? reject(error) : resolve())),
  );
}

/**
 * Marks the session signed in. passport issues a new session id as it does; what the
 * session already holds (its binding, sign-in time) is carried over.
 */
export function logIn(request: Request, user: User): Promise<void> {
  return new Promise((resolve, reject) =>
    request.logIn(user, { session: true, keepSessionInfo: true }, (error: unknown) =>
      error ? reject(error) : resolve(),
    ),
  );
}

export function destroySession(request: Request): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!request.session) return resolve();
    request.session.destroy((error: unknown) => (error ? reject(error) : resolve()));
  });
}
