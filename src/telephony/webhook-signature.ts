import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import twilio from 'twilio';
import type { Configuration } from '../config/configuration.js';

export type WebhookParams = Record<string, string>;

/**
 * Twilio's `X-Twilio-Signature` scheme (HMAC-SHA1 of the URL and sorted form fields, keyed
 * by the auth token), computed and checked by the twilio SDK itself.
 */
@Injectable()
export class WebhookSignature {
  private readonly authToken: string;

  constructor(config: ConfigService<Configuration, true>) {
    this.authToken = config.get('telephony', { infer: true }).authToken;
  }

  sign(url: string, params: WebhookParams): string {
    return twilio.getExpectedTwilioSignature(this.authToken, url, params);
  }

  isValid(signature: string, url: string, params: WebhookParams): boolean {
    return twilio.validateRequest(this.authToken, signature, url, params);
  }
}
