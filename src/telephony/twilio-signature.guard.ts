import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import type { Configuration } from '../config/configuration.js';
import { type WebhookParams, WebhookSignature } from './webhook-signature.js';

/**
 * Lets a webhook through only with a valid `X-Twilio-Signature`. The URL signed is the one
 * Twilio was given (PUBLIC_BASE_URL + path), never the Host header, which a proxy rewrites
 * and an attacker controls.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger(TwilioSignatureGuard.name);
  private readonly publicOrigin: string;

  constructor(
    private readonly signature: WebhookSignature,
    config: ConfigService<Configuration, true>,
  ) {
    this.publicOrigin = config.get('app', { infer: true }).publicBaseUrl;
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.header('x-twilio-signature');
    const url = this.publicOrigin + request.originalUrl;
    const params = isForm(request.header('content-type')) ? formFields(request.body) : undefined;
    if (!header || !params || !this.signature.isValid(header, url, params)) {
      this.logger.warn({ msg: 'webhook refused: bad signature', path: request.path });
      throw new ForbiddenException('Invalid webhook signature');
    }
    return true;
  }
}

/**
 * Twilio posts form fields (or, for a bare callback, nothing). A signature over the same
 * fields sent as JSON is not Twilio's scheme (it signs other bodies by their SHA-256), so
 * such a post is refused rather than read as if it were the form.
 */
function isForm(contentType: string | undefined): boolean {
  return (
    contentType === undefined ||
    contentType.toLowerCase().split(';')[0].trim() === 'application/x-www-form-urlencoded'
  );
}

/** Twilio posts flat `application/x-www-form-urlencoded` fields; anything else is refused. */
function formFields(body: unknown): WebhookParams | undefined {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) return undefined;
  const entries = Object.entries(body as Record<string, unknown>);
  if (entries.some(([, value]) => typeof value !== 'string')) return undefined;
  return Object.fromEntries(entries) as WebhookParams;
}
