import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Flat facts only: ids, reasons, counts. Never a code, password, token or session id. */
export type AuditDetail = Record<string, string | number | boolean | null>;

@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('IDX_audit_event_at')
  @Column({ type: Date })
  at!: Date;

  /** Who did it: a user id, "system", or "carrier". */
  @Column({ type: 'varchar', length: 64 })
  actor!: string;

  @Index('IDX_audit_event_action')
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** What it was done to: usually a user id. */
  @Index('IDX_audit_event_subject')
  @Column({ type: 'varchar', length: 64, nullable: true })
  subject!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip!: string | null;

  @Column({ type: 'simple-json', nullable: true })
  detail!: AuditDetail | null;
}
