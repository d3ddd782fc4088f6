import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import { VirtualPhoneBook } from '../telephony/simulated/virtual-phone-book.js';
import { PasswordHasher } from '../users/password-hasher.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { UsersService } from '../users/users.service.js';
import { DEMO_ACCOUNTS, type DemoAccount } from './demo-accounts.js';

/** Fills an empty development database with the demo accounts. */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeeder.name);
  private readonly simulated: boolean;

  constructor(
    private readonly users: UsersService,
    private readonly phones: PhoneNumbersService,
    private readonly hasher: PasswordHasher,
    private readonly phoneBook: VirtualPhoneBook,
    config: ConfigService<Configuration, true>,
  ) {
    this.simulated = config.get('telephony', { infer: true }).driver === 'simulated';
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.simulated) return;
    if ((await this.users.count()) === 0) await this.seed();
    await this.listDemoPhones();
  }

  private async seed(): Promise<void> {
    for (const account of DEMO_ACCOUNTS) {
      const user = await this.users.create(account);
      await this.phones.add({
        userId: user.id,
        number: account.phone,
        label: 'Virtual phone',
        verified: true,
      });
    }
    this.logger.log({
      msg: 'demo accounts created',
      usernames: DEMO_ACCOUNTS.map((a) => a.username),
    });
  }

  /** Offers the demo accounts' phones on the virtual phone page while those accounts exist. */
  private async listDemoPhones(): Promise<void> {
    for (const account of DEMO_ACCOUNTS) {
      if (await this.users.findByUsername(account.username)) {
        this.phoneBook.list(account.phone, `${account.username}'s phone (demo)`);
      }
    }
  }

  /** The demo accounts that still exist with their demo password, for the start-up banner. */
  async usableAccounts(): Promise<DemoAccount[]> {
    if (!this.simulated) return [];
    const usable: DemoAccount[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const user = await this.users.findByUsername(account.username);
      if (user && (await this.hasher.verify(user.passwordHash, account.password)))
        usable.push(account);
    }
    return usable;
  }
}
