import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { PhoneNumber } from '../users/entities/phone-number.entity.js';
import {
  PhoneNumberAlreadyVerifiedError,
  PhoneNumberTakenError,
} from '../users/phone-number.errors.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { ChallengeIssuer, type IssuedChallenge } from './challenge-issuer.service.js';
import type { Challenge } from './entities/challenge.entity.js';

/**
 * Proving a phone number by calling it: the same challenge engine, call script and socket
 * events as sign-in, with purpose `enrollment`. A number becomes verified only this way.
 */
@Injectable()
export class EnrollmentService {
  private readonly logger = new Logger(EnrollmentService.name);

  constructor(
    private readonly issuer: ChallengeIssuer,
    private readonly phones: PhoneNumbersService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Calls the number; the code goes to whoever asked (their session's socket hears the
   * digits). The call counts against the hourly budgets like any other, `clientIp` included.
   */
  async start(phone: PhoneNumber, binding: string, clientIp?: string): Promise<IssuedChallenge> {
    if (phone.verifiedAt) throw new PhoneNumberAlreadyVerifiedError();
    if (await this.phones.isVerifiedForAnotherUser(phone.e164, phone.userId)) {
      throw new PhoneNumberTakenError();
    }
    return this.issuer.issue({
      userId: phone.userId,
      phone,
      purpose: 'enrollment',
      binding,
      clientIp,
    });
  }

  /** The code was typed on that phone: it is verified (and primary if the user had none). */
  async complete(challenge: Challenge): Promise<void> {
    try {
      await this.phones.markVerified(challenge.phoneNumberId);
    } catch (error) {
      if (!(error instanceof PhoneNumberTakenError)) throw error;
      // Another user's enrollment of the same number won a race: theirs stands.
      this.logger.warn({ msg: 'enrolled number already taken', challengeId: challenge.id });
      await this.audit.record({
        actor: 'system',
        action: 'phone.verification-conflict',
        subject: challenge.userId,
        detail: { challengeId: challenge.id, phoneId: challenge.phoneNumberId },
      });
    }
  }
}
