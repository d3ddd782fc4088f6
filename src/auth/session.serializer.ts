import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import type { User } from '../users/entities/user.entity.js';
import { UsersService } from '../users/users.service.js';

type Done<T> = (error: unknown, value?: T | false) => void;

/**
 * Keeps only the user id in the session and reloads the user on each request, so a role
 * change, lock or deletion takes effect at once.
 */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(private readonly users: UsersService) {
    super();
  }

  serializeUser(user: User, done: Done<string>): void {
    done(null, user.id);
  }

  deserializeUser(userId: string, done: Done<User>): void {
    this.users
      .findById(userId)
      .then((user) => done(null, user && !this.users.isLocked(user) ? user : false))
      .catch((error: unknown) => done(error));
  }
}
