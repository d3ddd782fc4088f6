import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';

/** The path the voice webhooks live under; the CSRF origin check exempts it. */
export const VOICE_WEBHOOK_PREFIX = 'api/voice/challenges';

/** Absolute webhook URLs on PUBLIC_BASE_URL: what the carrier calls and what it signs. */
@Injectable()
export class WebhookUrls {
  private readonly base: string;

  constructor(config: ConfigService<Configuration, true>) {
    this.base = `${config.get('app', { infer: true }).publicBaseUrl}/${VOICE_WEBHOOK_PREFIX}`;
  }

  answer(challengeId: string): string {
    return `${this.base}/${challengeId}/answer`;
  }

  digit(challengeId: string, position: number): string {
    return `${this.base}/${challengeId}/digits/${position}`;
  }

  status(challengeId: string): string {
    return `${this.base}/${challengeId}/status`;
  }
}
