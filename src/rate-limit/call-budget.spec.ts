import { ConfigService } from '@nestjs/config';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { CallBudget, CallBudgetExceededError } from './call-budget.js';

describe('CallBudget', () => {
  let storage: ThrottlerStorageService;
  let budget: CallBudget;

  beforeEach(() => {
    storage = new ThrottlerStorageService();
    budget = new CallBudget(storage, new ConfigService({ limits: { callsPerHour: 2 } }));
  });

  afterEach(() => storage.onApplicationShutdown());

  async function refusal(parties: Parameters<CallBudget['spend']>[0]) {
    try {
      await budget.spend(parties);
    } catch (error) {
      if (error instanceof CallBudgetExceededError) return error;
      throw error;
    }
    throw new Error('expected the call to be refused');
  }

  it('counts calls to one number whoever they are for and whoever asks', async () => {
    await budget.spend({ userId: 'user-a', number: '+12025550100', clientIp: '10.0.0.1' });
    await budget.spend({ userId: 'user-b', number: '+12025550100', clientIp: '10.0.0.2' });
    const refused = await refusal({
      userId: 'user-c',
      number: '+12025550100',
      clientIp: '10.0.0.3',
    });
    expect(refused.scope).toBe('number');
    expect(refused.retryAfterSeconds).toBeGreaterThan(59 * 60);
  });

  it('counts calls for one user, and from one address, each on its own', async () => {
    await budget.spend({ userId: 'user-a', number: '+12025550101', clientIp: '10.0.1.1' });
    await budget.spend({ userId: 'user-a', number: '+12025550102', clientIp: '10.0.1.2' });
    expect(
      (await refusal({ userId: 'user-a', number: '+12025550103', clientIp: '10.0.1.3' })).scope,
    ).toBe('user');

    await budget.spend({ userId: 'user-x', number: '+12025550104', clientIp: '10.0.2.1' });
    await budget.spend({ userId: 'user-y', number: '+12025550105', clientIp: '10.0.2.1' });
    expect(
      (await refusal({ userId: 'user-z', number: '+12025550106', clientIp: '10.0.2.1' })).scope,
    ).toBe('client address');
  });

  it('stops counting at a refused address, so a flood cannot use up its target’s budget', async () => {
    await budget.spend({ userId: 'victim', number: '+12025550107', clientIp: '10.0.3.1' });
    await budget.spend({ userId: 'other', number: '+12025550108', clientIp: '10.0.3.1' });
    for (let attempt = 0; attempt < 5; attempt++) {
      await refusal({ userId: 'victim', number: '+12025550107', clientIp: '10.0.3.1' });
    }
    // The victim's own sign-in from elsewhere still gets its call.
    await expect(
      budget.spend({ userId: 'victim', number: '+12025550107', clientIp: '10.0.4.1' }),
    ).resolves.toBeUndefined();
  });
});
