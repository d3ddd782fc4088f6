import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { ChallengeTermination } from './challenge-termination.service.js';
import { ChallengeRepository } from './challenge.repository.js';

const SWEEP_EVERY_MS = 1000;
const SWEEP_BATCH = 200;

/**
 * Ends challenges whose time is up, hanging up their calls, so the browser hears `expired`
 * when its countdown reaches zero even if the phone never answered. Safe on many
 * instances: each ending is a conditional update, so only one instance announces it.
 */
@Injectable()
export class ChallengeExpiry implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ChallengeExpiry.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly termination: ChallengeTermination,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  /** Lets a sweep under way finish before the database closes. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  sweep(now = new Date()): Promise<number> {
    this.running ??= this.endDue(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async endDue(now: Date): Promise<number> {
    try {
      const due = await this.challenges.findExpiring(now, SWEEP_BATCH);
      let ended = 0;
      for (const challenge of due) {
        if (await this.termination.end(challenge, 'expired', { hangUp: true })) ended++;
      }
      return ended;
    } catch (error) {
      this.logger.error({ msg: 'expiry sweep failed', reason: String(error) });
      return 0;
    }
  }
}
