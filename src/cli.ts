import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { CommandError } from './cli/command-error.js';
import { assertValidConfiguration } from './config/configuration.js';
import { loadEnvFile } from './config/load-env-file.js';
import { InvalidConfigurationError } from './config/validate-environment.js';

const USAGE = `Usage: node dist/cli.js <command> [options]

Commands:
  users:create --username NAME --password PW --phone +E164 [--admin]
                 create a user whose phone is marked verified; prints the user id
  users:list     one line per user
  migrate        apply pending database migrations`;

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === 'help') {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  if (!['users:create', 'users:list', 'migrate'].includes(command)) {
    throw new CommandError(`unknown command "${command}" (try --help)`);
  }
  const options = parseOptions(command, rest);
  loadEnvFile();
  assertValidConfiguration(process.env);
  // The framework loads only for a well-formed command.
  const { NestFactory } = await import('@nestjs/core');
  const { CliModule } = await import('./cli/cli.module.js');
  const { createUser, listUsers, migrate } = await import('./cli/commands.js');
  const app = await NestFactory.createApplicationContext(
    CliModule.forCommand({ migrationsRun: command !== 'migrate' }),
    { logger: ['error'], abortOnError: false },
  );
  try {
    if (command === 'users:create') console.log(await createUser(app, options as never));
    if (command === 'users:list') (await listUsers(app)).forEach((line) => console.log(line));
    if (command === 'migrate') {
      const applied = await migrate(app);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
    }
    return 0;
  } finally {
    await app.close();
  }
}

function parseOptions(command: string, args: string[]) {
  if (command !== 'users:create') {
    if (args.length > 0) throw new CommandError(`${command} takes no options`);
    return {};
  }
  let values;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        phone: { type: 'string' },
        admin: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new CommandError((error as Error).message);
  }
  for (const name of ['username', 'password', 'phone'] as const) {
    if (!values[name]) throw new CommandError(`--${name} is required`);
  }
  return values;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof InvalidConfigurationError) {
    error.problems.forEach((problem) => console.error(`callgate: configuration error: ${problem}`));
  } else {
    // Operators get one line they can act on (taken username, bad number…), not a stack.
    console.error(`callgate: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
}
