import { ApiProperty } from '@nestjs/swagger';
import type { PhoneNumber } from '../../users/entities/phone-number.entity.js';
import { maskPhoneNumber } from '../../users/mask-phone-number.js';

export class PhoneView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: '+12025550147', description: 'E.164 for admins; masked for the owner' })
  number!: string;

  @ApiProperty({ example: 'Mobile' })
  label!: string;

  @ApiProperty()
  verified!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  verifiedAt!: string | null;

  @ApiProperty({ description: 'The number sign-in calls' })
  primary!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  static of(phone: PhoneNumber, { masked }: { masked: boolean }): PhoneView {
    return {
      id: phone.id,
      userId: phone.userId,
      number: masked ? maskPhoneNumber(phone.e164) : phone.e164,
      label: phone.label,
      verified: phone.verifiedAt !== null,
      verifiedAt: phone.verifiedAt?.toISOString() ?? null,
      primary: phone.isPrimary,
      createdAt: phone.createdAt.toISOString(),
    };
  }
}
