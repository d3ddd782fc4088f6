import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { UsersService } from '../users/users.service.js';
import { AnsweredChallenges } from './answered-challenges.js';
import { CallScript } from './call-script.js';
import { ChallengeEvent, type DigitEvent, type VerifiedEvent } from './challenge-events.js';
import { isActive } from './challenge-states.js';
import { ChallengeTermination } from './challenge-termination.service.js';
import { ChallengeRepository } from './challenge.repository.js';
import { DigitHasher } from './code/digit-hasher.js';
import { EnrollmentService } from './enrollment.service.js';
import type { Challenge } from './entities/challenge.entity.js';

/** What the caller did at one Gather: a key, or nothing before the timeout. */
export interface Keypress {
  challengeId: string;
  callSid: string;
  position: number;
  /** One of 0-9 * #, or '' for silence. */
  key: string;
}

/**
 * The live call: answers with the greeting, then checks each key as it is pressed and says
 * what comes next. Every change is a conditional update, so a retried or racing webhook
 * never advances a challenge twice; every reply is TwiML, never an error page.
 */
@Injectable()
export class CallFlow {
  private readonly logger = new Logger(CallFlow.name);

  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly hasher: DigitHasher,
    private readonly termination: ChallengeTermination,
    private readonly script: CallScript,
    private readonly users: UsersService,
    private readonly enrollment: EnrollmentService,
    private readonly events: EventEmitter2,
    private readonly answered: AnsweredChallenges,
  ) {}

  async answer(challengeId: string, callSid: string): Promise<string> {
    const challenge = await this.challenges.findById(challengeId);
    if (!challenge || !isActive(challenge.status)) return this.script.unavailable();
    if (isPastExpiry(challenge)) return this.expire(challenge);
    const replay = challenge.status === 'in-progress' && challenge.callSid === callSid;
    if (!replay && !(await this.challenges.markAnswered(challenge.id, callSid))) {
      this.logger.warn({ msg: 'answer refused', challengeId, callSid });
      return this.script.unavailable();
    }
    this.answered.remember(Object.assign(challenge, { status: 'in-progress', callSid }));
    const user = await this.users.findById(challenge.userId);
    return this.script.greeting(challenge, user?.username ?? 'there');
  }

  /**
   * A key on a call answered here goes straight to its conditional UPDATE; only a press
   * the UPDATE refuses (or any other) reads the challenge to decide what to say.
   */
  async keypress(press: Keypress): Promise<string> {
    const known = this.answered.get(press.challengeId);
    if (known && known.callSid === press.callSid && isDigitKey(press.key) && !isPastExpiry(known)) {
      const reply = await this.applyDigit(known, press);
      if (reply) return reply;
    }
    return this.keypressFromStore(press);
  }

  private async keypressFromStore(press: Keypress): Promise<string> {
    const challenge = await this.challenges.findById(press.challengeId);
    if (!challenge || challenge.callSid !== press.callSid) {
      this.logger.warn({
        msg: 'keypress for another call refused',
        challengeId: press.challengeId,
      });
      return this.script.unavailable();
    }
    if (challenge.status === 'verified') return this.script.success(challenge.purpose);
    if (challenge.status !== 'in-progress') {
      return this.script.ended(challenge.failureReason, challenge.purpose);
    }
    if (isPastExpiry(challenge)) return this.expire(challenge);
    // A retried post for a digit already taken: answer as before, change nothing.
    if (press.position < challenge.digitsEntered) {
      return this.script.waitForDigit(challenge, challenge.digitsEntered);
    }
    if (press.position > challenge.digitsEntered) return this.script.unavailable();
    return this.decide(challenge, press);
  }

  private async decide(challenge: Challenge, press: Keypress): Promise<string> {
    if (!isDigitKey(press.key)) {
      this.answered.forget(challenge.id);
      const reason = press.key === '' ? 'no-input' : 'reported-fraud';
      await this.termination.end(challenge, reason, { hangUp: false });
      return this.script.ended(reason, challenge.purpose);
    }
    this.answered.remember(challenge);
    // Another post for this position won the race; answer from the state it left.
    return (await this.applyDigit(challenge, press)) ?? this.keypressFromStore(press);
  }

  /**
   * Checks the key and moves the challenge on with one conditional UPDATE; undefined when
   * the UPDATE changed nothing (the challenge is not where this press expected it).
   */
  private async applyDigit(challenge: Challenge, press: Keypress): Promise<string | undefined> {
    const { id } = challenge;
    const correct = this.hasher.matches(id, challenge.digitHashes, press.position, press.key);
    const last = press.position === challenge.length - 1;
    if (!correct) {
      if (
        !(await this.challenges.failAtPosition(id, press.callSid, press.position, 'wrong-digit'))
      ) {
        return undefined;
      }
      this.answered.forget(id);
      this.announceDigit(challenge, press.position, false);
      this.termination.announceEnded(challenge, 'wrong-digit');
      return this.script.ended('wrong-digit', challenge.purpose);
    }
    const moved = last
      ? await this.challenges.markVerified(id, press.callSid, press.position)
      : await this.challenges.advance(id, press.callSid, press.position);
    if (!moved) return undefined;
    if (last) this.answered.forget(id);
    this.announceDigit(challenge, press.position, true);
    if (!last) return this.script.waitForDigit(challenge, press.position + 1);
    // The number is verified before anyone is told, so a page that refreshes sees it so.
    if (challenge.purpose === 'enrollment') await this.enrollment.complete(challenge);
    this.announceVerified(challenge);
    return this.script.success(challenge.purpose);
  }

  private async expire(challenge: Challenge): Promise<string> {
    await this.termination.end(challenge, 'expired', { hangUp: false });
    return this.script.ended('expired', challenge.purpose);
  }

  private announceDigit(challenge: Challenge, position: number, correct: boolean): void {
    const event: DigitEvent = {
      binding: challenge.sessionBinding,
      userId: challenge.userId,
      payload: { challengeId: challenge.id, position, correct },
    };
    this.events.emit(ChallengeEvent.Digit, event);
  }

  private announceVerified(challenge: Challenge): void {
    this.logger.log({ msg: 'challenge verified', challengeId: challenge.id });
    const event: VerifiedEvent = {
      binding: challenge.sessionBinding,
      userId: challenge.userId,
      purpose: challenge.purpose,
      phoneNumberId: challenge.phoneNumberId,
      payload: { challengeId: challenge.id },
    };
    this.events.emit(ChallengeEvent.Verified, event);
  }
}

/** A key that checks a digit; '' (silence) and '*' (fraud report) end the call instead. */
function isDigitKey(key: string): boolean {
  return key !== '' && key !== '*';
}

function isPastExpiry(challenge: Challenge): boolean {
  return challenge.expiresAt.getTime() <= Date.now();
}
