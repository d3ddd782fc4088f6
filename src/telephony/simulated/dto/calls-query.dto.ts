import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export class CallsQueryDto {
  @ApiPropertyOptional({ example: '+12025550147', maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  to?: string;
}
