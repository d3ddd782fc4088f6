import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class AddPhoneDto {
  @ApiProperty({
    example: '+1 202 555 0147',
    description: 'International form, with + and country code',
  })
  @IsString()
  @Length(1, 32)
  number!: string;

  @ApiPropertyOptional({ example: 'Mobile', maxLength: 64 })
  @IsOptional()
  @IsString()
  @Length(0, 64)
  @Matches(/^[^\p{Cc}]*$/u, { message: 'label must not contain control characters' })
  label?: string;
}
