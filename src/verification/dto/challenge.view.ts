import { ApiProperty } from '@nestjs/swagger';

/** DESIGN §5's `challenge`: shown only to the session that asked for it. */
export class ChallengeView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '407193', description: 'Digits to type on the phone; never logged' })
  code!: string;

  @ApiProperty({ example: 6 })
  length!: number;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ example: '+1 ••• ••• 4567', description: 'The number called, masked' })
  phone!: string;
}

export class ChallengeResponse {
  @ApiProperty({ type: ChallengeView })
  challenge!: ChallengeView;
}
