import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { Configuration } from '../config/configuration.js';
import { buildDataSourceOptions } from './data-source-options.js';
import { relaxSqliteSync } from './sqlite-synchronous.js';

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
          dataSourceFactory: async (options?: DataSourceOptions) => {
            const dataSource = await new DataSource(options!).initialize();
            await relaxSqliteSync(dataSource);
            return dataSource;
          },
        }),
      ],
    };
  }
}
