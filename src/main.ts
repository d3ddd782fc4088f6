import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { readAppConfig } from './config/app.config.js';
import { assertValidConfiguration } from './config/configuration.js';
import { loadEnvFile } from './config/load-env-file.js';
import { InvalidConfigurationError } from './config/validate-environment.js';
import { createLogger } from './logger.js';
import { printStartupBanner } from './startup-banner.js';

loadEnvFile();
try {
  assertValidConfiguration(process.env);
} catch (error) {
  if (!(error instanceof InvalidConfigurationError)) throw error;
  for (const problem of error.problems) process.stderr.write(`callgate: configuration error: ${problem}\n`);
  process.exit(1);
}

const appConfig = readAppConfig(process.env);
const app = await createApp(createLogger(appConfig));
await app.listen(appConfig.port);
await printStartupBanner(app);
