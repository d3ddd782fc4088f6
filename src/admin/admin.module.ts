import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PhonesModule } from '../phones/phones.module.js';
import { UsersModule } from '../users/users.module.js';
import { AdminAuditController } from './admin-audit.controller.js';
import { AdminPhonesController } from './admin-phones.controller.js';
import { AdminUsersController } from './admin-users.controller.js';

/** The admin API: users, their phone numbers (verified by call), and the audit log. */
@Module({
  imports: [UsersModule, PhonesModule, AuditModule],
  controllers: [AdminUsersController, AdminPhonesController, AdminAuditController],
})
export class AdminModule {}
