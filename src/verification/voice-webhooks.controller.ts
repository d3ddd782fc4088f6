import { Body, Controller, Header, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TwilioSignatureGuard } from '../telephony/twilio-signature.guard.js';
import { CallFlow } from './call-flow.service.js';
import { CallProgressTracker } from './call-progress.service.js';
import { CallScript } from './call-script.js';
import { readVoiceFields } from './voice-fields.js';
import { VOICE_WEBHOOK_PREFIX } from './webhook-urls.js';

/**
 * The carrier's side of a call (DESIGN §7). Every route checks X-Twilio-Signature first;
 * the replies are TwiML. Documented in docs/ rather than OpenAPI: only carriers call these.
 */
@ApiExcludeController()
@Controller(VOICE_WEBHOOK_PREFIX)
@UseGuards(TwilioSignatureGuard)
export class VoiceWebhooksController {
  constructor(
    private readonly flow: CallFlow,
    private readonly progress: CallProgressTracker,
    private readonly script: CallScript,
  ) {}

  @Post(':challengeId/answer')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  answer(@Param('challengeId') challengeId: string, @Body() body: unknown): Promise<string> {
    return this.flow.answer(challengeId, readVoiceFields(body).callSid);
  }

  @Post(':challengeId/digits/:position')
  @HttpCode(200)
  @Header('Content-Type', 'text/xml')
  async digit(
    @Param('challengeId') challengeId: string,
    @Param('position') position: string,
    @Body() body: unknown,
  ): Promise<string> {
    const fields = readVoiceFields(body);
    if (!/^\d{1,2}$/.test(position)) return this.script.unavailable();
    return this.flow.keypress({
      challengeId,
      callSid: fields.callSid,
      position: Number(position),
      key: fields.digits,
    });
  }

  @Post(':challengeId/status')
  @HttpCode(204)
  async status(@Param('challengeId') challengeId: string, @Body() body: unknown): Promise<void> {
    const fields = readVoiceFields(body);
    await this.progress.report(challengeId, fields.callSid, fields.callStatus);
  }
}
