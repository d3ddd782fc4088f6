import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import twilio from 'twilio';
import type { Configuration } from '../../config/configuration.js';
import {
  type CallRequest,
  CallPlacementError,
  type PlacedCall,
  TelephonyProvider,
} from '../telephony-provider.js';
import { RedirectingRequestClient } from './redirecting-request-client.js';

/** Twilio's "call already over" answer to an update, which endCall treats as success. */
const CALL_NOT_IN_PROGRESS = 21220;

/** Calls through Twilio's Programmable Voice REST API, with the official SDK. */
@Injectable()
export class TwilioTelephonyProvider extends TelephonyProvider {
  private readonly logger = new Logger(TwilioTelephonyProvider.name);
  private readonly client: twilio.Twilio;
  private readonly fromNumber: string;

  constructor(config: ConfigService<Configuration, true>) {
    super();
    const telephony = config.get('telephony', { infer: true });
    if (telephony.driver !== 'twilio') {
      throw new Error('TwilioTelephonyProvider needs TELEPHONY_DRIVER=twilio');
    }
    this.fromNumber = telephony.fromNumber;
    this.client = twilio(telephony.accountSid, telephony.authToken, {
      // Read nothing from process.env behind the config layer's back.
      env: {},
      autoRetry: true,
      maxRetries: 2,
      timeout: 10_000,
      httpClient: telephony.apiBaseUrl
        ? new RedirectingRequestClient(telephony.apiBaseUrl)
        : undefined,
    });
  }

  async placeCall(request: CallRequest): Promise<PlacedCall> {
    try {
      const call = await this.client.calls.create({
        to: request.to,
        from: this.fromNumber,
        url: request.answerUrl,
        method: 'POST',
        statusCallback: request.statusCallbackUrl,
        statusCallbackMethod: 'POST',
        statusCallbackEvent: ['initiated', 'ringing', 'answered', 'completed'],
        timeout: request.ringTimeoutSeconds,
      });
      this.logger.log({ msg: 'call placed', callSid: call.sid });
      return { callSid: call.sid };
    } catch (error) {
      throw this.placementError(error);
    }
  }

  async endCall(callSid: string): Promise<void> {
    try {
      await this.client.calls(callSid).update({ status: 'completed' });
    } catch (error) {
      if (error instanceof twilio.RestException && error.code === CALL_NOT_IN_PROGRESS) return;
      throw this.placementError(error);
    }
  }

  private placementError(error: unknown): CallPlacementError {
    if (error instanceof twilio.RestException) {
      this.logger.warn({ msg: 'carrier refused', status: error.status, carrierCode: error.code });
      return new CallPlacementError(
        `Carrier refused (code ${error.code ?? error.status})`,
        error.code,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error({ msg: 'carrier unreachable', reason });
    return new CallPlacementError('Carrier unreachable');
  }
}
