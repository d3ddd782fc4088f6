import { Module } from '@nestjs/common';
import { PhonesModule } from '../phones/phones.module.js';
import { UsersModule } from '../users/users.module.js';
import { MyPhonesController } from './my-phones.controller.js';

/** What signed-in users manage themselves: their own phone numbers. */
@Module({
  imports: [UsersModule, PhonesModule],
  controllers: [MyPhonesController],
})
export class AccountModule {}
