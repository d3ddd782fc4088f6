import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type SessionEndedEvent, SessionEvent } from '../session/session-events.js';
import { ChallengeTermination } from './challenge-termination.service.js';
import { ChallengeRepository } from './challenge.repository.js';

/**
 * When a browser session ends, its calls still ringing are hung up: nobody is left to see
 * the code, and the phone should not go on to say "you are signed in".
 */
@Injectable()
export class SessionEndListener {
  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly termination: ChallengeTermination,
  ) {}

  @OnEvent(SessionEvent.Ended, { async: true, promisify: true })
  async onSessionEnded({ binding }: SessionEndedEvent): Promise<void> {
    for (const challenge of await this.challenges.findActiveForBinding(binding)) {
      await this.termination.end(challenge, 'abandoned', { hangUp: true });
    }
  }
}
