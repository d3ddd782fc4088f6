import {
  Body,
  ConflictException,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallsQueryDto } from './dto/calls-query.dto.js';
import { SimulatedCallResponse } from './dto/simulated-call.view.js';
import { KeypressDto } from './dto/keypress.dto.js';
import { SimulatedCarrier, type SimulatedCallView } from './simulated-carrier.js';
import { SimulatorOnlyGuard } from './simulator-only.guard.js';

/**
 * The virtual phone's side of the simulated carrier. Anyone who can reach a development
 * server may use it, exactly as anyone may pick up a ringing phone.
 */
@ApiTags('simulator')
@Controller('api/simulator/calls')
@UseGuards(SimulatorOnlyGuard)
export class SimulatorController {
  constructor(private readonly carrier: SimulatedCarrier) {}

  @Get()
  @ApiOperation({
    summary: 'Calls to a number on the virtual phone, newest first (simulated carrier only)',
  })
  @ApiOkResponse({ type: [SimulatedCallResponse] })
  list(@Query() { to = '' }: CallsQueryDto): SimulatedCallView[] {
    return this.carrier.callsTo(to.trim());
  }

  @Get(':sid')
  @ApiOperation({ summary: 'One call on the virtual phone' })
  @ApiOkResponse({ type: SimulatedCallResponse })
  get(@Param('sid') sid: string): SimulatedCallView {
    const call = this.carrier.find(sid);
    if (!call) throw new NotFoundException('No such call');
    return call;
  }

  @Post(':sid/answer')
  @ApiOperation({ summary: 'Answer a ringing call (the carrier then fetches its TwiML)' })
  @ApiOkResponse({ type: SimulatedCallResponse })
  @HttpCode(200)
  answer(@Param('sid') sid: string): SimulatedCallView {
    return this.act(sid, this.carrier.answer(sid), 'The call is not ringing');
  }

  @Post(':sid/decline')
  @ApiOperation({ summary: 'Decline a ringing call (reported as busy)' })
  @ApiOkResponse({ type: SimulatedCallResponse })
  @HttpCode(200)
  decline(@Param('sid') sid: string): SimulatedCallView {
    return this.act(sid, this.carrier.decline(sid), 'The call is not ringing');
  }

  @Post(':sid/hangup')
  @ApiOperation({ summary: 'Hang up (reported as completed, or canceled while ringing)' })
  @ApiOkResponse({ type: SimulatedCallResponse })
  @HttpCode(200)
  hangUp(@Param('sid') sid: string): SimulatedCallView {
    return this.act(sid, this.carrier.hangUp(sid), 'The call is already over');
  }

  @Post(':sid/keys')
  @ApiOperation({ summary: 'Press one key (sent as a signed Gather webhook)' })
  @ApiOkResponse({ type: SimulatedCallResponse })
  @HttpCode(200)
  press(@Param('sid') sid: string, @Body() { key }: KeypressDto): SimulatedCallView {
    return this.act(sid, this.carrier.press(sid, key), 'The call is not in progress');
  }

  private act(sid: string, accepted: boolean, refusal: string): SimulatedCallView {
    const call = this.carrier.find(sid);
    if (!call) throw new NotFoundException('No such call');
    if (!accepted) throw new ConflictException(refusal);
    return call;
  }
}
