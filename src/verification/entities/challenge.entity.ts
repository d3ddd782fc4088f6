import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  type Relation,
} from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import type {
  CallProgress,
  ChallengePurpose,
  ChallengeStatus,
  FailureReason,
} from '../challenge-states.js';

@Entity('challenge')
@Index('IDX_challenge_status_expires_at', ['status', 'expiresAt'])
export class Challenge {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('IDX_challenge_user_id')
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'FK_challenge_user' })
  user?: Relation<User>;

  @Column({ name: 'phone_number_id', type: 'varchar', length: 36 })
  phoneNumberId!: string;

  @Column({ type: 'varchar', length: 16 })
  purpose!: ChallengePurpose;

  /**
   * An opaque id of the browser session that asked for this challenge: its socket room.
   * Not the session id itself, which is a bearer secret.
   */
  @Index('IDX_challenge_session_binding')
  @Column({ name: 'session_binding', type: 'varchar', length: 64 })
  sessionBinding!: string;

  /** One keyed hash per position; the code itself is never stored. */
  @Column({ name: 'digit_hashes', type: 'text' })
  digitHashes!: string;

  @Column({ type: 'integer' })
  length!: number;

  @Column({ name: 'digits_entered', type: 'integer', default: 0 })
  digitsEntered!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: ChallengeStatus;

  @Column({ name: 'failure_reason', type: 'varchar', length: 32, nullable: true })
  failureReason!: FailureReason | null;

  @Index('IDX_challenge_call_sid')
  @Column({ name: 'call_sid', type: 'varchar', length: 64, nullable: true })
  callSid!: string | null;

  /** The last call progress the browser was told of, so repeats are not told twice. */
  @Column({ name: 'call_status', type: 'varchar', length: 16, nullable: true })
  callStatus!: CallProgress | null;

  /** Which call of its sign-in this is: 1 for the first, 2 after one "call me again"… */
  @Column({ name: 'calls_placed', type: 'integer', default: 1 })
  callsPlaced!: number;

  @Column({ name: 'expires_at', type: Date })
  expiresAt!: Date;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
