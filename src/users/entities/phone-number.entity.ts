import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from './user.entity.js';

@Entity('phone_number')
@Index('UQ_phone_number_verified_e164', ['e164'], {
  unique: true,
  where: '"verified_at" IS NOT NULL',
})
export class PhoneNumber {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('IDX_phone_number_user_id')
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, (user) => user.phones, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_phone_number_user' })
  user?: Relation<User>;

  @Index('IDX_phone_number_e164')
  @Column({ type: 'varchar', length: 16 })
  e164!: string;

  @Column({ type: 'varchar', length: 64, default: '' })
  label!: string;

  /** Null until a call proved someone holding this phone typed the code shown. */
  @Column({ name: 'verified_at', type: Date, nullable: true })
  verifiedAt!: Date | null;

  @Column({ name: 'is_primary', type: 'boolean' })
  isPrimary!: boolean;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
