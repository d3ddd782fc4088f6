import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { configurationAreas } from '../config/configuration.js';
import { DatabaseModule } from '../database/database.module.js';
import { UsersModule } from '../users/users.module.js';

/** Just enough of the application for operator commands: configuration, database, users. */
@Module({})
export class CliModule {
  static forCommand({ migrationsRun }: { migrationsRun: boolean }): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: configurationAreas }),
        DatabaseModule.forRoot({ migrationsRun }),
        UsersModule,
      ],
    };
  }
}
