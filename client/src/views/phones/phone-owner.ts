import type { ChallengeWithCode, PhoneNumberView } from '../../api/types.js';

/**
 * What the phone components need from the server: the admin API for one user's numbers, or
 * `/api/me/phones` for one's own. Same shapes, same rules, different doors.
 */
export interface PhoneApi {
  list(): Promise<PhoneNumberView[]>;
  add(number: string, label: string): Promise<PhoneNumberView>;
  verify(phoneId: string): Promise<{ challenge: ChallengeWithCode }>;
  makePrimary(phoneId: string): Promise<PhoneNumberView>;
  /** The last verified number answers 409 unless `force`. */
  remove(phoneId: string, force: boolean): Promise<void>;
}

/** Whose numbers these are, for the words on screen. */
export type PhoneOwner = { kind: 'self' } | { kind: 'user'; username: string };
