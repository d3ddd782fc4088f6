import { deleteJson, getJson, patchJson, postJson } from './http.js';
import type { AdminUser, AuditPage, ChallengeWithCode, PhoneNumberView, Role } from './types.js';

/** The admin API (`/api/admin`, administrators only). */

const id = encodeURIComponent;

export const listUsers = () => getJson<AdminUser[]>('/api/admin/users');

export const createUser = (body: { username: string; password: string; role: Role }) =>
  postJson<AdminUser>('/api/admin/users', body);

export const setRole = (userId: string, role: Role) =>
  patchJson<AdminUser>(`/api/admin/users/${id(userId)}`, { role });

export const unlockUser = (userId: string) =>
  postJson<AdminUser>(`/api/admin/users/${id(userId)}/unlock`);

export const listUserPhones = (userId: string) =>
  getJson<PhoneNumberView[]>(`/api/admin/users/${id(userId)}/phones`);

export const addUserPhone = (userId: string, number: string, label: string) =>
  postJson<PhoneNumberView>(`/api/admin/users/${id(userId)}/phones`, { number, label });

export const verifyPhone = (phoneId: string) =>
  postJson<{ challenge: ChallengeWithCode }>(`/api/admin/phones/${id(phoneId)}/verification`);

export const makePhonePrimary = (phoneId: string) =>
  patchJson<PhoneNumberView>(`/api/admin/phones/${id(phoneId)}`, { isPrimary: true });

export const removePhone = (phoneId: string, force: boolean) =>
  deleteJson(`/api/admin/phones/${id(phoneId)}${force ? '?force=true' : ''}`);

export interface AuditQuery {
  userId?: string;
  action?: string;
  page: number;
  limit: number;
}

export function listAudit(query: AuditQuery): Promise<AuditPage> {
  const params = new URLSearchParams({ page: String(query.page), limit: String(query.limit) });
  if (query.userId) params.set('userId', query.userId);
  if (query.action) params.set('action', query.action);
  return getJson<AuditPage>(`/api/admin/audit?${params}`);
}
