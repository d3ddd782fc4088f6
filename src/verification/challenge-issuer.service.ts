import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Configuration } from '../config/configuration.js';
import type { VerificationConfig } from '../config/verification.config.js';
import { CallBudget } from '../rate-limit/call-budget.js';
import { CallPlacementError, TelephonyProvider } from '../telephony/telephony-provider.js';
import type { PhoneNumber } from '../users/entities/phone-number.entity.js';
import { maskPhoneNumber } from '../users/mask-phone-number.js';
import { PhoneNumberPolicy, PhoneNumberRejected } from '../users/phone-number-policy.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import {
  type CallPlacedEvent,
  ChallengeEvent,
  type ChallengeStartedEvent,
} from './challenge-events.js';
import { type ChallengePurpose, isActive, isRetryable } from './challenge-states.js';
import { ChallengeTermination } from './challenge-termination.service.js';
import { type ChallengeWithCode, snapshotOf, withCode } from './challenge-view.js';
import { ChallengeRepository } from './challenge.repository.js';
import { DigitHasher } from './code/digit-hasher.js';
import { generateCode } from './code/generate-code.js';
import { Challenge } from './entities/challenge.entity.js';
import {
  CallCooldownError,
  CallLimitReachedError,
  ChallengeAlreadyVerifiedError,
  ChallengeNotFoundError,
  ChallengeOverError,
  PhoneUnavailableError,
} from './verification.errors.js';
import { WebhookUrls } from './webhook-urls.js';

export interface ChallengeRequest {
  userId: string;
  phone: PhoneNumber;
  purpose: ChallengePurpose;
  /** The browser session that will watch it (its socket room). */
  binding: string;
  /** The client address that asked, counted by the hourly call limits. */
  clientIp?: string | null;
}

export interface IssuedChallenge {
  challenge: Challenge;
  /** Returned once, to be shown to the session that asked; never stored in clear. */
  code: string;
  view: ChallengeWithCode;
}

/** How long a phone may ring before the carrier reports `no-answer`. */
const RING_TIMEOUT_SECONDS = 30;

/** Creates challenges with fresh codes and places the call for each. */
@Injectable()
export class ChallengeIssuer {
  private readonly logger = new Logger(ChallengeIssuer.name);
  private readonly settings: VerificationConfig;

  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly hasher: DigitHasher,
    private readonly telephony: TelephonyProvider,
    private readonly urls: WebhookUrls,
    private readonly termination: ChallengeTermination,
    private readonly phones: PhoneNumbersService,
    private readonly policy: PhoneNumberPolicy,
    private readonly budget: CallBudget,
    private readonly events: EventEmitter2,
    config: ConfigService<Configuration, true>,
  ) {
    this.settings = config.get('verification', { infer: true });
  }

  /**
   * Throws PhoneUnavailableError when the number may not be called (any more) and
   * CallBudgetExceededError past the hourly call limits; either way nothing is created.
   */
  async issue(request: ChallengeRequest): Promise<IssuedChallenge> {
    await this.clearToCall(request);
    return this.create(request, 1);
  }

  /**
   * "Call me again": a new call with a new code, for a challenge whose call failed or is
   * still running, within the cooldown and the per-sign-in call limit.
   */
  async callAgain(
    previousId: string,
    binding: string,
    clientIp?: string | null,
  ): Promise<IssuedChallenge> {
    const previous = await this.challenges.findById(previousId);
    if (!previous || previous.sessionBinding !== binding) throw new ChallengeNotFoundError();
    if (previous.status === 'verified') throw new ChallengeAlreadyVerifiedError();
    if (!isActive(previous.status) && !isRetryable(previous.failureReason)) {
      throw new ChallengeOverError(previous.failureReason ?? previous.status);
    }
    const waitMs =
      previous.createdAt.getTime() + this.settings.callRetryCooldownSeconds * 1000 - Date.now();
    if (waitMs > 0) throw new CallCooldownError(Math.ceil(waitMs / 1000));
    if (previous.callsPlaced >= this.settings.maxCallsPerSignIn) {
      throw new CallLimitReachedError(this.settings.maxCallsPerSignIn);
    }
    const phone = await this.phones.findById(previous.phoneNumberId);
    if (!phone || phone.userId !== previous.userId) throw new PhoneUnavailableError();
    const request = {
      userId: previous.userId,
      phone,
      purpose: previous.purpose,
      binding,
      clientIp,
    };
    await this.clearToCall(request);
    if (isActive(previous.status)) {
      const superseded = await this.termination.end(previous, 'superseded', { hangUp: true });
      // It ended some other way while we looked: decide again on what it became (the
      // call counted above was not placed; the budget errs on the side of fewer calls).
      if (!superseded) return this.callAgain(previousId, binding, clientIp);
    }
    return this.create(request, previous.callsPlaced + 1);
  }

  /**
   * Every call is checked here, where calls are placed (toll fraud): the number must still
   * pass the phone-number rules (the allow-list may have changed since it was stored, or
   * older data may hold a premium-rate number), then the hourly limits must allow it.
   */
  private async clearToCall(request: ChallengeRequest): Promise<void> {
    try {
      this.policy.normalize(request.phone.e164);
    } catch (error) {
      if (!(error instanceof PhoneNumberRejected)) throw error;
      this.logger.warn({
        msg: 'call refused: number not allowed',
        phone: maskPhoneNumber(request.phone.e164),
        reason: error.message,
      });
      throw new PhoneUnavailableError();
    }
    await this.budget.spend({
      userId: request.userId,
      number: request.phone.e164,
      clientIp: request.clientIp,
    });
  }

  private async create(request: ChallengeRequest, callsPlaced: number): Promise<IssuedChallenge> {
    const now = new Date();
    const code = generateCode(this.settings.codeLength);
    const challenge = Object.assign(new Challenge(), {
      id: randomUUID(),
      userId: request.userId,
      phoneNumberId: request.phone.id,
      purpose: request.purpose,
      sessionBinding: request.binding,
      length: code.length,
      digitsEntered: 0,
      status: 'pending',
      failureReason: null,
      callSid: null,
      callStatus: null,
      callsPlaced,
      expiresAt: new Date(now.getTime() + this.settings.challengeTtlSeconds * 1000),
      createdAt: now,
    } satisfies Omit<Challenge, 'digitHashes'>);
    challenge.digitHashes = this.hasher.hashCode(challenge.id, code);
    await this.challenges.insert(challenge);

    const maskedPhone = maskPhoneNumber(request.phone.e164);
    const started: ChallengeStartedEvent = {
      binding: request.binding,
      userId: request.userId,
      challenge: snapshotOf(challenge, maskedPhone),
    };
    this.events.emit(ChallengeEvent.Started, started);
    await this.dial(challenge, request.phone.e164);
    return { challenge, code, view: withCode(challenge, code, maskedPhone) };
  }

  private async dial(challenge: Challenge, to: string): Promise<void> {
    if (await this.challenges.markCalling(challenge.id)) challenge.status = 'calling';
    try {
      const { callSid } = await this.telephony.placeCall({
        to,
        answerUrl: this.urls.answer(challenge.id),
        statusCallbackUrl: this.urls.status(challenge.id),
        ringTimeoutSeconds: RING_TIMEOUT_SECONDS,
      });
      if (await this.challenges.bindCall(challenge.id, callSid)) challenge.callSid = callSid;
      this.logger.log({ msg: 'challenge call placed', challengeId: challenge.id, callSid });
      const placed: CallPlacedEvent = {
        binding: challenge.sessionBinding,
        userId: challenge.userId,
        challengeId: challenge.id,
        callSid,
        ordinal: challenge.callsPlaced,
      };
      this.events.emit(ChallengeEvent.CallPlaced, placed);
    } catch (error) {
      if (!(error instanceof CallPlacementError)) throw error;
      this.logger.warn({
        msg: 'call not placed',
        challengeId: challenge.id,
        reason: error.message,
      });
      await this.termination.end(challenge, 'call-failed', { hangUp: false });
      challenge.status = 'failed';
      challenge.failureReason = 'call-failed';
    }
  }
}
