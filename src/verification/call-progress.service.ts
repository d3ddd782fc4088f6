import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { type CallProgressEvent, ChallengeEvent } from './challenge-events.js';
import {
  CALL_PROGRESS,
  type CallProgress,
  callProgressFromCarrier,
  progressesFrom,
  UNREACHABLE_CALL_OUTCOMES,
} from './challenge-states.js';
import { ChallengeTermination } from './challenge-termination.service.js';
import { ChallengeRepository } from './challenge.repository.js';

/**
 * The carrier's status callbacks: tells the browser how the call is going, once per step,
 * and ends the challenge when nobody can type any more (busy, no answer, hung up).
 */
@Injectable()
export class CallProgressTracker {
  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly termination: ChallengeTermination,
    private readonly events: EventEmitter2,
  ) {}

  async report(challengeId: string, callSid: string, carrierStatus: string): Promise<void> {
    const progress = callProgressFromCarrier(carrierStatus);
    const challenge = await this.challenges.findById(challengeId);
    if (!progress || !challenge) return;
    if (challenge.callSid !== callSid && !(await this.challenges.bindCall(challengeId, callSid))) {
      return; // a report about some other call
    }
    challenge.callSid = callSid;
    const earlier = CALL_PROGRESS.filter(
      (step) => step !== progress && progressesFrom(step, progress),
    );
    if (await this.challenges.recordCallProgress(challengeId, progress, earlier)) {
      this.announce(challenge.sessionBinding, challenge.userId, challengeId, progress);
    }
    if (UNREACHABLE_CALL_OUTCOMES.includes(progress)) {
      await this.termination.end(challenge, 'call-failed', { hangUp: false });
    } else if (progress === 'completed') {
      // Over while the code was still owed: the caller hung up.
      await this.termination.end(challenge, 'hung-up', { hangUp: false });
    }
  }

  private announce(
    binding: string,
    userId: string,
    challengeId: string,
    status: CallProgress,
  ): void {
    const event: CallProgressEvent = { binding, userId, payload: { challengeId, status } };
    this.events.emit(ChallengeEvent.CallProgress, event);
  }
}
