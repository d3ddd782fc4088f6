import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { TelephonyProvider } from '../telephony/telephony-provider.js';
import { ChallengeEvent, type FailedEvent } from './challenge-events.js';
import type { FailureReason } from './challenge-states.js';
import { ChallengeRepository } from './challenge.repository.js';
import type { Challenge } from './entities/challenge.entity.js';

/** Ends challenges that did not succeed, once, and tells whoever is listening. */
@Injectable()
export class ChallengeTermination {
  private readonly logger = new Logger(ChallengeTermination.name);

  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly telephony: TelephonyProvider,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Ends an active challenge. Returns false when something else ended it first; then
   * nothing is announced, so the browser never hears two endings.
   */
  async end(
    challenge: Challenge,
    reason: FailureReason,
    options: { hangUp: boolean },
  ): Promise<boolean> {
    if (!(await this.challenges.end(challenge.id, reason))) return false;
    this.announceEnded(challenge, reason);
    if (options.hangUp && challenge.callSid) await this.hangUp(challenge.callSid);
    return true;
  }

  /** For an ending already written by a caller's own conditional update. */
  announceEnded(challenge: Challenge, reason: FailureReason): void {
    this.logger.log({ msg: 'challenge ended', challengeId: challenge.id, reason });
    const event: FailedEvent = {
      binding: challenge.sessionBinding,
      userId: challenge.userId,
      purpose: challenge.purpose,
      payload: { challengeId: challenge.id, reason },
    };
    this.events.emit(ChallengeEvent.Failed, event);
  }

  private async hangUp(callSid: string): Promise<void> {
    try {
      await this.telephony.endCall(callSid);
    } catch (error) {
      this.logger.warn({ msg: 'could not end call', callSid, reason: String(error) });
    }
  }
}
