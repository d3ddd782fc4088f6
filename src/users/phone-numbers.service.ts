import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { PhoneNumber } from './entities/phone-number.entity.js';
import { PhoneNumberPolicy } from './phone-number-policy.js';

export interface NewPhoneNumber {
  userId: string;
  number: string;
  label?: string;
  /** Only for operator bootstrap (`users:create`); otherwise a call proves it. */
  verified?: boolean;
}

@Injectable()
export class PhoneNumbersService {
  constructor(
    @InjectRepository(PhoneNumber) private readonly phones: Repository<PhoneNumber>,
    private readonly policy: PhoneNumberPolicy,
  ) {}

  /** Throws PhoneNumberRejected when the number breaks a rule. */
  async add({
    userId,
    number,
    label = '',
    verified = false,
  }: NewPhoneNumber): Promise<PhoneNumber> {
    const e164 = this.policy.normalize(number);
    const now = new Date();
    const becomesPrimary = verified && !(await this.findPrimaryVerified(userId));
    return this.phones.save(
      this.phones.create({
        id: randomUUID(),
        userId,
        e164,
        label,
        verifiedAt: verified ? now : null,
        isPrimary: becomesPrimary,
        createdAt: now,
      }),
    );
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
}
