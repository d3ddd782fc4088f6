import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '../../users/entities/user.entity.js';

export class MyPhoneView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '+1 ••• ••• 4567' })
  number!: string;

  @ApiProperty()
  label!: string;

  @ApiProperty()
  verified!: boolean;

  @ApiProperty()
  primary!: boolean;
}

export class MeView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty({ enum: ROLES })
  role!: string;

  @ApiProperty({ type: [MyPhoneView] })
  phones!: MyPhoneView[];
}
