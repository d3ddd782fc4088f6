import { ApiProperty } from '@nestjs/swagger';
import { Equals } from 'class-validator';

/** The one change a phone takes in place: becoming the primary (the one sign-in calls). */
export class UpdatePhoneDto {
  @ApiProperty({ enum: [true] })
  @Equals(true, { message: 'isPrimary must be true (make another number primary instead)' })
  isPrimary!: true;
}
