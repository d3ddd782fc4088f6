import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One browser session. Keyed by a hash of the session id, so a database copy holds no live id. */
@Entity('session')
export class SessionRecord {
  @PrimaryColumn({ name: 'id_hash', type: 'varchar', length: 64 })
  idHash!: string;

  @Index('IDX_session_expires_at')
  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ type: 'text' })
  data!: string;
}
