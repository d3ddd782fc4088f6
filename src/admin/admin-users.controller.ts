import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import {
  ApiCookieAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuditService } from '../audit/audit.service.js';
import { RolesGuard } from '../auth/guards/roles.guard.js';
import { Roles } from '../auth/roles.decorator.js';
import { DomainErrorFilter } from '../common/domain-error.filter.js';
import { AddPhoneDto } from '../phones/dto/add-phone.dto.js';
import { PhoneView } from '../phones/dto/phone.view.js';
import { actorOf } from '../phones/actor.js';
import { PhoneActions } from '../phones/phone-actions.service.js';
import type { User } from '../users/entities/user.entity.js';
import { PhoneNumbersService } from '../users/phone-numbers.service.js';
import { UsersService } from '../users/users.service.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserView } from './dto/user.view.js';

@ApiTags('admin')
@ApiCookieAuth()
@Controller('api/admin/users')
@UseGuards(RolesGuard)
@Roles('admin')
@UseFilters(DomainErrorFilter)
export class AdminUsersController {
  constructor(
    private readonly users: UsersService,
    private readonly phones: PhoneNumbersService,
    private readonly phoneActions: PhoneActions,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every user, with their phone numbers' })
  @ApiOkResponse({ type: [UserView] })
  async list(): Promise<UserView[]> {
    return (await this.users.list()).map((user) => UserView.of(user));
  }

  @Post()
  @ApiOperation({ summary: 'Create a user (add and verify a phone next)' })
  @ApiCreatedResponse({ type: UserView })
  async create(@Req() request: Request, @Body() body: CreateUserDto): Promise<UserView> {
    const user = await this.users.create(body);
    await this.record(request, 'user.created', user, { role: user.role });
    return UserView.of({ ...user, phones: [] });
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a user’s role' })
  @ApiOkResponse({ type: UserView })
  async update(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UpdateUserDto,
  ) {
    const user = await this.find(id);
    const updated = await this.users.setRole(user, body.role);
    await this.record(request, 'user.role-changed', user, { from: user.role, to: updated.role });
    return this.view(updated);
  }

  @Post(':id/unlock')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Lift a lock (failed attempts, or fraud reported on a call)' })
  @ApiOkResponse({ type: UserView })
  async unlock(@Req() request: Request, @Param('id', ParseUUIDPipe) id: string): Promise<UserView> {
    const user = await this.find(id);
    await this.users.unlock(user.id);
    await this.record(request, 'user.unlocked', user);
    return this.view(await this.find(id));
  }

  @Get(':id/phones')
  @ApiOperation({ summary: 'A user’s phone numbers' })
  @ApiOkResponse({ type: [PhoneView] })
  async listPhones(@Param('id', ParseUUIDPipe) id: string): Promise<PhoneView[]> {
    const user = await this.find(id);
    return (await this.phones.listForUser(user.id)).map((phone) =>
      PhoneView.of(phone, { masked: false }),
    );
  }

  @Post(':id/phones')
  @ApiOperation({ summary: 'Add a phone number (unverified until a call proves it)' })
  @ApiCreatedResponse({ type: PhoneView })
  async addPhone(
    @Req() request: Request,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddPhoneDto,
  ): Promise<PhoneView> {
    const user = await this.find(id);
    const phone = await this.phoneActions.add(actorOf(request), user.id, body.number, body.label);
    return PhoneView.of(phone, { masked: false });
  }

  private async find(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('No such user');
    return user;
  }

  private async view(user: User): Promise<UserView> {
    return UserView.of({ ...user, phones: await this.phones.listForUser(user.id) });
  }

  private record(request: Request, action: string, user: User, detail?: Record<string, string>) {
    return this.audit.record({
      actor: request.user!.id,
      action,
      subject: user.id,
      ip: request.ip,
      detail,
    });
  }
}
