import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PhoneNumberPolicy, PhoneNumberRejected } from '../users/phone-number-policy.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { UsersService } from '../users/users.service.js';
import { CommandError } from './command-error.js';

export interface CreateUserOptions {
  username: string;
  password: string;
  phone: string;
  admin: boolean;
}

/** Operator bootstrap: the phone is marked verified, since the operator vouches for it. */
export async function createUser(
  app: INestApplicationContext,
  options: CreateUserOptions,
): Promise<string> {
  // Check the number before creating anything, so a bad one changes nothing.
  try {
    app.get(PhoneNumberPolicy).normalize(options.phone);
  } catch (error) {
    if (error instanceof PhoneNumberRejected) throw new CommandError(`--phone ${error.message}`);
    throw error;
  }
  const user = await app.get(UsersService).create({
    username: options.username,
    password: options.password,
    role: options.admin ? 'admin' : 'user',
  });
  await app
    .get(PhoneNumbersService)
    .add({ userId: user.id, number: options.phone, label: 'Primary', verified: true });
  return user.id;
}

export async function listUsers(app: INestApplicationContext): Promise<string[]> {
  const users = await app.get(UsersService).list();
  return users.map((user) => {
    const phones = user.phones ?? [];
    const verified = phones.filter((phone) => phone.verifiedAt !== null).length;
    const locked = app.get(UsersService).isLocked(user) ? ' locked' : '';
    return `${user.id}  ${user.username}  ${user.role}  phones=${phones.length} verified=${verified}${locked}`;
  });
}

export async function migrate(app: INestApplicationContext): Promise<string[]> {
  const applied = await app.get(DataSource).runMigrations({ transaction: 'each' });
  return applied.map((migration) => migration.name);
}
