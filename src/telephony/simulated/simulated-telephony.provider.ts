import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../../config/configuration.js';
import { type CallRequest, type PlacedCall, TelephonyProvider } from '../telephony-provider.js';
import { SimulatedCarrier } from './simulated-carrier.js';

/** Places calls on the in-process SimulatedCarrier: the offline default. */
@Injectable()
export class SimulatedTelephonyProvider extends TelephonyProvider {
  private readonly fromNumber: string;

  constructor(
    private readonly carrier: SimulatedCarrier,
    config: ConfigService<Configuration, true>,
  ) {
    super();
    this.fromNumber = config.get('telephony', { infer: true }).fromNumber;
  }

  async placeCall(request: CallRequest): Promise<PlacedCall> {
    return { callSid: this.carrier.dial(request, this.fromNumber) };
  }

  async endCall(callSid: string): Promise<void> {
    this.carrier.hangUp(callSid);
  }
}
