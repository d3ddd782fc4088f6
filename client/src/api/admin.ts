import { getJson, patchJson, postJson } from './http.js';
import { phonesAt } from './phones.js';
import type { AdminUser, AuditPage, Role } from './types.js';

/** The admin API (`/api/admin`, administrators only). */

const id = encodeURIComponent;

export const listUsers = () => getJson<AdminUser[]>('/api/admin/users');

export const createUser = (body: { username: string; password: string; role: Role }) =>
  postJson<AdminUser>('/api/admin/users', body);

export const setRole = (userId: string, role: Role) =>
  patchJson<AdminUser>(`/api/admin/users/${id(userId)}`, { role });

export const unlockUser = (userId: string) =>
  postJson<AdminUser>(`/api/admin/users/${id(userId)}/unlock`);

/** One user's numbers, full (this is the admin's view). */
export const userPhones = (userId: string) =>
  phonesAt(`/api/admin/users/${id(userId)}/phones`, '/api/admin/phones');

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
