import { deleteJson, getJson, patchJson, postJson } from './http.js';
import type { ChallengeWithCode, PhoneNumberView } from './types.js';

/**
 * One person's phone numbers and what can be done to them. The admin API (a user's numbers)
 * and `/api/me/phones` (one's own) offer the same operations, shapes and rules at different
 * paths: `collection` lists and adds, each number lives under `items`.
 */
export interface PhoneApi {
  list(): Promise<PhoneNumberView[]>;
  add(number: string, label: string): Promise<PhoneNumberView>;
  verify(phoneId: string): Promise<{ challenge: ChallengeWithCode }>;
  makePrimary(phoneId: string): Promise<PhoneNumberView>;
  /** The last verified number answers 409 unless `force`. */
  remove(phoneId: string, force: boolean): Promise<void>;
}

const id = encodeURIComponent;

export function phonesAt(collection: string, items: string): PhoneApi {
  const item = (phoneId: string) => `${items}/${id(phoneId)}`;
  return {
    list: () => getJson<PhoneNumberView[]>(collection),
    add: (number, label) => postJson<PhoneNumberView>(collection, { number, label }),
    verify: (phoneId) =>
      postJson<{ challenge: ChallengeWithCode }>(`${item(phoneId)}/verification`),
    makePrimary: (phoneId) => patchJson<PhoneNumberView>(item(phoneId), { isPrimary: true }),
    remove: (phoneId, force) => deleteJson(`${item(phoneId)}${force ? '?force=true' : ''}`),
  };
}
