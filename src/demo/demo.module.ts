import { Module } from '@nestjs/common';
import { TelephonyModule } from '../telephony/telephony.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoSeeder } from './demo-seeder.js';

@Module({
  imports: [UsersModule, TelephonyModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
