import { hkdfSync } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../../config/configuration.js';

/**
 * Keys for protecting codes, derived from SESSION_SECRET with HKDF so one operator secret
 * serves every instance, while each use gets a key of its own.
 */
@Injectable()
export class CodeKeys {
  readonly digitHashKey: Buffer;
  readonly sealKey: Buffer;

  constructor(config: ConfigService<Configuration, true>) {
    const secret = config.get('session', { infer: true }).secret;
    this.digitHashKey = derive(secret, 'callgate/challenge-digit-hash/v1');
    this.sealKey = derive(secret, 'callgate/session-code-seal/v1');
  }
}

function derive(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'callgate', purpose, 32));
}
