import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { KEYPAD_KEYS } from '../simulated-carrier.js';

export class KeypressDto {
  @ApiProperty({ enum: KEYPAD_KEYS, example: '5' })
  @IsIn(KEYPAD_KEYS, { message: 'key must be one of 0-9, * or #' })
  key!: string;
}
