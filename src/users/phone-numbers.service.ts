import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, QueryFailedError, Repository } from 'typeorm';
import { PhoneNumber } from './entities/phone-number.entity.js';
import {
  LastVerifiedPhoneNumberError,
  PhoneNumberAlreadyAddedError,
  PhoneNumberNotVerifiedError,
  PhoneNumberTakenError,
  TooManyPhoneNumbersError,
} from './phone-number.errors.js';
import { PhoneNumberPolicy } from './phone-number-policy.js';

/** No user needs more; a cap keeps one account from becoming a calling list. */
export const MAX_PHONE_NUMBERS_PER_USER = 5;

export interface NewPhoneNumber {
  userId: string;
  number: string;
  label?: string;
  /** Only for operator bootstrap (`users:create`); otherwise a call proves it. */
  verified?: boolean;
}

/** A user's phone numbers and the rules for changing them. */
@Injectable()
export class PhoneNumbersService {
  constructor(
    @InjectRepository(PhoneNumber) private readonly phones: Repository<PhoneNumber>,
    private readonly policy: PhoneNumberPolicy,
  ) {}

  /** Throws PhoneNumberRejected or one of the phone-number errors when a rule is broken. */
  async add({
    userId,
    number,
    label = '',
    verified = false,
  }: NewPhoneNumber): Promise<PhoneNumber> {
    const e164 = this.policy.normalize(number);
    const existing = await this.listForUser(userId);
    if (existing.some((phone) => phone.e164 === e164)) throw new PhoneNumberAlreadyAddedError();
    if (existing.length >= MAX_PHONE_NUMBERS_PER_USER) {
      throw new TooManyPhoneNumbersError(MAX_PHONE_NUMBERS_PER_USER);
    }
    if (await this.isVerifiedForAnotherUser(e164, userId)) throw new PhoneNumberTakenError();
    const now = new Date();
    const phone = this.phones.create({
      id: randomUUID(),
      userId,
      e164,
      label,
      verifiedAt: verified ? now : null,
      isPrimary: verified && !existing.some((other) => other.isPrimary && other.verifiedAt),
      createdAt: now,
    });
    return this.saveOrTaken(() => this.phones.save(phone));
  }

  findById(id: string): Promise<PhoneNumber | null> {
    return this.phones.findOneBy({ id });
  }

  listForUser(userId: string): Promise<PhoneNumber[]> {
    return this.phones.find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  /** The number sign-in calls: the primary one, if it has been verified. */
  findPrimaryVerified(userId: string): Promise<PhoneNumber | null> {
    return this.phones.findOneBy({ userId, isPrimary: true, verifiedAt: Not(IsNull()) });
  }

  async isVerifiedForAnotherUser(e164: string, userId: string): Promise<boolean> {
    return this.phones.existsBy({ e164, verifiedAt: Not(IsNull()), userId: Not(userId) });
  }

  /**
   * A call proved the number: marks it verified (once), and primary when the user has no
   * verified primary yet. Throws PhoneNumberTakenError if another user verified it first.
   */
  async markVerified(phoneId: string): Promise<PhoneNumber> {
    await this.saveOrTaken(() =>
      this.phones.update({ id: phoneId, verifiedAt: IsNull() }, { verifiedAt: new Date() }),
    );
    const phone = await this.phones.findOneByOrFail({ id: phoneId });
    if (!(await this.findPrimaryVerified(phone.userId))) await this.setPrimary(phone);
    return this.phones.findOneByOrFail({ id: phoneId });
  }

  async makePrimary(phone: PhoneNumber): Promise<PhoneNumber> {
    if (!phone.verifiedAt) throw new PhoneNumberNotVerifiedError();
    await this.setPrimary(phone);
    return this.phones.findOneByOrFail({ id: phone.id });
  }

  /**
   * Removes a number. The last verified one of a user needs `force`, since without it the
   * user cannot sign in. A removed primary hands over to the oldest other verified number.
   */
  async remove(
    phone: PhoneNumber,
    { force }: { force: boolean },
  ): Promise<{ wasLastVerified: boolean }> {
    const verified = (await this.listForUser(phone.userId)).filter((other) => other.verifiedAt);
    const wasLastVerified = phone.verifiedAt !== null && verified.length === 1;
    if (wasLastVerified && !force) throw new LastVerifiedPhoneNumberError();
    await this.phones.delete({ id: phone.id });
    const successor = verified.find((other) => other.id !== phone.id);
    if (phone.isPrimary && successor) await this.setPrimary(successor);
    return { wasLastVerified };
  }

  /** One statement, so a user never has two primaries, even with changes racing. */
  private async setPrimary(phone: PhoneNumber): Promise<void> {
    await this.phones
      .createQueryBuilder()
      .update(PhoneNumber)
      .set({ isPrimary: () => 'id = :primaryId' })
      .where('user_id = :userId', { userId: phone.userId })
      .setParameter('primaryId', phone.id)
      .execute();
  }

  /** The partial unique index on verified numbers is the last word on "verified for one user". */
  private async saveOrTaken<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof QueryFailedError && /unique|duplicate/i.test(error.message)) {
        throw new PhoneNumberTakenError();
      }
      throw error;
    }
  }
}
