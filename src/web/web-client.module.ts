import { Module } from '@nestjs/common';
import { TelephonyModule } from '../telephony/telephony.module.js';
import { WebClientController } from './web-client.controller.js';

@Module({
  imports: [TelephonyModule],
  controllers: [WebClientController],
})
export class WebClientModule {}
