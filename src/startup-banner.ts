import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from './config/configuration.js';
import { DemoSeeder } from './demo/demo-seeder.js';

/** What a person who just ran `npm start` needs to know, printed once the server listens. */
export async function printStartupBanner(app: INestApplication): Promise<void> {
  const config = app.get<ConfigService<Configuration, true>>(ConfigService);
  const { publicBaseUrl } = config.get('app', { infer: true });
  const { driver } = config.get('telephony', { infer: true });
  const lines = [``, `  Callgate is running at ${publicBaseUrl}`, ``];
  if (driver === 'simulated') {
    lines.push(
      `  Carrier: simulated. Answer the calls on the virtual phone: ${publicBaseUrl}/phone`,
    );
    const demo = await app.get(DemoSeeder).usableAccounts();
    if (demo.length > 0) {
      lines.push(``, `  Demo sign-ins (each phone rings on the virtual phone):`);
      for (const account of demo) {
        lines.push(
          `    ${account.username} / ${account.password}   (${account.role}, phone ${account.phone})`,
        );
      }
    }
  } else {
    lines.push(`  Carrier: Twilio`);
  }
  lines.push(``, `  API documentation: ${publicBaseUrl}/api/docs`, ``);
  process.stdout.write(`${lines.join('\n')}\n`);
}
