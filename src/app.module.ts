import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AccountModule } from './account/account.module.js';
import { AdminModule } from './admin/admin.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { configurationAreas } from './config/configuration.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { HealthModule } from './health/health.module.js';
import { SessionModule } from './session/session.module.js';
import { TelephonyModule } from './telephony/telephony.module.js';
import { UsersModule } from './users/users.module.js';
import { VerificationModule } from './verification/verification.module.js';
import { WebClientModule } from './web/web-client.module.js';

@Module({
  imports: [
    // main.ts loads .env and validates everything first; here each area is read and typed.
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configurationAreas }),
    EventEmitterModule.forRoot(),
    DatabaseModule.forRoot({ migrationsRun: true }),
    UsersModule,
    AuditModule,
    TelephonyModule,
    SessionModule,
    VerificationModule,
    AuthModule,
    AdminModule,
    AccountModule,
    HealthModule,
    WebClientModule,
    DemoModule,
  ],
})
export class AppModule {}
