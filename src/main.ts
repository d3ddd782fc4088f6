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

const appConfig = readAppConfig(process.env);
const app = await createApp(createLogger(appConfig));
await app.listen(appConfig.port);
await printStartupBanner(app);

// Stop taking requests, let the modules close (sockets, timers, database), then exit 0.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
