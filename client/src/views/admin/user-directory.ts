import type { AdminUser } from '../../api/types.js';

/** Names for the ids the audit log holds (`system`, `carrier` and `anonymous` as they are). */
export class UserDirectory {
  private names = new Map<string, string>();

  update(users: AdminUser[]): void {
    this.names = new Map(users.map((user) => [user.id, user.username]));
  }

  nameOf(id: string | null): string {
    if (id === null) return '—';
    return this.names.get(id) ?? (/^[a-z]+$/.test(id) ? id : 'a removed user');
  }
}
