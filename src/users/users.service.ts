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
    await this.users.update({ id: userId }, { lockedUntil: LOCKED_UNTIL_UNLOCKED });
  }

  /** Lifts any lock and forgets the failures that led to it. */
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
