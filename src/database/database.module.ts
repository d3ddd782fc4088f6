import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Configuration } from '../config/configuration.js';
import { buildDataSourceOptions } from './data-source-options.js';

@Module({})
export class DatabaseModule {
  /**
   * @param migrationsRun apply pending migrations while connecting: the server does (so a
   *   fresh clone just runs); `cli migrate` does not, so it can report what it applied.
   */
  static forRoot({ migrationsRun }: { migrationsRun: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<Configuration, true>) => ({
            ...buildDataSourceOptions(config.get('database', { infer: true })),
            migrationsRun,
          }),
        }),
      ],
    };
  }
}
