import { registerAs } from '@nestjs/config';
import { IsOptional, Matches } from 'class-validator';
import { type RawEnvironment, validateEnvironment } from './validate-environment.js';

class RedisEnvironment {
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;
}

export interface RedisConfig {
  /** Unset on a single instance: sockets, sessions and counters stay local. */
  url?: string;
}

export function readRedisConfig(raw: RawEnvironment): RedisConfig {
  return { url: validateEnvironment(RedisEnvironment, raw).REDIS_URL };
}

export const redisConfig = registerAs('redis', () => readRedisConfig(process.env));
