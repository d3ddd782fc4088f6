import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { PhoneNumber } from '../users/entities/phone-number.entity.js';
import { maskPhoneNumber } from '../users/mask-phone-number.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import type { ChallengeWithCode } from '../verification/challenge-view.js';
import { EnrollmentService } from '../verification/enrollment.service.js';

/** Who is acting, for the audit trail. */
export interface Actor {
  id: string;
  ip?: string;
  /** The actor's browser session, whose socket hears an enrollment call's digits. */
  binding: string;
}

/**
 * The phone-number changes admins and users make, each leaving exactly one audit event
 * attributed to the actor. The rules themselves live in PhoneNumbersService.
 */
@Injectable()
export class PhoneActions {
  constructor(
    private readonly phones: PhoneNumbersService,
    private readonly enrollment: EnrollmentService,
    private readonly audit: AuditService,
  ) {}

  async add(actor: Actor, userId: string, number: string, label?: string): Promise<PhoneNumber> {
    const phone = await this.phones.add({ userId, number, label });
    await this.record(actor, 'phone.added', phone);
    return phone;
  }

  async startVerification(actor: Actor, phone: PhoneNumber): Promise<ChallengeWithCode> {
    const issued = await this.enrollment.start(phone, actor.binding, actor.ip);
    await this.record(actor, 'phone.verification-started', phone, {
      challengeId: issued.challenge.id,
    });
    return issued.view;
  }

  async makePrimary(actor: Actor, phone: PhoneNumber): Promise<PhoneNumber> {
    const updated = await this.phones.makePrimary(phone);
    await this.record(actor, 'phone.made-primary', phone);
    return updated;
  }

  async remove(actor: Actor, phone: PhoneNumber, force: boolean): Promise<void> {
    const { wasLastVerified } = await this.phones.remove(phone, { force });
    await this.record(actor, 'phone.removed', phone, { forced: wasLastVerified });
  }

  private record(
    actor: Actor,
    action: string,
    phone: PhoneNumber,
    detail: Record<string, string | boolean> = {},
  ) {
    return this.audit.record({
      actor: actor.id,
      action,
      subject: phone.userId,
      ip: actor.ip,
      detail: { phoneId: phone.id, phone: maskPhoneNumber(phone.e164), ...detail },
    });
  }
}
