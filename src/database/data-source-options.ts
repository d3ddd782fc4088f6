import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/database.config.js';
import { entities } from './entities.js';
import { migrations } from './migrations.js';
import { quietSqlite3 } from './quiet-sqlite3.js';
import { keepTimestampsInUtc } from './postgres-utc.js';

/**
 * The one description of the database, shared by the server, the command line and the
 * TypeORM CLI (`ormconfig.ts`). Schema changes go through migrations only.
 */
export function buildDataSourceOptions(config: DatabaseConfig): DataSourceOptions {
  const common = {
    entities,
    migrations,
    synchronize: false,
    migrationsTableName: 'migrations',
    logging: ['error' as const],
  };
  if (config.type === 'postgres') {
    keepTimestampsInUtc();
    return { ...common, type: 'postgres', url: config.url };
  }
  if (config.database !== ':memory:') {
    mkdirSync(dirname(config.database), { recursive: true });
  }
  return {
    ...common,
    type: 'sqlite',
    driver: quietSqlite3,
    database: config.database,
    // WAL lets readers proceed while a webhook writes; the timeout rides out brief locks.
    enableWAL: config.database !== ':memory:',
    busyTimeout: 5000,
  };
}
