import { readRedisConfig } from './redis.config.js';
import { problemsOf } from '../../test/support/configuration-problems.js';

describe('readRedisConfig', () => {
  it('leaves Redis unconfigured by default', () => {
    expect(readRedisConfig({})).toEqual({ url: undefined });
  });

  it('treats an empty REDIS_URL as unset', () => {
    expect(readRedisConfig({ REDIS_URL: '' })).toEqual({ url: undefined });
  });

  it.each(['redis://:pw@cache:6379/0', 'rediss://cache.example.com:6380'])('reads %s', (url) => {
    expect(readRedisConfig({ REDIS_URL: url })).toEqual({ url });
  });

  it.each(['http://:hunter2-redis@cache:6379', 'cache:6379', 'redis://'])(
    'refuses REDIS_URL=%j without echoing it',
    (url) => {
      const problems = problemsOf(() => readRedisConfig({ REDIS_URL: url }));
      expect(problems).toEqual(['REDIS_URL must be a redis:// or rediss:// URL']);
      expect(problems.join('\n')).not.toContain('hunter2');
    },
  );
});
