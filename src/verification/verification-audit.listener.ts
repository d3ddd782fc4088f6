import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { AuditService } from '../audit/audit.service.js';
import {
  type CallPlacedEvent,
  ChallengeEvent,
  type ChallengeStartedEvent,
  type FailedEvent,
  type VerifiedEvent,
} from './challenge-events.js';
import type { ChallengePurpose } from './challenge-states.js';

/** Writes the audit trail of every challenge: started, call placed, verified, failed. */
@Injectable()
export class VerificationAuditListener {
  constructor(private readonly audit: AuditService) {}

  /** Enrollment calls are audited by whoever asked for them (PhoneActions), with that actor. */
  @OnEvent(ChallengeEvent.Started, { async: true, promisify: true })
  async onStarted({ userId, challenge }: ChallengeStartedEvent): Promise<void> {
    if (challenge.purpose !== 'login') return;
    await this.audit.record({
      actor: userId,
      action: 'second-factor.started',
      subject: userId,
      detail: { challengeId: challenge.id, phone: challenge.phone },
    });
  }

  @OnEvent(ChallengeEvent.CallPlaced, { async: true, promisify: true })
  onCallPlaced({ userId, challengeId, callSid, ordinal }: CallPlacedEvent): Promise<void> {
    return this.audit.record({
      actor: 'system',
      action: 'call.placed',
      subject: userId,
      detail: { challengeId, callSid, ordinal },
    });
  }

  @OnEvent(ChallengeEvent.Verified, { async: true, promisify: true })
  onVerified({ userId, purpose, payload }: VerifiedEvent): Promise<void> {
    return this.audit.record({
      actor: outcomeActor(purpose, userId),
      action: purpose === 'login' ? 'second-factor.verified' : 'phone.verified',
      subject: userId,
      detail: { challengeId: payload.challengeId },
    });
  }

  @OnEvent(ChallengeEvent.Failed, { async: true, promisify: true })
  onFailed({ userId, purpose, payload }: FailedEvent): Promise<void> {
    return this.audit.record({
      actor: outcomeActor(purpose, userId),
      action: purpose === 'login' ? 'second-factor.failed' : 'phone.verification-failed',
      subject: userId,
      detail: { challengeId: payload.challengeId, reason: payload.reason },
    });
  }
}

/**
 * A sign-in's outcome is the user's doing. An enrollment call's is whoever held the phone:
 * not necessarily its future owner, so the carrier is named (the owner is the subject).
 */
function outcomeActor(purpose: ChallengePurpose, userId: string): string {
  return purpose === 'login' ? userId : 'carrier';
}
