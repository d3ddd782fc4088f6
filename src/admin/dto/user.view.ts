import { ApiProperty } from '@nestjs/swagger';
import type { User } from '../../users/entities/user.entity.js';
import { ROLES } from '../../users/entities/user.entity.js';
import { PhoneView } from '../../phones/dto/phone.view.js';

export class UserView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'alice' })
  username!: string;

  @ApiProperty({ enum: ROLES })
  role!: string;

  @ApiProperty({ description: 'Locked now (too many failures, or fraud reported on a call)' })
  locked!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lockedUntil!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: [PhoneView] })
  phones!: PhoneView[];

  static of(user: User, now = new Date()): UserView {
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      locked: user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime(),
      lockedUntil: user.lockedUntil?.toISOString() ?? null,
      createdAt: user.createdAt.toISOString(),
      phones: (user.phones ?? []).map((phone) => PhoneView.of(phone, { masked: false })),
    };
  }
}
