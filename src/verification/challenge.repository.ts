import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  Brackets,
  type ObjectLiteral,
  In,
  LessThanOrEqual,
  Repository,
  type WhereExpressionBuilder,
} from 'typeorm';
import {
  ACTIVE_STATUSES,
  type CallProgress,
  type ChallengeStatus,
  type FailureReason,
  statusesLeadingTo,
} from './challenge-states.js';
import { Challenge } from './entities/challenge.entity.js';

/**
 * Every change to a challenge is one conditional UPDATE whose WHERE clause states what must
 * still be true. Two webhooks racing (on one instance or several) cannot both win: the
 * loser sees zero rows affected. The TypeORM-specific code of this module lives here.
 */
@Injectable()
export class ChallengeRepository {
  constructor(@InjectRepository(Challenge) private readonly challenges: Repository<Challenge>) {}

  async insert(challenge: Challenge): Promise<void> {
    await this.challenges.insert(challenge);
  }

  findById(id: string): Promise<Challenge | null> {
    return this.challenges.findOneBy({ id });
  }

  /** The newest challenge a browser session asked for. */
  latestForBinding(sessionBinding: string): Promise<Challenge | null> {
    return this.challenges.findOne({ where: { sessionBinding }, order: { createdAt: 'DESC' } });
  }

  findActiveForBinding(sessionBinding: string): Promise<Challenge[]> {
    return this.challenges.findBy({ sessionBinding, status: In([...ACTIVE_STATUSES]) });
  }

  findExpiring(now: Date, limit: number): Promise<Challenge[]> {
    return this.challenges.find({
      where: { status: In([...ACTIVE_STATUSES]), expiresAt: LessThanOrEqual(now) },
      take: limit,
    });
  }

  /** pending → calling, as dialling starts. */
  markCalling(id: string): Promise<boolean> {
    return this.change(id, { status: 'calling' }, (where) =>
      where.andWhere('status IN (:...from)', { from: statusesLeadingTo('calling') }),
    );
  }

  /**
   * Remembers which call carries the challenge. The carrier may report on the call before
   * its REST answer reaches us, so whichever arrives first binds it; a different call never.
   */
  bindCall(id: string, callSid: string): Promise<boolean> {
    return this.change(id, { callSid }, (where) => where.andWhere(sameCallOrUnbound(callSid)));
  }

  /** calling → in-progress when the call that carries it is answered. */
  markAnswered(id: string, callSid: string): Promise<boolean> {
    return this.change(id, { status: 'in-progress', callSid }, (where) =>
      where
        .andWhere('status IN (:...from)', { from: statusesLeadingTo('in-progress') })
        .andWhere(sameCallOrUnbound(callSid)),
    );
  }

  /** The digit at `position` was right and more follow. */
  advance(id: string, callSid: string, position: number): Promise<boolean> {
    return this.run(
      `UPDATE "challenge" SET "digits_entered" = :next WHERE ${AT_POSITION}`,
      atPosition(id, callSid, position),
    );
  }

  /** The last digit was right. */
  markVerified(id: string, callSid: string, position: number): Promise<boolean> {
    return this.run(
      `UPDATE "challenge" SET "status" = :verified, "digits_entered" = :next WHERE ${AT_POSITION}`,
      { ...atPosition(id, callSid, position), verified: 'verified' },
    );
  }

  /** A wrong digit at `position`, as long as nothing moved past it meanwhile. */
  failAtPosition(
    id: string,
    callSid: string,
    position: number,
    reason: FailureReason,
  ): Promise<boolean> {
    return this.run(
      `UPDATE "challenge" SET "status" = :failed, "failure_reason" = :reason WHERE ${AT_POSITION}`,
      { ...atPosition(id, callSid, position), failed: 'failed', reason },
    );
  }

  /** Ends an active challenge; `expired` gets its own status, every other reason `failed`. */
  end(id: string, reason: FailureReason): Promise<boolean> {
    const status: ChallengeStatus = reason === 'expired' ? 'expired' : 'failed';
    return this.change(id, { status, failureReason: reason }, (where) =>
      where.andWhere('status IN (:...from)', { from: statusesLeadingTo(status) }),
    );
  }

  /** Records call progress only when it moves forward, so each step is announced once. */
  recordCallProgress(
    id: string,
    progress: CallProgress,
    earlier: CallProgress[],
  ): Promise<boolean> {
    return this.change(id, { callStatus: progress }, (where) =>
      where.andWhere(
        new Brackets((inner) => {
          inner.where('call_status IS NULL');
          if (earlier.length > 0) inner.orWhere('call_status IN (:...earlier)', { earlier });
        }),
      ),
    );
  }

  private async change(
    id: string,
    values: Partial<Challenge>,
    conditions: (where: WhereExpressionBuilder) => WhereExpressionBuilder,
  ): Promise<boolean> {
    const query = this.challenges
      .createQueryBuilder()
      .update(Challenge)
      .set(values)
      .where('id = :id', { id });
    conditions(query);
    const result = await query.execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * The key presses' UPDATEs, written out: they are most of the database work of a call,
   * and the query builder cost more CPU than SQLite itself (see docs/BENCHMARKS.md).
   * `:name` parameters become the driver's own placeholders, as the builder would make them.
   */
  private async run(sql: string, parameters: ObjectLiteral): Promise<boolean> {
    const { manager } = this.challenges;
    const [query, values] = manager.connection.driver.escapeQueryWithParameters(
      sql,
      parameters,
      {},
    );
    const runner = manager.connection.createQueryRunner();
    try {
      const result = await runner.query(query, values, true);
      return (result.affected ?? 0) > 0;
    } finally {
      await runner.release();
    }
  }
}

/** Where a key press expects its challenge: in progress, on this call, at this digit. */
const AT_POSITION =
  '"id" = :id AND "status" = :current AND "call_sid" = :callSid AND "digits_entered" = :position';

function atPosition(id: string, callSid: string, position: number) {
  return { id, current: 'in-progress', callSid, position, next: position + 1 };
}

function sameCallOrUnbound(callSid: string): Brackets {
  return new Brackets((where) =>
    where.where('call_sid IS NULL').orWhere('call_sid = :callSid', { callSid }),
  );
}
