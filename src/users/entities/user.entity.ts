import { Column, Entity, Index, OneToMany, PrimaryColumn, type Relation } from 'typeorm';
import { PhoneNumber } from './phone-number.entity.js';

export const ROLES = ['user', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('user')
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** As the user typed it at creation, for display. */
  @Column({ type: 'varchar', length: 64 })
  username!: string;

  /** Lower-cased NFKC form: what uniqueness and sign-in compare. */
  @Index('UQ_user_username_key', { unique: true })
  @Column({ name: 'username_key', type: 'varchar', length: 64 })
  usernameKey!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16, default: 'user' })
  role!: Role;

  @Column({ name: 'locked_until', type: Date, nullable: true })
  lockedUntil!: Date | null;

  /** Consecutive failed first or second factors since the last success. */
  @Column({ name: 'failed_attempts', type: 'integer', default: 0 })
  failedAttempts!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @OneToMany(() => PhoneNumber, (phone) => phone.user)
  phones?: Relation<PhoneNumber[]>;
}
