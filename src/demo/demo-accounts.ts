import type { Role } from '../users/entities/user.entity.js';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  phone: string;
}

/**
 * Seeded on an empty database when the carrier is simulated, so a fresh clone can be tried
 * at once. Their numbers exist only on the virtual phone (/phone). Never seeded with a real
 * carrier, and the simulated carrier is refused in production.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'alice', password: 'alice-demo-password', role: 'user', phone: '+12025550147' },
  { username: 'admin', password: 'admin-demo-password', role: 'admin', phone: '+12025550148' },
];
