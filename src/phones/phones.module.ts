import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { UsersModule } from '../users/users.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { PhoneActions } from './phone-actions.service.js';

/** Audited phone-number changes, shared by the admin API and users' own settings. */
@Module({
  imports: [UsersModule, VerificationModule, AuditModule],
  providers: [PhoneActions],
  exports: [PhoneActions],
})
export class PhonesModule {}
