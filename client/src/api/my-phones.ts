import { deleteJson, getJson, patchJson, postJson } from './http.js';
import type { ChallengeWithCode, PhoneNumberView } from './types.js';

/**
 * A signed-in user's own numbers (`/api/me/phones`, masked). Changes answer 403 with
 * `reauthenticate: true` when the last phone check is more than 10 minutes old.
 */

const id = encodeURIComponent;

export const listMyPhones = () => getJson<PhoneNumberView[]>('/api/me/phones');

export const addMyPhone = (number: string, label: string) =>
  postJson<PhoneNumberView>('/api/me/phones', { number, label });

export const verifyMyPhone = (phoneId: string) =>
  postJson<{ challenge: ChallengeWithCode }>(`/api/me/phones/${id(phoneId)}/verification`);

export const makeMyPhonePrimary = (phoneId: string) =>
  patchJson<PhoneNumberView>(`/api/me/phones/${id(phoneId)}`, { isPrimary: true });

export const removeMyPhone = (phoneId: string, force: boolean) =>
  deleteJson(`/api/me/phones/${id(phoneId)}${force ? '?force=true' : ''}`);
