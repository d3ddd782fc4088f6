import { registerAs } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { type RawEnvironment, validateEnvironment } from './validate-environment.js';

class DatabaseEnvironment {
  @IsOptional()
  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'must be sqlite:PATH, sqlite::memory: or postgres://USER:PASSWORD@HOST/DB',
  })
  DATABASE_URL?: string;
}

export type DatabaseConfig =
  | { type: 'sqlite'; /** a file path, or ":memory:" */ database: string }
  | { type: 'postgres'; url: string };

export const DEFAULT_DATABASE_URL = 'sqlite:data/callgate.sqlite';

export function readDatabaseConfig(raw: RawEnvironment): DatabaseConfig {
  const url = validateEnvironment(DatabaseEnvironment, raw).DATABASE_URL ?? DEFAULT_DATABASE_URL;
  if (url.startsWith('sqlite:')) {
    return { type: 'sqlite', database: url.slice('sqlite:'.length) };
  }
  return { type: 'postgres', url };
}

export const databaseConfig = registerAs('database', () => readDatabaseConfig(process.env));
