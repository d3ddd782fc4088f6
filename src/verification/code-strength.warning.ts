import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';

/** NIST SP 800-63B §5.1.3.2 wants about 20 bits from an out-of-band code: six digits. */
export const RECOMMENDED_CODE_LENGTH = 6;

/** The advice to log, or null when the code length is strong enough for where it runs. */
export function codeStrengthAdvice(codeLength: number, isProduction: boolean): string | null {
  if (!isProduction || codeLength >= RECOMMENDED_CODE_LENGTH) return null;
  return (
    `CODE_LENGTH=${codeLength} leaves ${10 ** codeLength} possible codes; ` +
    `NIST SP 800-63B asks for at least ${RECOMMENDED_CODE_LENGTH} digits in production`
  );
}

/**
 * Short codes stay allowed (DESIGN §3 accepts 4 to 10) because some deployments trade
 * strength for speed on purpose, but production start-up says so once, loudly.
 */
@Injectable()
export class CodeStrengthWarning implements OnApplicationBootstrap {
  private readonly logger = new Logger(CodeStrengthWarning.name);
  private readonly advice: string | null;

  constructor(config: ConfigService<Configuration, true>) {
    const { codeLength } = config.get('verification', { infer: true });
    const { isProduction } = config.get('app', { infer: true });
    this.advice = codeStrengthAdvice(codeLength, isProduction);
  }

  onApplicationBootstrap(): void {
    if (this.advice) this.logger.warn({ msg: this.advice });
  }
}
