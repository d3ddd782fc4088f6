import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AuditService } from '../audit/audit.service.js';
import { UsersService } from '../users/users.service.js';
import { ChallengeEvent, type FailedEvent } from './challenge-events.js';

/**
 * `*` on the keypad means "I did not try to sign in": someone else has the password. The
 * account stays locked until an admin unlocks it (DESIGN §7.6).
 */
@Injectable()
export class FraudReportListener {
  private readonly logger = new Logger(FraudReportListener.name);

  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @OnEvent(ChallengeEvent.Failed, { async: true, promisify: true })
  async onFailed(event: FailedEvent): Promise<void> {
    if (event.payload.reason !== 'reported-fraud' || event.purpose !== 'login') return;
    await this.users.lockUntilUnlocked(event.userId);
    this.logger.warn({ msg: 'fraud reported on call; account locked', userId: event.userId });
    await this.audit.record({
      actor: 'carrier',
      action: 'account.locked',
      subject: event.userId,
      detail: { reason: 'reported-fraud', challengeId: event.payload.challengeId },
    });
  }
}
