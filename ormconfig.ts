// The DataSource the TypeORM CLI uses (`npm run typeorm -- migration:show`); the server and
// `npm run cli -- migrate` build theirs from the same options.
import { DataSource } from 'typeorm';
import { readDatabaseConfig } from './src/config/database.config.js';
import { loadEnvFile } from './src/config/load-env-file.js';
import { buildDataSourceOptions } from './src/database/data-source-options.js';

loadEnvFile();

export default new DataSource(buildDataSourceOptions(readDatabaseConfig(process.env)));
