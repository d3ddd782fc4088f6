import {
  Body,
  Controller,
  Delete,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { RolesGuard } from '../auth/guards/roles.guard.js';
import { Roles } from '../auth/roles.decorator.js';
import { DomainErrorFilter } from '../common/domain-error.filter.js';
import { actorOf } from '../phones/actor.js';
import { PhoneView } from '../phones/dto/phone.view.js';
import { RemovePhoneQuery } from '../phones/dto/remove-phone.query.js';
import { UpdatePhoneDto } from '../phones/dto/update-phone.dto.js';
import { PhoneActions } from '../phones/phone-actions.service.js';
import type { PhoneNumber } from '../users/entities/phone-number.entity.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { ChallengeResponse } from '../verification/dto/challenge.view.js';

@ApiTags('admin')
@ApiCookieAuth()
@Controller('api/admin/phones')
@UseGuards(RolesGuard)
@Roles('admin')
@UseFilters(DomainErrorFilter)
export class AdminPhonesController {
  constructor(
    private readonly phones: PhoneNumbersService,
    private readonly actions: PhoneActions,
  ) {}

  @Post(':id/verification')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Call the number with an enrollment code',
    description:
      'The code is shown to the admin (read it to the person holding the phone); the digits arrive on the admin’s /verification socket. Success marks the number verified.',
  })
  @ApiOkResponse({ type: ChallengeResponse })
  async verify(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChallengeResponse> {
    return {
      challenge: await this.actions.startVerification(actorOf(request), await this.find(id)),
    };
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Make a verified number the primary one (the one sign-in calls)' })
  @ApiOkResponse({ type: PhoneView })
  async update(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() _body: UpdatePhoneDto,
  ): Promise<PhoneView> {
    const phone = await this.actions.makePrimary(actorOf(request), await this.find(id));
    return PhoneView.of(phone, { masked: false });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiOperation({ summary: 'Remove a number (the last verified one needs ?force=true)' })
  async remove(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RemovePhoneQuery,
  ): Promise<void> {
    await this.actions.remove(actorOf(request), await this.find(id), query.force ?? false);
  }

  private async find(id: string): Promise<PhoneNumber> {
    const phone = await this.phones.findById(id);
    if (!phone) throw new NotFoundException('No such phone number');
    return phone;
  }
}
