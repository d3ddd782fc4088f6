import { Injectable } from '@nestjs/common';
import { maskPhoneNumber } from '../users/mask-phone-number.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import type { ChallengeSnapshot } from './challenge-events.js';
import { type ChallengeWithCode, snapshotOf, withCode } from './challenge-view.js';
import { ChallengeRepository } from './challenge.repository.js';
import type { Challenge } from './entities/challenge.entity.js';

/** Read-only views of challenges, for the sign-in endpoints and the gateway. */
@Injectable()
export class ChallengeReader {
  constructor(
    private readonly challenges: ChallengeRepository,
    private readonly phones: PhoneNumbersService,
  ) {}

  findById(id: string): Promise<Challenge | null> {
    return this.challenges.findById(id);
  }

  latestForBinding(binding: string): Promise<Challenge | null> {
    return this.challenges.latestForBinding(binding);
  }

  async snapshot(challenge: Challenge): Promise<ChallengeSnapshot> {
    return snapshotOf(challenge, await this.maskedPhone(challenge));
  }

  async withCode(challenge: Challenge, code: string): Promise<ChallengeWithCode> {
    return withCode(challenge, code, await this.maskedPhone(challenge));
  }

  private async maskedPhone(challenge: Challenge): Promise<string> {
    const phone = await this.phones.findById(challenge.phoneNumberId);
    return phone ? maskPhoneNumber(phone.e164) : '';
  }
}
