import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectThrottlerStorage, type ThrottlerStorage } from '@nestjs/throttler';
import type { Configuration } from '../config/configuration.js';
import { CALL_WINDOW_MS } from '../config/limits.config.js';
import { CALLS_PLACED } from './rate-limit-names.js';

/** Who a call is for and who asked for it: each is counted on its own. */
export interface CallParties {
  userId: string;
  /** E.164 number to be dialled. */
  number: string;
  /** The client address that asked (absent when nobody did, e.g. a job). */
  clientIp?: string | null;
}

export type CallBudgetScope = 'client address' | 'user' | 'number';

/** Placing the call would exceed RATE_LIMIT_CALLS_PER_HOUR for one of the parties. */
export class CallBudgetExceededError extends Error {
  constructor(
    readonly scope: CallBudgetScope,
    readonly retryAfterSeconds: number,
  ) {
    super(`Too many calls in the last hour. Please try again in ${retryAfterSeconds} seconds.`);
    this.name = 'CallBudgetExceededError';
  }
}

/**
 * Toll-fraud and harassment limits: at most RATE_LIMIT_CALLS_PER_HOUR calls per hour for
 * one client address, to one user and to one number. Counted in ThrottlerModule's storage
 * (in memory on one instance; whatever storage is bound to the ThrottlerStorage token on
 * several), under hashed keys so a storage dump shows no phone number.
 */
@Injectable()
export class CallBudget {
  private readonly logger = new Logger(CallBudget.name);
  private readonly limit: number;

  constructor(
    @InjectThrottlerStorage() private readonly storage: ThrottlerStorage,
    config: ConfigService<Configuration, true>,
  ) {
    this.limit = config.get('limits', { infer: true }).callsPerHour;
  }

  /**
   * Counts one call against each party, or throws CallBudgetExceededError. The address is
   * counted first and a refusal stops the count, so a flood from one address cannot use
   * up the budget of the user or number it targets.
   */
  async spend(parties: CallParties): Promise<void> {
    const counted: [CallBudgetScope, string | null | undefined][] = [
      ['client address', parties.clientIp],
      ['user', parties.userId],
      ['number', parties.number],
    ];
    for (const [scope, value] of counted) {
      if (!value) continue;
      const record = await this.storage.increment(
        keyOf(scope, value),
        CALL_WINDOW_MS,
        this.limit,
        CALL_WINDOW_MS,
        CALLS_PLACED,
      );
      if (record.isBlocked) {
        this.logger.warn({ msg: 'call refused: hourly limit', scope, userId: parties.userId });
        throw new CallBudgetExceededError(scope, Math.max(1, record.timeToBlockExpire));
      }
    }
  }
}

function keyOf(scope: CallBudgetScope, value: string): string {
  return `${CALLS_PLACED}:${createHash('sha256').update(`${scope}:${value}`).digest('hex')}`;
}
