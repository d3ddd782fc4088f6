import { getJson, postJson } from './http.js';
import type { ChallengeWithCode, Me, SessionState } from './types.js';

/** The sign-in endpoints (DESIGN §5). */

export const getSession = () => getJson<SessionState>('/api/auth/session');

export const login = (username: string, password: string) =>
  postJson<SessionState>('/api/auth/login', { username, password });

export const completeSecondFactor = () =>
  postJson<SessionState>('/api/auth/second-factor/complete');

export const callAgain = () =>
  postJson<{ challenge: ChallengeWithCode }>('/api/auth/second-factor/call');

export const logout = () => postJson<void>('/api/auth/logout');

export const getMe = () => getJson<Me>('/api/me');
