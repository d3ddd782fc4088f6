import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '../../users/entities/user.entity.js';
import { ChallengeView } from '../../verification/dto/challenge.view.js';

export class UserSummaryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'alice' })
  username!: string;

  @ApiProperty({ enum: ROLES })
  role!: string;
}

/** DESIGN §5: where a browser session stands. */
export class SessionStateView {
  @ApiProperty({ enum: ['anonymous', 'second-factor-pending', 'authenticated'] })
  state!: string;

  @ApiPropertyOptional({ type: ChallengeView, description: 'While the second factor is pending' })
  challenge?: ChallengeView;

  @ApiPropertyOptional({ type: UserSummaryView, description: 'Once signed in' })
  user?: UserSummaryView;
}
