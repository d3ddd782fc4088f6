import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { maskPhoneNumber } from '../users/mask-phone-number.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { MeView } from './dto/me.view.js';
import { AuthenticatedGuard } from './guards/authenticated.guard.js';

@ApiTags('me')
@ApiCookieAuth()
@Controller('api/me')
@UseGuards(AuthenticatedGuard)
export class MeController {
  constructor(private readonly phones: PhoneNumbersService) {}

  @Get()
  @ApiOperation({ summary: 'The signed-in user and their phones (masked)' })
  @ApiOkResponse({ type: MeView })
  async me(@Req() request: Request): Promise<MeView> {
    const user = request.user!;
    const phones = await this.phones.listForUser(user.id);
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      phones: phones.map((phone) => ({
        id: phone.id,
        number: maskPhoneNumber(phone.e164),
        label: phone.label,
        verified: phone.verifiedAt !== null,
        primary: phone.isPrimary,
      })),
    };
  }
}
