import { randomUUID } from 'node:crypto';
import argon2 from 'argon2';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '../../src/database/data-source-options.js';
import { PhoneNumber } from '../../src/users/entities/phone-number.entity.js';
import { User } from '../../src/users/entities/user.entity.js';
import { PASSWORD_HASH_OPTIONS } from '../../src/users/password-hasher.js';

export interface SeededUser {
  username: string;
  phone: string;
}

export interface Seed {
  password: string;
  /** argon2id of `password` at the parameters Callgate ships. */
  passwordHash: string;
  admin: SeededUser;
  /** Users with a verified phone, one per sign-in the bench makes. */
  signers: SeededUser[];
  /** Unverified phones (ids) for the pending-challenge count, `perOwner` per user. */
  enrollmentPhoneIds: string[];
}

/**
 * Fills a fresh SQLite file before Callgate starts: migrations, then users and phones in
 * bulk. Hashing 10,000 passwords would take minutes and measure nothing; every user shares
 * one argon2id hash made with the app's own parameters, so each sign-in still verifies it
 * at full cost.
 */
export async function seedDatabase(
  file: string,
  counts: { signers: number; enrollmentPhones: number; phonesPerOwner: number },
): Promise<Seed> {
  const dataSource = new DataSource(buildDataSourceOptions({ type: 'sqlite', database: file }));
  await dataSource.initialize();
  await dataSource.runMigrations();
  const password = 'bench-password-not-secret';
  const passwordHash = await argon2.hash(password, PASSWORD_HASH_OPTIONS);
  const now = new Date();
  const users: User[] = [];
  const phones: PhoneNumber[] = [];
  const addUser = (username: string, role: 'user' | 'admin') => {
    const user = Object.assign(new User(), {
      id: randomUUID(),
      username,
      usernameKey: username,
      passwordHash,
      role,
      lockedUntil: null,
      failedAttempts: 0,
      createdAt: now,
    });
    users.push(user);
    return user;
  };
  const addPhone = (user: User, e164: string, verified: boolean) => {
    const phone = Object.assign(new PhoneNumber(), {
      id: randomUUID(),
      userId: user.id,
      e164,
      label: 'bench',
      verifiedAt: verified ? now : null,
      isPrimary: verified,
      createdAt: now,
    });
    phones.push(phone);
    return phone;
  };

  const adminPhone = '+16175550000';
  addPhone(addUser('bench-admin', 'admin'), adminPhone, true);
  const signers = Array.from({ length: counts.signers }, (_, index) => {
    const username = `signer${index}`;
    const phone = `+1202555${String(index).padStart(4, '0')}`;
    addPhone(addUser(username, 'user'), phone, true);
    return { username, phone };
  });
  const enrollmentPhoneIds: string[] = [];
  let owner: User | undefined;
  for (let index = 0; index < counts.enrollmentPhones; index++) {
    if (index % counts.phonesPerOwner === 0) owner = addUser(`enrollee${index}`, 'user');
    const e164 = `+1312555${String(index).padStart(4, '0')}`;
    enrollmentPhoneIds.push(addPhone(owner!, e164, false).id);
  }
  // SQLite caps bound variables per statement: insert in chunks.
  for (let index = 0; index < users.length; index += 100) {
    await dataSource.manager.insert(User, users.slice(index, index + 100));
  }
  for (let index = 0; index < phones.length; index += 100) {
    await dataSource.manager.insert(PhoneNumber, phones.slice(index, index + 100));
  }
  await dataSource.destroy();
  return {
    password,
    passwordHash,
    admin: { username: 'bench-admin', phone: adminPhone },
    signers,
    enrollmentPhoneIds,
  };
}
