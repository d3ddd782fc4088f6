import { randomBytes } from 'node:crypto';
import {
  ConflictException,
  ForbiddenException,
  Injectable,
  Logger,
  UnauthorizedException,
} from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { CallBudgetExceededError } from '../rate-limit/call-budget.js';
import { type SessionEndedEvent, SessionEvent } from '../session/session-events.js';
import type { User } from '../users/entities/user.entity.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { UsersService } from '../users/users.service.js';
import { ChallengeIssuer, type IssuedChallenge } from '../verification/challenge-issuer.service.js';
import { ChallengeReader } from '../verification/challenge-reader.service.js';
import type { ChallengeWithCode } from '../verification/challenge-view.js';
import { CodeSealer } from '../verification/code/code-sealer.js';
import {
  CallCooldownError,
  CallLimitReachedError,
  ChallengeAlreadyVerifiedError,
  ChallengeNotFoundError,
  ChallengeOverError,
  PhoneUnavailableError,
} from '../verification/verification.errors.js';
import { accountLocked, TooManyCallsException } from './auth-errors.js';
import { type SessionState, summarize } from './auth-responses.js';
import { destroySession, logIn, regenerateSession, saveSession } from './session-control.js';

/**
 * The sign-in as a browser session lives it: password accepted → second factor pending
 * (a call placed, the code kept sealed in the session) → signed in, with a new session id
 * at each step up.
 */
@Injectable()
export class SignInService {
  private readonly logger = new Logger(SignInService.name);

  constructor(
    private readonly phones: PhoneNumbersService,
    private readonly users: UsersService,
    private readonly issuer: ChallengeIssuer,
    private readonly reader: ChallengeReader,
    private readonly sealer: CodeSealer,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * The password was right: start the phone call. The call is placed (or refused by the
   * call limits, changing nothing) before the session is touched.
   */
  async begin(request: Request, user: User): Promise<SessionState> {
    const phone = await this.phones.findPrimaryVerified(user.id);
    if (!phone) {
      throw new ForbiddenException(
        'This account has no verified phone number yet. Please ask an administrator to add one.',
      );
    }
    const binding = randomBytes(18).toString('base64url');
    let issued: IssuedChallenge;
    try {
      issued = await this.issuer.issue({
        userId: user.id,
        phone,
        purpose: 'login',
        binding,
        clientIp: request.ip,
      });
    } catch (error) {
      throw this.issueRefusal(error);
    }
    // A new session id before the session is trusted with anything (no fixation).
    const previous = request.session.binding;
    await regenerateSession(request);
    if (previous) await this.announceEnded(previous);
    request.session.binding = binding;
    request.session.signedInAt = Date.now();
    this.keepPending(request, user.id, issued);
    await saveSession(request);
    await this.audit.record({
      actor: user.id,
      action: 'sign-in.password-accepted',
      subject: user.id,
      ip: request.ip,
    });
    return { state: 'second-factor-pending', challenge: issued.view };
  }

  async describe(request: Request): Promise<SessionState> {
    if (request.isAuthenticated()) return { state: 'authenticated', user: summarize(request.user) };
    const pending = request.session?.pending;
    if (!pending) return { state: 'anonymous' };
    const challenge = await this.reader.findById(pending.challengeId);
    const code = challenge && this.sealer.open(challenge.id, pending.sealedCode);
    if (!challenge || !code) return { state: 'anonymous' };
    return {
      state: 'second-factor-pending',
      challenge: await this.reader.withCode(challenge, code),
    };
  }

  /** The browser heard `verified`: swap the pending session for a signed-in one. */
  async complete(request: Request): Promise<SessionState> {
    const pending = request.session.pending!;
    const challenge = await this.reader.findById(pending.challengeId);
    const user = await this.users.findById(pending.userId);
    if (!challenge || !user || challenge.sessionBinding !== request.session.binding) {
      return this.giveUp(request, 'This sign-in is no longer valid. Please sign in again.');
    }
    if (challenge.status !== 'verified') {
      if (['failed', 'expired'].includes(challenge.status)) {
        return this.giveUp(request, 'The phone check did not succeed. Please sign in again.');
      }
      throw new ConflictException('The code has not been entered on the phone yet');
    }
    // Locked meanwhile (a fraud report from another call, failures elsewhere): not today.
    if (this.users.isLocked(user)) {
      await this.end(request);
      throw accountLocked(user.lockedUntil);
    }
    delete request.session.pending;
    request.session.secondFactorAt = Date.now();
    await logIn(request, user);
    await this.audit.record({
      actor: user.id,
      action: 'sign-in.succeeded',
      subject: user.id,
      ip: request.ip,
    });
    this.logger.log({ msg: 'signed in', userId: user.id });
    return { state: 'authenticated', user: summarize(user) };
  }

  /** "Call me again": a new call with a new code. */
  async callAgain(request: Request): Promise<{ challenge: ChallengeWithCode }> {
    const pending = request.session.pending!;
    let issued: IssuedChallenge;
    try {
      issued = await this.issuer.callAgain(
        pending.challengeId,
        request.session.binding!,
        request.ip,
      );
    } catch (error) {
      throw await this.callRefusal(request, error);
    }
    this.keepPending(request, pending.userId, issued);
    await saveSession(request);
    return { challenge: issued.view };
  }

  /** Signs out: the session is destroyed and its sockets closed. */
  async end(request: Request): Promise<void> {
    const binding = request.session?.binding;
    await destroySession(request);
    if (binding) await this.announceEnded(binding);
  }

  /** Back to anonymous, then 401. */
  async giveUp(request: Request, message: string): Promise<never> {
    await this.end(request);
    throw new UnauthorizedException(message);
  }

  /** Why a sign-in's first call was not placed: the call limits (429) or the number (403). */
  private issueRefusal(error: unknown): unknown {
    if (error instanceof CallBudgetExceededError) {
      return new TooManyCallsException(error.message, error.retryAfterSeconds);
    }
    if (error instanceof PhoneUnavailableError) {
      return new ForbiddenException(
        'This account’s phone number can no longer be called. Please ask an administrator.',
      );
    }
    return error;
  }

  /** DESIGN §5: 429 to wait or stop, 409 when already verified, 401 (signed out) when over. */
  private async callRefusal(request: Request, error: unknown): Promise<unknown> {
    if (error instanceof CallBudgetExceededError) {
      return new TooManyCallsException(error.message, error.retryAfterSeconds);
    }
    if (error instanceof CallCooldownError) {
      return new TooManyCallsException(error.message, error.retryAfterSeconds);
    }
    if (error instanceof CallLimitReachedError)
      return new TooManyCallsException(error.message, null);
    if (error instanceof ChallengeAlreadyVerifiedError) return new ConflictException(error.message);
    if (
      error instanceof ChallengeOverError ||
      error instanceof ChallengeNotFoundError ||
      error instanceof PhoneUnavailableError
    ) {
      await this.end(request);
      return new UnauthorizedException(error.message);
    }
    return error;
  }

  /** Waits for the listeners: the session's calls are hung up before the answer goes out. */
  private async announceEnded(binding: string): Promise<void> {
    const event: SessionEndedEvent = { binding };
    await this.events.emitAsync(SessionEvent.Ended, event);
  }

  private keepPending(request: Request, userId: string, issued: IssuedChallenge): void {
    request.session.pending = {
      userId,
      challengeId: issued.challenge.id,
      sealedCode: this.sealer.seal(issued.challenge.id, issued.code),
    };
  }
}
