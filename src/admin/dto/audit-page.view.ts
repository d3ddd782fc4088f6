import { ApiProperty } from '@nestjs/swagger';
import type { AuditEvent } from '../../audit/entities/audit-event.entity.js';

export class AuditEventView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'A user id, or system / carrier / anonymous' })
  actor!: string;

  @ApiProperty({ example: 'phone.verified' })
  action!: string;

  @ApiProperty({ type: String, nullable: true })
  subject!: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip!: string | null;

  @ApiProperty({ type: Object, nullable: true, description: 'Flat facts; never a secret' })
  detail!: Record<string, unknown> | null;

  static of(event: AuditEvent): AuditEventView {
    return { ...event, at: event.at.toISOString() };
  }
}

export class AuditPageView {
  @ApiProperty({ type: [AuditEventView] })
  items!: AuditEventView[];

  @ApiProperty()
  page!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  total!: number;
}
