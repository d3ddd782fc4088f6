import { createHash } from 'node:crypto';

/**
 * What a store keys a session by: a SHA-256 of its id, so the store (or a copy of it) holds
 * no id anyone could present as a cookie.
 */
export function hashSessionId(sid: string): string {
  return createHash('sha256').update(sid).digest('hex');
}
