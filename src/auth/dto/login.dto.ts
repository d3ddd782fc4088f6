import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'alice', minLength: 1, maxLength: 64 })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({
    example: 'correct horse battery staple',
    minLength: 1,
    maxLength: 128,
    format: 'password',
  })
  @IsString()
  @Length(1, 128)
  password!: string;
}
