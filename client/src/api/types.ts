/** The server's public shapes (DESIGN §5–§6), as the client reads them. */

export type ChallengeStatus =
  'pending' | 'calling' | 'in-progress' | 'verified' | 'failed' | 'expired';

export type CallProgress =
  'queued' | 'ringing' | 'answered' | 'busy' | 'no-answer' | 'failed' | 'canceled' | 'completed';

export type FailureReason =
  | 'wrong-digit'
  | 'expired'
  | 'call-failed'
  | 'no-input'
  | 'hung-up'
  | 'reported-fraud'
  | 'superseded';

/** `challenge` in HTTP responses: the code is shown only to its own session. */
export interface ChallengeWithCode {
  id: string;
  code: string;
  length: number;
  expiresAt: string;
  phone: string;
}

/** The `challenge` socket event. */
export interface ChallengeSnapshot {
  id: string;
  length: number;
  expiresAt: string;
  phone: string;
  purpose: 'login' | 'enrollment';
  status: ChallengeStatus;
  entered: number;
  call: CallProgress | null;
  reason?: FailureReason | null;
}

export interface UserSummary {
  id: string;
  username: string;
  role: string;
}

export type SessionState =
  | { state: 'anonymous' }
  | { state: 'second-factor-pending'; challenge: ChallengeWithCode }
  | { state: 'authenticated'; user: UserSummary };

export interface MyPhone {
  id: string;
  number: string;
  label: string;
  verified: boolean;
  primary: boolean;
}

export interface Me extends UserSummary {
  phones: MyPhone[];
}

/** A phone number as the phone APIs return it: E.164 for admins, masked for its owner. */
export interface PhoneNumberView {
  id: string;
  userId: string;
  number: string;
  label: string;
  verified: boolean;
  verifiedAt: string | null;
  primary: boolean;
  createdAt: string;
}

export type Role = 'user' | 'admin';

export interface AdminUser {
  id: string;
  username: string;
  role: Role;
  /** Locked now (failed attempts, or fraud reported on a call). */
  locked: boolean;
  lockedUntil: string | null;
  createdAt: string;
  phones: PhoneNumberView[];
}

export interface AuditEvent {
  id: string;
  at: string;
  /** A user id, or `system`, `carrier`, `anonymous`. */
  actor: string;
  action: string;
  /** Usually the user the event is about. */
  subject: string | null;
  ip: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEvent[];
  page: number;
  limit: number;
  total: number;
}
