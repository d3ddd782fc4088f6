import {
  Body,
  Controller,
  Delete,
  Get,
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
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedGuard } from '../auth/guards/authenticated.guard.js';
import { RecentSecondFactorGuard } from '../auth/guards/recent-second-factor.guard.js';
import { DomainErrorFilter } from '../common/domain-error.filter.js';
import { actorOf } from '../phones/actor.js';
import { AddPhoneDto } from '../phones/dto/add-phone.dto.js';
import { PhoneView } from '../phones/dto/phone.view.js';
import { RemovePhoneQuery } from '../phones/dto/remove-phone.query.js';
import { UpdatePhoneDto } from '../phones/dto/update-phone.dto.js';
import { PhoneActions } from '../phones/phone-actions.service.js';
import type { PhoneNumber } from '../users/entities/phone-number.entity.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { ChallengeResponse } from '../verification/dto/challenge.view.js';

const RECENT = 'Needs a sign-in (with its phone call) within the last 10 minutes';

/** A signed-in user's own numbers. Changes need a fresh second factor (ASVS 3.7.1). */
@ApiTags('me')
@ApiCookieAuth()
@Controller('api/me/phones')
@UseGuards(AuthenticatedGuard)
@UseFilters(DomainErrorFilter)
export class MyPhonesController {
  constructor(
    private readonly phones: PhoneNumbersService,
    private readonly actions: PhoneActions,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My phone numbers (masked)' })
  @ApiOkResponse({ type: [PhoneView] })
  async list(@Req() request: Request): Promise<PhoneView[]> {
    return (await this.phones.listForUser(request.user!.id)).map((phone) =>
      PhoneView.of(phone, { masked: true }),
    );
  }

  @Post()
  @UseGuards(RecentSecondFactorGuard)
  @ApiOperation({ summary: 'Add a number (verify it by call next)' })
  @ApiCreatedResponse({ type: PhoneView })
  @ApiForbiddenResponse({ description: RECENT })
  async add(@Req() request: Request, @Body() body: AddPhoneDto): Promise<PhoneView> {
    const phone = await this.actions.add(
      actorOf(request),
      request.user!.id,
      body.number,
      body.label,
    );
    return PhoneView.of(phone, { masked: true });
  }

  @Post(':id/verification')
  @HttpCode(HttpStatus.OK)
  @UseGuards(RecentSecondFactorGuard)
  @ApiOperation({ summary: 'Call one of my numbers to verify it' })
  @ApiOkResponse({ type: ChallengeResponse })
  @ApiForbiddenResponse({ description: RECENT })
  async verify(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<ChallengeResponse> {
    return {
      challenge: await this.actions.startVerification(
        actorOf(request),
        await this.mine(request, id),
      ),
    };
  }

  @Patch(':id')
  @UseGuards(RecentSecondFactorGuard)
  @ApiOperation({ summary: 'Make one of my verified numbers the primary one' })
  @ApiOkResponse({ type: PhoneView })
  @ApiForbiddenResponse({ description: RECENT })
  async update(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() _body: UpdatePhoneDto,
  ): Promise<PhoneView> {
    const phone = await this.actions.makePrimary(actorOf(request), await this.mine(request, id));
    return PhoneView.of(phone, { masked: true });
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'Removed' })
  @UseGuards(RecentSecondFactorGuard)
  @ApiOperation({ summary: 'Remove one of my numbers (my last verified one needs ?force=true)' })
  @ApiForbiddenResponse({ description: RECENT })
  async remove(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RemovePhoneQuery,
  ): Promise<void> {
    await this.actions.remove(actorOf(request), await this.mine(request, id), query.force ?? false);
  }

  /** Another user's number is "not found", not "forbidden": its existence is not mine to learn. */
  private async mine(request: Request, id: string): Promise<PhoneNumber> {
    const phone = await this.phones.findById(id);
    if (!phone || phone.userId !== request.user!.id)
      throw new NotFoundException('No such phone number');
    return phone;
  }
}
