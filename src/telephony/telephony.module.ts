import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Configuration } from '../config/configuration.js';
import { SimulatedCarrier } from './simulated/simulated-carrier.js';
import { SimulatedTelephonyProvider } from './simulated/simulated-telephony.provider.js';
import { SimulatorNumbersController } from './simulated/simulator-numbers.controller.js';
import { SimulatorOnlyGuard } from './simulated/simulator-only.guard.js';
import { SimulatorController } from './simulated/simulator.controller.js';
import { SimulatorGateway } from './simulated/simulator.gateway.js';
import { VirtualPhoneBook } from './simulated/virtual-phone-book.js';
import { TelephonyProvider } from './telephony-provider.js';
import { TwilioSignatureGuard } from './twilio-signature.guard.js';
import { TwilioTelephonyProvider } from './twilio/twilio-telephony.provider.js';
import { WebhookSignature } from './webhook-signature.js';

/**
 * A leaf: places calls and checks webhook signatures. Knows nothing of users or codes.
 * The driver is chosen from configuration; each is one class behind TelephonyProvider.
 */
@Module({
  controllers: [SimulatorController, SimulatorNumbersController],
  providers: [
    WebhookSignature,
    TwilioSignatureGuard,
    SimulatedCarrier,
    SimulatorOnlyGuard,
    SimulatorGateway,
    VirtualPhoneBook,
    {
      provide: TelephonyProvider,
      inject: [ConfigService, SimulatedCarrier],
      useFactory: (config: ConfigService<Configuration, true>, carrier: SimulatedCarrier) =>
        config.get('telephony', { infer: true }).driver === 'twilio'
          ? new TwilioTelephonyProvider(config)
          : new SimulatedTelephonyProvider(carrier, config),
    },
  ],
  exports: [
    TelephonyProvider,
    TwilioSignatureGuard,
    WebhookSignature,
    SimulatorOnlyGuard,
    VirtualPhoneBook,
  ],
})
export class TelephonyModule {}
