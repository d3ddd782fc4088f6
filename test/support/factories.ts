import { PhoneNumbersService } from '../../src/users/phone-numbers.service.js';
import type { Role, User } from '../../src/users/entities/user.entity.js';
import { UsersService } from '../../src/users/users.service.js';
import type { TestApp } from './test-app.js';

let sequence = 0;

export interface TestUser {
  user: User;
  username: string;
  password: string;
  /** E.164. */
  phone: string;
}

/** A unique, valid US number in the 555 range. */
export function uniquePhone(): string {
  sequence++;
  return `+1202555${String(1000 + (sequence % 9000)).padStart(4, '0')}`;
}

/** A user with a verified primary phone (unless told otherwise), made through the real services. */
export async function createUser(
  app: Pick<TestApp, 'get'>,
  options: { role?: Role; verified?: boolean; phone?: string | null } = {},
): Promise<TestUser> {
  sequence++;
  const username = `user${sequence}_${Math.random().toString(36).slice(2, 8)}`;
  const password = `password-${Math.random().toString(36).slice(2)}`;
  const user = await app.get(UsersService).create({ username, password, role: options.role });
  const phone = options.phone === undefined ? uniquePhone() : options.phone;
  if (phone) {
    await app
      .get(PhoneNumbersService)
      .add({ userId: user.id, number: phone, verified: options.verified ?? true });
  }
  return { user, username, password, phone: phone ?? '' };
}
