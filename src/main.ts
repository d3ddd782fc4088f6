import 'reflect-metadata';
import { readAppConfig } from './config/app.config.js';
import { assertValidConfiguration } from './config/configuration.js';
import { loadEnvFile } from './config/load-env-file.js';
import { InvalidConfigurationError } from './config/validate-environment.js';

loadEnvFile();
try {
  assertValidConfiguration(process.env);
} catch (error) {
  if (!(error instanceof InvalidConfigurationError)) throw error;
  for (const problem of error.problems)
    process.stderr.write(`callgate: configuration error: ${problem}\n`);
  process.exit(1);
}

// Loaded only once the configuration is known to be good, so a mistake is reported at once.
const { createApp } = await import('./app.factory.js');
const { createLogger } = await import('./logger.js');
const { printStartupBanner } = await import('./startup-banner.js');
const { HttpDrain } = await import('./shutdown/http-drain.js');
const { shutDownGracefully } = await import('./shutdown/graceful-shutdown.js');

const appConfig = readAppConfig(process.env);
const logger = createLogger(appConfig);
let app: Awaited<ReturnType<typeof createApp>>;
let drain: InstanceType<typeof HttpDrain>;
try {
  app = await createApp(logger);
  drain = new HttpDrain(app.getHttpServer());
  await app.listen(appConfig.port);
} catch (error) {
  // An unreachable database or Redis, a port in use: one line an operator can act on.
  process.stderr.write(`callgate: could not start: ${(error as Error).message ?? String(error)}\n`);
  process.exit(1);
}
await printStartupBanner(app);

// Stop accepting, send sockets elsewhere, finish requests under way, close the modules
// (timers, database, Redis), exit 0. A second signal ends the process at once.
let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    void shutDownGracefully(app, drain, logger).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ msg: 'shutdown failed', reason: String(error) }, 'Shutdown');
        process.exit(1);
      },
    );
  });
}
