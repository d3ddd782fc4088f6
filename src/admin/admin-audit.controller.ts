import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService } from '../audit/audit.service.js';
import { RolesGuard } from '../auth/guards/roles.guard.js';
import { Roles } from '../auth/roles.decorator.js';
import { AuditEventView, AuditPageView } from './dto/audit-page.view.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';

@ApiTags('admin')
@ApiCookieAuth()
@Controller('api/admin/audit')
@UseGuards(RolesGuard)
@Roles('admin')
export class AdminAuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'Audit events, newest first; filter by user and action' })
  @ApiOkResponse({ type: AuditPageView })
  async list(@Query() query: AuditQueryDto): Promise<AuditPageView> {
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const { items, total } = await this.audit.page({
      userId: query.userId,
      action: query.action,
      page,
      limit,
    });
    return { items: items.map((event) => AuditEventView.of(event)), page, limit, total };
  }
}
