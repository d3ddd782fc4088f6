import { DEFAULT_DATABASE_URL, readDatabaseConfig } from './database.config.js';
import { problemsOf } from '../../test/support/configuration-problems.js';

describe('readDatabaseConfig', () => {
  it('uses a SQLite file under data/ by default', () => {
    expect(DEFAULT_DATABASE_URL).toBe('sqlite:data/callgate.sqlite');
    expect(readDatabaseConfig({})).toEqual({ type: 'sqlite', database: 'data/callgate.sqlite' });
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(readDatabaseConfig({ DATABASE_URL: '' })).toEqual(readDatabaseConfig({}));
  });

  it('reads a SQLite path', () => {
    expect(readDatabaseConfig({ DATABASE_URL: 'sqlite:/var/lib/callgate/db.sqlite' })).toEqual({
      type: 'sqlite',
      database: '/var/lib/callgate/db.sqlite',
    });
  });

  it('reads an in-memory SQLite database', () => {
    expect(readDatabaseConfig({ DATABASE_URL: 'sqlite::memory:' })).toEqual({
      type: 'sqlite',
      database: ':memory:',
    });
  });

  it.each(['postgres://callgate:pw@db:5432/callgate', 'postgresql://callgate:pw@db/callgate'])(
    'keeps the PostgreSQL URL %s whole',
    (url) => {
      expect(readDatabaseConfig({ DATABASE_URL: url })).toEqual({ type: 'postgres', url });
    },
  );

  it.each([
    'mysql://callgate:hunter2-db-pass@db/callgate',
    'sqlite:',
    'postgres://',
    'hunter2-db-pass',
  ])('refuses DATABASE_URL=%j without echoing it', (url) => {
    const problems = problemsOf(() => readDatabaseConfig({ DATABASE_URL: url }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^DATABASE_URL must be/);
    expect(problems[0]).not.toContain('hunter2');
    expect(problems[0]).not.toContain('got');
  });
});
