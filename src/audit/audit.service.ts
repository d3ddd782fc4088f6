import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { type AuditDetail, AuditEvent } from './entities/audit-event.entity.js';

export interface AuditEntry {
  /** A user id, or "system" / "carrier" / "anonymous". */
  actor: string;
  /** Dotted and past tense, e.g. `sign-in.failed`, `second-factor.verified`. */
  action: string;
  subject?: string | null;
  ip?: string | null;
  /** Never a code, password, token or session id. */
  detail?: AuditDetail;
}

export interface AuditQuery {
  userId?: string;
  action?: string;
  page: number;
  limit: number;
}

/** Append-only: every module writes, nothing updates or deletes. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.events.insert(
      this.events.create({
        id: randomUUID(),
        at: new Date(),
        actor: entry.actor,
        action: entry.action,
        subject: entry.subject ?? null,
        ip: entry.ip ?? null,
        detail: entry.detail ?? null,
      }),
    );
    this.logger.log({
      msg: 'audit',
      action: entry.action,
      actor: entry.actor,
      subject: entry.subject,
    });
  }

  /** Newest first; `userId` matches events by or about that user. */
  async page(query: AuditQuery): Promise<{ items: AuditEvent[]; total: number }> {
    const builder = this.events.createQueryBuilder('event');
    if (query.userId) {
      builder.andWhere('(event.actor = :userId OR event.subject = :userId)', {
        userId: query.userId,
      });
    }
    if (query.action) builder.andWhere('event.action = :action', { action: query.action });
    const [items, total] = await builder
      .orderBy('event.at', 'DESC')
      .addOrderBy('event.id', 'DESC')
      .skip((query.page - 1) * query.limit)
      .take(query.limit)
      .getManyAndCount();
    return { items, total };
  }
}
