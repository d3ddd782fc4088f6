import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A call on the virtual phone (development only; see SimulatedCarrier). */
export class SimulatedCallResponse {
  @ApiProperty({ example: 'CA0123456789abcdef0123456789abcdef' })
  sid!: string;

  @ApiProperty({ example: '+12025550147' })
  to!: string;

  @ApiProperty({ example: '+12025550100' })
  from!: string;

  @ApiProperty({ enum: ['ringing', 'in-progress', 'ended'] })
  state!: string;

  @ApiPropertyOptional({ enum: ['completed', 'busy', 'no-answer', 'failed', 'canceled'] })
  outcome?: string;

  @ApiProperty({ type: [String], description: 'What the call said, oldest first' })
  transcript!: string[];

  @ApiProperty({ description: 'Waiting for a key press' })
  awaitingKey!: boolean;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;
}

/** A number the virtual phone page offers. */
export class VirtualPhoneNumberResponse {
  @ApiProperty({ example: '+12025550147' })
  number!: string;

  @ApiProperty({ example: 'alice (demo user)' })
  label!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the carrier last called it' })
  lastCalledAt?: string;
}
