import { migrations } from '../src/database/migrations.js';
import { freshDatabaseUrl, runCli, strongSecret } from './support/processes.js';

describe('the command line', () => {
  const env = () => ({
    DATABASE_URL: freshDatabaseUrl(),
    SESSION_SECRET: strongSecret(),
    TELEPHONY_DRIVER: 'simulated',
  });

  it('migrate applies the schema once, then reports it up to date', () => {
    const settings = env();
    const first = runCli(['migrate'], settings);
    const names = migrations.map((migration) => new migration().name);
    expect(names[0]).toBe('InitialSchema1764100000000');
    expect(first).toMatchObject({ status: 0, stdout: `applied: ${names.join(', ')}\n` });
    const second = runCli(['migrate'], settings);
    expect(second).toMatchObject({ status: 0, stdout: 'database is up to date\n' });
  });

  it('users:create makes a user with a verified phone and prints its id; users:list shows it', () => {
    const settings = env();
    const created = runCli(
      [
        'users:create',
        '--username',
        'Erin',
        '--password',
        'erin-password-123',
        '--phone',
        '+1 (202) 555-0177',
        '--admin',
      ],
      settings,
    );
    expect(created.status).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = runCli(['users:list'], settings);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toBe(`${id}  Erin  admin  phones=1 verified=1\n`);
  });

  describe('users:create refusals', () => {
    const settings = env();
    let before: string;

    beforeAll(() => {
      const existing = [
        '--username',
        'dup',
        '--password',
        'long-enough-password',
        '--phone',
        '+12025550170',
      ];
      expect(runCli(['users:create', ...existing], settings).status).toBe(0);
      before = runCli(['users:list'], settings).stdout;
    });

    it.each([
      [
        ['--username', 'dup', '--password', 'long-enough-password', '--phone', '+12025550178'],
        'callgate: That username is already taken',
      ],
      [
        ['--username', 'DUP', '--password', 'long-enough-password', '--phone', '+12025550178'],
        'callgate: That username is already taken',
      ],
      [
        ['--username', 'frank', '--password', 'long-enough-password', '--phone', '555-0100'],
        'callgate: --phone must be in international form',
      ],
      [
        ['--username', 'frank', '--password', 'long-enough-password', '--phone', '+19005550100'],
        'callgate: --phone is a premium-rate or shared-cost number',
      ],
      [
        ['--username', 'frank', '--password', 'short', '--phone', '+12025550179'],
        'callgate: A password is 12 to 128 characters',
      ],
      [
        ['--username', 'a b', '--password', 'long-enough-password', '--phone', '+12025550179'],
        'callgate: A username is 3 to 64',
      ],
      [['--username', 'frank', '--phone', '+12025550179'], 'callgate: --password is required'],
      [
        [
          '--username',
          'frank',
          '--password',
          'long-enough-password',
          '--phone',
          '+12025550179',
          '--bogus',
        ],
        "callgate: Unknown option '--bogus'",
      ],
    ])('%j fails with one line and changes nothing', (args, message) => {
      const result = runCli(['users:create', ...args], settings);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(message);
      expect(runCli(['users:list'], settings).stdout).toBe(before);
    });
  });

  it('an unknown command fails with a hint', () => {
    const result = runCli(['users:delete'], env());
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('callgate: unknown command "users:delete" (try --help)');
  });

  it('--help prints the usage', () => {
    const result = runCli(['--help'], env());
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'users:create --username NAME --password PW --phone +E164 [--admin]',
    );
  });
});
