import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountLockout } from './account-lockout.service.js';
import { PhoneNumber } from './entities/phone-number.entity.js';
import { User } from './entities/user.entity.js';
import { PasswordHasher } from './password-hasher.js';
import { PhoneNumberPolicy } from './phone-number-policy.js';
import { PhoneNumbersService } from './phone-numbers.service.js';
import { UsersService } from './users.service.js';

/** A leaf: users, their phone numbers and the rules for both. Imports nothing of ours. */
@Module({
  imports: [TypeOrmModule.forFeature([User, PhoneNumber])],
  providers: [UsersService, PhoneNumbersService, PasswordHasher, PhoneNumberPolicy, AccountLockout],
  exports: [UsersService, PhoneNumbersService, PasswordHasher, PhoneNumberPolicy, AccountLockout],
})
export class UsersModule {}
