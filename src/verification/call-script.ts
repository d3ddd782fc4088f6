import { Injectable } from '@nestjs/common';
import { gatherOneDigit, sayThenHangUp } from '../telephony/twiml.js';
import type { ChallengePurpose, FailureReason } from './challenge-states.js';
import type { Challenge } from './entities/challenge.entity.js';
import { WebhookUrls } from './webhook-urls.js';

/** Seconds of silence, per digit, before the call gives up on the caller. */
export const DIGIT_TIMEOUT_SECONDS = 10;

/**
 * Everything the call says (DESIGN §7). Nothing secret is ever spoken: the caller types
 * what the screen shows, so voicemail and bystanders learn nothing.
 */
@Injectable()
export class CallScript {
  constructor(private readonly urls: WebhookUrls) {}

  /** On answer (or a repeated answer): the greeting, then the first digit still owed. */
  greeting(challenge: Challenge, username: string): string {
    const greeting =
      challenge.purpose === 'login'
        ? `Hello ${username}. Please enter the ${challenge.length} digit code shown on your screen. ` +
          'If you did not try to sign in, press star.'
        : `Hello. This call confirms this phone number for ${username}. ` +
          `Please enter the ${challenge.length} digit code shown on the screen. ` +
          'If you were not expecting this call, press star.';
    return this.waitForDigit(challenge, challenge.digitsEntered, greeting);
  }

  /** The next digit, silently: the caller is mid-code. */
  waitForDigit(challenge: Challenge, position: number, prompt?: string): string {
    return gatherOneDigit({
      action: this.urls.digit(challenge.id, position),
      prompt,
      timeoutSeconds: DIGIT_TIMEOUT_SECONDS,
    });
  }

  success(purpose: ChallengePurpose): string {
    return sayThenHangUp(
      purpose === 'login'
        ? 'Thank you, you are signed in. Goodbye.'
        : 'Thank you, this phone number is now verified. Goodbye.',
    );
  }

  /** How a call that has ended (or is ending now) says goodbye, by why it ended. */
  ended(reason: FailureReason | null, purpose: ChallengePurpose): string {
    const again = purpose === 'login' ? 'Please sign in again.' : 'Please start again.';
    switch (reason) {
      case 'wrong-digit':
        return sayThenHangUp(`That digit is wrong. ${again}`);
      case 'no-input':
        return sayThenHangUp('We did not receive any input. Goodbye.');
      case 'expired':
        return sayThenHangUp(`This code has expired. ${again} Goodbye.`);
      case 'reported-fraud':
        return sayThenHangUp(
          'Thank you. We have stopped this sign-in and locked the account. Goodbye.',
        );
      default:
        return this.unavailable();
    }
  }

  /** For a challenge that is unknown, over, or belongs to another call. */
  unavailable(): string {
    return sayThenHangUp('This call is no longer needed. Goodbye.');
  }
}
