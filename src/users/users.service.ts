import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository } from 'typeorm';
import { type Role, User } from './entities/user.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { isValidUsername, usernameKey } from './username.js';
import {
  InvalidUsernameError,
  LastAdminError,
  UsernameTakenError,
  WeakPasswordError,
} from './users.errors.js';

/** ASVS 2.1.1 / 2.1.2: at least 12 characters, and long passphrases welcome. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Compare-and-set rounds before giving up: only a flood of racing failures needs a second. */
const MAX_COUNT_RETRIES = 20;

/** Far enough ahead to mean "until an admin unlocks it". */
export const LOCKED_UNTIL_UNLOCKED = new Date('9999-12-31T00:00:00Z');

export interface NewUser {
  username: string;
  password: string;
  role?: Role;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
  ) {}

  async create({ username, password, role = 'user' }: NewUser): Promise<User> {
    if (!isValidUsername(username)) throw new InvalidUsernameError();
    if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
      throw new WeakPasswordError(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH);
    }
    const key = usernameKey(username);
    if (await this.users.existsBy({ usernameKey: key })) throw new UsernameTakenError();
    const user = this.users.create({
      id: randomUUID(),
      username: username.normalize('NFKC'),
      usernameKey: key,
      passwordHash: await this.hasher.hash(password),
      role,
      lockedUntil: null,
      failedAttempts: 0,
      createdAt: new Date(),
    });
    try {
      return await this.users.save(user);
    } catch (error) {
      // Two creations racing past the check above: the unique index decides.
      if (error instanceof QueryFailedError) throw new UsernameTakenError();
      throw error;
    }
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOneBy({ usernameKey: usernameKey(username) });
  }

  findById(id: string): Promise<User | null> {
    return this.users.findOneBy({ id });
  }

  list(): Promise<User[]> {
    return this.users.find({ order: { createdAt: 'ASC' }, relations: { phones: true } });
  }

  count(): Promise<number> {
    return this.users.count();
  }

  isLocked(user: User, now = new Date()): boolean {
    return user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
  }

  async lockUntilUnlocked(userId: string): Promise<void> {
    await this.extendLock(userId, LOCKED_UNTIL_UNLOCKED);
  }

  /**
   * Adds one to the consecutive failures and returns the new count (null: no such user).
   * A compare-and-set, so two failures racing each get their own count and neither
   * crossing of a lock threshold is missed.
   */
  async incrementFailedAttempts(userId: string): Promise<number | null> {
    for (let attempt = 0; attempt < MAX_COUNT_RETRIES; attempt++) {
      const user = await this.users.findOneBy({ id: userId });
      if (!user) return null;
      const result = await this.users
        .createQueryBuilder()
        .update(User)
        .set({ failedAttempts: user.failedAttempts + 1 })
        .where('id = :id', { id: userId })
        .andWhere('failed_attempts = :seen', { seen: user.failedAttempts })
        .execute();
      if ((result.affected ?? 0) > 0) return user.failedAttempts + 1;
    }
    throw new Error('could not record a failed attempt: the count kept changing');
  }

  /** Locks until `until`, unless a longer lock (say, a fraud report's) is already in place. */
  async extendLock(userId: string, until: Date): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update(User)
      .set({ lockedUntil: until })
      .where('id = :id', { id: userId })
      .andWhere('(locked_until IS NULL OR locked_until < :until)', { until })
      .execute();
  }

  /** After a successful sign-in; writes nothing when there was nothing to reset. */
  async resetFailedAttempts(userId: string): Promise<void> {
    await this.users
      .createQueryBuilder()
      .update(User)
      .set({ failedAttempts: 0 })
      .where('id = :id', { id: userId })
      .andWhere('failed_attempts <> 0')
      .execute();
  }

  /** An administrator's unlock: the lock and the count of failures behind it both go. */
  async unlock(userId: string): Promise<void> {
    await this.users.update({ id: userId }, { lockedUntil: null, failedAttempts: 0 });
  }

  /** Refuses to leave the system without an admin. */
  async setRole(user: User, role: Role): Promise<User> {
    if (
      user.role === 'admin' &&
      role !== 'admin' &&
      (await this.users.countBy({ role: 'admin' })) <= 1
    ) {
      throw new LastAdminError();
    }
    await this.users.update({ id: user.id }, { role });
    return this.users.findOneByOrFail({ id: user.id });
  }
}
