import type { User } from '../users/entities/user.entity.js';
import type { ChallengeWithCode } from '../verification/challenge-view.js';

/** The shapes of DESIGN §5's sign-in responses. */

export interface UserSummary {
  id: string;
  username: string;
  role: string;
}

export type SessionState =
  | { state: 'anonymous' }
  | { state: 'second-factor-pending'; challenge: ChallengeWithCode }
  | { state: 'authenticated'; user: UserSummary };

export function summarize(user: User): UserSummary {
  return { id: user.id, username: user.username, role: user.role };
}
